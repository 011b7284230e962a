package dev.converge.domain.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The dirty rows of one table and column that break one rule: how many, the first few keys, and
 * the setting that would fix them. Each one is a blocker until a policy or an exclusion resolves it.
 */
public record DirtyRule(String table, String column, String rule, long rows, List<String> firstKeys, String fix) {

  /** How many keys the terminal and the plan show per rule; dirty_rows.csv holds all of them. */
  public static final int KEYS_SHOWN = 5;

  public DirtyRule {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(rule, "rule");
    if (rows < 1) {
      throw new IllegalArgumentException("a dirty rule covers at least one row");
    }
    firstKeys = List.copyOf(firstKeys);
  }

  /**
   * The rule a dirty row is counted under: its text without a leading count (a length), so that
   * "37 characters, longer than varchar(36)" and "40 characters, …" form one group, read as
   * "longer than varchar(36)" (each row's own count stays in dirty_rows.csv).
   */
  public static String groupOf(String rule) {
    return rule.replaceFirst("^\\d+ [a-z]+, ", "");
  }

  /** This rule with one more row (its key kept while fewer than {@link #KEYS_SHOWN} are). */
  public DirtyRule plus(DirtyRow row) {
    List<String> keys = new ArrayList<>(firstKeys);
    if (keys.size() < KEYS_SHOWN) {
      keys.add(row.key());
    }
    return new DirtyRule(table, column, rule, rows + 1, keys, fix);
  }

  public static DirtyRule of(DirtyRow row) {
    return new DirtyRule(row.table(), row.column(), groupOf(row.rule()), 1, List.of(row.key()), row.fix());
  }

  /** The blocker's text: count, rule, first keys, and the fix or that there is none. */
  public String summary() {
    return rows + " row(s): " + rule + "; key" + (rows == 1 ? " " : "s ") + String.join(" | ", firstKeys)
        + (rows > firstKeys.size() ? " | …" : "") + " (all in dirty_rows.csv); "
        + (fix == null ? "no policy fixes it: correct the rows in the source, " + decision() + ", or exclude the table"
            : "fix: " + fix + " (or " + decision() + ")");
  }

  /**
   * The explicit decision that lets the load pass without these rows' values: a default for a NULL,
   * else quarantine (also of a source row colliding with one the target keeps: the choice besides
   * truncating the target's rows).
   */
  private String decision() {
    String code = RowDecisions.codeOf(rule);
    if (code.equals(RowDecisions.ORPHAN)) {
      return "load its parent row too";
    }
    if (code.equals(RowDecisions.MERGED)) {
      return "keep --existing-rows merge-by-primary-key for the table (the target's row stays)";
    }
    return (code.equals(RowDecisions.NOT_NULL) ? "replace the NULL with --default " + table + "." + column + "=VALUE or " : "")
        + "set the rows aside with --quarantine " + table + ":" + code;
  }

  public Blocker blocker() {
    return new Blocker(table, column, summary());
  }
}

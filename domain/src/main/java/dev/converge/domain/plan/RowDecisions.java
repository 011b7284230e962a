package dev.converge.domain.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The operator's explicit decisions about rows the target would refuse: which to set aside
 * (quarantine, per table or per table and rule) and which NULLs to replace (a default per NOT NULL
 * column). The plan's scan and export follow the same decisions through {@link TableScan}, so the
 * plan's verdict is export's.
 *
 * @param quarantine source table → the rule codes whose rows are set aside ({@link #RULES}); an
 *     empty set sets aside a row for any rule
 * @param defaults {@code table.column} (source names) → the value, in the source's text form, that
 *     stands for a NULL in the column (whose target is NOT NULL)
 * @param lookups {@code table.column} (source names) → the SQL that maps each of the column's
 *     non-NULL values to the value loaded: run on the source with every {@code ?} bound to the value,
 *     it must return exactly one row (its first column is the new value, in the source's text form)
 */
public record RowDecisions(Map<String, Set<String>> quarantine, Map<String, String> defaults,
    Map<String, String> lookups) {

  /** No decision: every dirty row blocks. */
  public static final RowDecisions NONE = new RowDecisions(Map.of(), Map.of(), Map.of());

  /** A NULL where the target column is NOT NULL (and no default is decided). */
  public static final String NOT_NULL = "not-null";
  /** A row repeating another's value under one of the target's primary or unique keys. */
  public static final String UNIQUE = "unique";
  /** A value the target column's type refuses (length, range, labels, uuid, date, NUL, JSON …). */
  public static final String INVALID_VALUE = "invalid-value";
  /** A row whose parent under a target foreign key was quarantined (it follows its parent, never an orphan). */
  public static final String PARENT_QUARANTINED = "parent-quarantined";
  /**
   * A row referencing a parent the source does not hold (found by the plan's SQL, not by export):
   * never set aside by a decision, it blocks until the source is corrected or the table excluded.
   */
  public static final String ORPHAN = "orphan";
  /**
   * A source row whose unique key matches a row the target already holds (existing rows kept):
   * resolved by truncating the target's rows, or by quarantine (export then reads the target's kept rows).
   */
  public static final String EXISTING_ROW = "existing-row";
  /** A NULL replaced by the column's decided default. */
  public static final String DEFAULT = "default";
  /** A value the column's map lookup replaced ({@code map: TABLE.COLUMN}), or found no single row for. */
  public static final String MAP = "map";
  /** A value the column's map lookup finds no row for, or several. */
  public static final String UNMAPPED = "unmapped";
  /**
   * A source row whose primary key the target already holds with other content, under
   * {@code --existing-rows merge-by-primary-key}: the target's row stays, the source's is not loaded.
   * Decided by that choice itself, never a blocker and never quarantined; each differing value is
   * listed in dirty_rows.csv and changes.csv, and verify expects it.
   */
  public static final String MERGED = "merged-by-primary-key";

  /** How the plan's orphan rule begins (MySqlPreflightAdapter words it). */
  public static final String ORPHAN_RULE = "references a row of ";

  /** How the rule of a value the column's map lookup cannot map begins. */
  public static final String UNMAPPED_RULE = "the column's map lookup found ";

  /** The rule codes {@code --quarantine TABLE:RULE} takes. */
  public static final List<String> RULES = List.of(NOT_NULL, UNIQUE, INVALID_VALUE, UNMAPPED, EXISTING_ROW);

  public RowDecisions {
    Map<String, Set<String>> copied = new TreeMap<>();
    Objects.requireNonNull(quarantine, "quarantine").forEach((table, rules) -> {
      for (String rule : rules) {
        if (!RULES.contains(rule)) {
          throw new IllegalArgumentException("--quarantine " + table + ":" + rule + ": unknown rule " + rule
              + "; known: " + String.join(", ", RULES));
        }
      }
      copied.put(table, Set.copyOf(new TreeSet<>(rules)));
    });
    quarantine = Map.copyOf(copied);
    defaults = Map.copyOf(Objects.requireNonNull(defaults, "defaults"));
    lookups = lookups == null ? Map.of() : Map.copyOf(lookups); // a plan saved before maps existed
  }

  /** Quarantines and defaults, no map. */
  public RowDecisions(Map<String, Set<String>> quarantine, Map<String, String> defaults) {
    this(quarantine, defaults, Map.of());
  }

  /** Whether a dirty row of {@code table} breaking rule {@code code} is set aside (an orphan never is). */
  public boolean quarantines(String table, String code) {
    Set<String> rules = code.equals(ORPHAN) || code.equals(MERGED) ? null : quarantine.get(table);
    return rules != null && (rules.isEmpty() || rules.contains(code));
  }

  /**
   * Whether a dirty row of {@code table} breaking rule {@code code} is decided, so not a blocker: set
   * aside by a quarantine, or merged (the operator chose merge-by-primary-key: the target's row stays).
   */
  public boolean decides(String table, String code) {
    return code.equals(MERGED) || quarantines(table, code);
  }

  /** The SQL of the column's map, if it has one. */
  public Optional<String> lookupFor(String table, String column) {
    return Optional.ofNullable(lookups.get(table + "." + column));
  }

  public boolean quarantinesAny() {
    return !quarantine.isEmpty();
  }

  public Optional<String> defaultFor(String table, String column) {
    return Optional.ofNullable(defaults.get(table + "." + column));
  }

  public boolean isEmpty() {
    return quarantine.isEmpty() && defaults.isEmpty() && lookups.isEmpty();
  }

  /** The rule code a dirty row breaks, as {@code --quarantine TABLE:RULE} names it. */
  public static String codeOf(DirtyRow row) {
    return codeOf(row.rule());
  }

  /** The rule code of a rule's text. */
  public static String codeOf(String rule) {
    if (rule.equals(TableScan.NOT_NULL_RULE)) {
      return NOT_NULL;
    }
    if (rule.startsWith(ORPHAN_RULE)) {
      return ORPHAN;
    }
    if (rule.startsWith(TableScan.EXISTING_ROW_RULE)) {
      return EXISTING_ROW;
    }
    if (rule.startsWith(UNMAPPED_RULE)) {
      return UNMAPPED;
    }
    if (rule.startsWith(TableScan.MERGED_RULE)) {
      return MERGED;
    }
    return rule.startsWith(TableScan.REPEATED_KEY_RULE) ? UNIQUE : INVALID_VALUE;
  }

  /** The decisions as the operator writes them, for the plan and the reports. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    new TreeMap<>(quarantine).forEach((table, rules) -> lines.add("--quarantine " + table
        + (rules.isEmpty() || rules.containsAll(RULES) ? "" : ":" + String.join(",", new TreeSet<>(rules)))));
    new TreeMap<>(defaults).forEach((column, value) -> lines.add("--default " + column + "=" + value));
    new TreeMap<>(lookups).forEach((column, sql) -> lines.add("--map " + column + "=lookup:" + sql));
    return lines;
  }

  /**
   * What is wrong with these decisions against the plan's tables, one blocker each: a table or
   * column not planned, a default for a column that accepts NULL, a default the column's type refuses.
   */
  public List<Blocker> problems(List<TablePlan> tables) {
    List<Blocker> problems = new ArrayList<>();
    for (String table : quarantine.keySet()) {
      if (tables.stream().noneMatch(t -> t.sourceTable().equals(table))) {
        problems.add(new Blocker(table, null, "--quarantine " + table + ": no planned source table of this name"));
      }
    }
    new TreeMap<>(defaults).forEach((name, value) -> {
      int dot = name.indexOf('.');
      String table = dot < 0 ? name : name.substring(0, dot);
      String column = dot < 0 ? "" : name.substring(dot + 1);
      Optional<ColumnPlan> planned = tables.stream().filter(t -> t.sourceTable().equals(table))
          .flatMap(t -> t.columns().stream()).filter(c -> c.source().name().equals(column)).findFirst();
      if (planned.isEmpty()) {
        problems.add(new Blocker(table, column.isEmpty() ? null : column, "--default " + name + "=" + value
            + ": no planned source column " + name + " (give TABLE.COLUMN=VALUE in source names)"));
      } else if (planned.get().target().nullable()) {
        problems.add(new Blocker(table, column, "--default " + name + "=" + value + " cannot apply: target column "
            + planned.get().target().name() + " accepts NULL, so a NULL is loaded as it is; remove the default"));
      } else {
        TableScan.refusal(planned.get(), value).ifPresent(rule -> problems.add(new Blocker(table, column, "--default "
            + name + "=" + value + ": the target column refuses this value: " + rule)));
      }
    });
    new TreeMap<>(lookups).forEach((name, sql) -> {
      int dot = name.indexOf('.');
      String table = dot < 0 ? name : name.substring(0, dot);
      String column = dot < 0 ? "" : name.substring(dot + 1);
      boolean planned = tables.stream().filter(t -> t.sourceTable().equals(table))
          .flatMap(t -> t.columns().stream()).anyMatch(c -> c.source().name().equals(column));
      if (!planned) {
        problems.add(new Blocker(table, column.isEmpty() ? null : column, "--map " + name + "=lookup:" + sql
            + ": no planned source column " + name + " (give TABLE.COLUMN=lookup:SQL in source names)"));
      } else if (!sql.contains("?")) {
        problems.add(new Blocker(table, column, "--map " + name + "=lookup:" + sql
            + ": the lookup has no ? for the column's value"));
      }
    });
    return problems;
  }
}

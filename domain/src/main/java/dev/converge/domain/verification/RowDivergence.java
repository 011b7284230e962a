package dev.converge.domain.verification;

import dev.converge.domain.conversion.ValueDisplay;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One row, by primary key, that is not the same in the source now, in the export and in the target,
 * with the side that is odd: the export is the reference, so a source that differs from it changed
 * after the export, and a target that differs from it was altered (or lost a row) after the export.
 * Rows are in the canonical form of each column's {@link dev.converge.domain.conversion.type.TargetType#canonical}.
 *
 * @param key the canonical primary-key values
 * @param kinds what happened, one or two (when both the source and the target moved away from the export)
 * @param columns the columns whose values differ between the sides that hold the row
 */
public record RowDivergence(List<String> key, List<Kind> kinds, Presence source, boolean inExport, boolean inTarget,
    List<ColumnValues> columns) {

  /** Which side is odd, and how. */
  public enum Kind {
    CHANGED_IN_SOURCE("changed in the source since the export"),
    INSERTED_IN_SOURCE("inserted in the source since the export"),
    DELETED_IN_SOURCE("deleted in the source since the export"),
    ALTERED_IN_TARGET("altered in the target"),
    LOST_IN_LOAD("lost in the load"),
    ADDED_IN_TARGET("added in the target");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /**
     * The label against {@code reference}, the state both sides are compared with: {@code export}, or
     * {@code sync} for a table a sync made equal to the source since (a row the target lacks then was
     * deleted there, not lost in a load).
     */
    public String label(String reference) {
      if (reference.equals("export")) {
        return label;
      }
      return this == LOST_IN_LOAD ? "deleted in the target since the " + reference
          : label.replace("since the export", "since the " + reference);
    }
  }

  /** What is known of the source's row: held (values known), absent, or held but its values were not kept. */
  public enum Presence { HELD, ABSENT, HELD_NOT_KEPT }

  /** One column's value on each side; {@code null} for NULL or where the side does not hold the row. */
  public record ColumnValues(String column, String source, String export, String target) {
    public ColumnValues {
      Objects.requireNonNull(column, "column");
    }
  }

  public RowDivergence {
    key = List.copyOf(key);
    kinds = List.copyOf(kinds);
    Objects.requireNonNull(source, "source");
    columns = List.copyOf(columns);
  }

  /**
   * Compares one key's three rows.
   *
   * @param source the source's row; {@code null} when the source does not hold the key
   * @param sourceKept false when the source holds the key with other content than the export, but its
   *     values were not kept (beyond the examples asked for); {@code source} is then ignored
   * @param export the export's row, {@code null} when the export does not have the key
   * @param target the target's row, {@code null} when the target does not hold the key
   * @return the divergence, or {@code null} when all three sides agree
   */
  public static RowDivergence of(List<String> key, List<String> columnNames, List<String> source, boolean sourceKept,
      List<String> export, List<String> target) {
    boolean sourceOdd = !sourceKept || !Objects.equals(source, export);
    boolean targetOdd = !Objects.equals(target, export);
    if (!sourceOdd && !targetOdd) {
      return null;
    }
    List<Kind> kinds = new ArrayList<>(2);
    if (sourceOdd) {
      kinds.add(export == null ? Kind.INSERTED_IN_SOURCE
          : sourceKept && source == null ? Kind.DELETED_IN_SOURCE : Kind.CHANGED_IN_SOURCE);
    }
    if (targetOdd) {
      kinds.add(target == null ? Kind.LOST_IN_LOAD : export == null ? Kind.ADDED_IN_TARGET : Kind.ALTERED_IN_TARGET);
    }
    List<ColumnValues> columns = new ArrayList<>();
    List<String> shownSource = sourceKept ? source : null;
    int held = (shownSource == null ? 0 : 1) + (export == null ? 0 : 1) + (target == null ? 0 : 1);
    if (held >= 2) {
      for (int i = 0; i < columnNames.size(); i++) {
        String s = valueAt(shownSource, i);
        String e = valueAt(export, i);
        String t = valueAt(target, i);
        boolean differs = (shownSource != null && export != null && !Objects.equals(s, e))
            || (shownSource != null && target != null && !Objects.equals(s, t))
            || (export != null && target != null && !Objects.equals(e, t));
        if (differs) {
          columns.add(new ColumnValues(columnNames.get(i), s, e, t));
        }
      }
    }
    Presence presence = !sourceKept ? Presence.HELD_NOT_KEPT : source == null ? Presence.ABSENT : Presence.HELD;
    return new RowDivergence(key, kinds, presence, export != null, target != null, columns);
  }

  /** Whether the source differs from the export at this key. */
  public boolean sourceOdd() {
    return kinds.stream().anyMatch(kind -> kind.ordinal() <= Kind.DELETED_IN_SOURCE.ordinal());
  }

  /** Whether the target differs from the export at this key. */
  public boolean targetOdd() {
    return kinds.stream().anyMatch(kind -> kind.ordinal() > Kind.DELETED_IN_SOURCE.ordinal());
  }

  /**
   * For the report: {@code changed in the source since the export (firstName: source 'b', export 'a',
   * target 'a')}; where a side lacks the row, which sides hold it.
   */
  public String describe() {
    return describe("export");
  }

  /** As {@link #describe()}, with {@code reference} ({@code export} or {@code sync}) as the reference's name. */
  public String describe(String reference) {
    List<String> facts = new ArrayList<>();
    List<String> holding = new ArrayList<>();
    List<String> lacking = new ArrayList<>();
    (source == Presence.ABSENT ? lacking : holding).add("the source");
    (inExport ? holding : lacking).add("the " + reference);
    (inTarget ? holding : lacking).add("the target");
    if (!lacking.isEmpty()) {
      facts.add("in " + String.join(" and ", holding) + ", not in " + String.join(" or ", lacking));
    }
    for (ColumnValues column : columns) {
      facts.add(column.column() + ": source " + shown(source, column.source()) + ", " + reference + " "
          + (inExport ? ValueDisplay.of(column.export()) : "absent") + ", target "
          + (inTarget ? ValueDisplay.of(column.target()) : "absent"));
    }
    if (source == Presence.HELD_NOT_KEPT) {
      facts.add("the source's values were not kept (more differing rows than --examples)");
    }
    return String.join(" and ", kinds.stream().map(kind -> kind.label(reference)).toList())
        + (facts.isEmpty() ? "" : " (" + String.join("; ", facts) + ")");
  }

  private static String shown(Presence source, String value) {
    return switch (source) {
      case HELD -> ValueDisplay.of(value);
      case ABSENT -> "absent";
      case HELD_NOT_KEPT -> "?";
    };
  }

  private static String valueAt(List<String> row, int i) {
    return row == null ? null : row.get(i);
  }
}

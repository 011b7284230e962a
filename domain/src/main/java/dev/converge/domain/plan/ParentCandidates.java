package dev.converge.domain.plan;

import dev.converge.domain.conversion.ValueDisplay;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.conversion.type.ColumnCodec;
import dev.converge.domain.conversion.type.TargetType;
import dev.converge.domain.schema.ForeignKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One target foreign key's orphan check, answered from the plan's data scan: beside each child row
 * the source found the one parent row whose referenced columns equal the row's under the source's
 * own comparison (its collation, through the parent's index), and this compares that candidate with
 * the child as PostgreSQL will — both sides through their columns' own conversions, by canonical form
 * (a uuid ignoring case, a case-folding text ignoring case, any other value exactly). A child with a
 * NULL in the key, or a value its own column rejects (a dirty row already), is not an orphan here.
 * Not thread-safe: one per reader.
 */
public final class ParentCandidates {

  private final PreflightCheck check;
  private final int[] childColumns;
  private final ColumnCodec[] parentCodecs;
  private final boolean[] folded;
  private final String column;
  private final String rule;
  private long orphans;
  private String example;

  /**
   * @param plan the plan whose tables hold the child and the parent
   * @param check an {@link PreflightCheck.Kind#ORPHAN} check of {@code child}
   */
  public ParentCandidates(MigrationPlan plan, TablePlan child, PreflightCheck check) {
    if (check.kind() != PreflightCheck.Kind.ORPHAN || !check.table().equals(child.sourceTable())) {
      throw new IllegalArgumentException(check.table() + " " + check.kind() + " is no orphan check of "
          + child.sourceTable());
    }
    this.check = check;
    ForeignKey key = check.foreignKey();
    TablePlan parent = plan.tables().stream().filter(table -> table.sourceTable().equals(key.referencedTable()))
        .findFirst().orElseThrow(() -> new IllegalArgumentException(key.referencedTable() + " is not planned"));
    int width = key.columns().size();
    childColumns = new int[width];
    parentCodecs = new ColumnCodec[width];
    folded = new boolean[width];
    for (int i = 0; i < width; i++) {
      childColumns[i] = indexOf(child, key.columns().get(i));
      ColumnPlan referenced = parent.columns().get(indexOf(parent, key.referencedColumns().get(i)));
      TargetType type = TargetType.of(referenced.target());
      parentCodecs[i] = type.codec(referenced.conversion(), referenced.policies());
      folded[i] = type.foldsCase() || TargetType.of(child.columns().get(childColumns[i]).target()).foldsCase();
    }
    column = String.join(",", key.columns());
    rule = rule(key);
  }

  /** The dirty row's rule for a child whose parent the target will not find. */
  public static String rule(ForeignKey key) {
    return "references a row of " + key.referencedTable() + " that does not exist (foreign key " + key.name()
        + "; MySQL had foreign-key checks off)";
  }

  /**
   * The dirty row when {@code row}, just checked by {@code verdict}, is an orphan, else null.
   *
   * @param parentValues the row's array as read: its columns, then the candidate parent's
   * @param offset where this key's candidate values start in {@code parentValues}
   */
  public DirtyRow check(TableScan verdict, Object[] parentValues, int offset, long position) {
    String[] canonicals = verdict.canonicals();
    boolean found = true;
    for (int i = 0; i < childColumns.length; i++) {
      String child = canonicals[childColumns[i]];
      if (child == null) {
        return null; // a NULL (MATCH SIMPLE: no reference) or a value its column rejects
      }
      Object candidate = parentValues[offset + i];
      if (candidate == null) {
        found = false;
        continue;
      }
      String parent;
      try {
        parent = parentCodecs[i].convert(candidate).canonical();
      } catch (ValueRejectedException e) {
        return null; // the parent's own row is dirty: its scan names it
      }
      if (parent == null || !(folded[i] ? parent.toLowerCase(Locale.ROOT).equals(child.toLowerCase(Locale.ROOT))
          : parent.equals(child))) {
        found = false;
      }
    }
    if (found) {
      return null;
    }
    List<String> values = new ArrayList<>(childColumns.length);
    for (int column : childColumns) {
      values.add(ValueDisplay.of(parentValues[column]));
    }
    String shown = String.join(", ", values);
    orphans++;
    example = example == null ? shown : example;
    return new DirtyRow(check.table(), verdict.rowKey(parentValues, position), column, rule, shown, null);
  }

  /** What this reader found, as the SQL check's finding would say it. */
  public Finding finding() {
    return new Finding(check, orphans, example, true);
  }

  /** Two readers' findings of the same check, as one. */
  public static Finding merged(Finding one, Finding other) {
    if (!one.check().equals(other.check())) {
      throw new IllegalArgumentException("findings of two checks: " + one.check() + ", " + other.check());
    }
    return new Finding(one.check(), one.rows() + other.rows(), one.example() != null ? one.example() : other.example(),
        one.completed() && other.completed());
  }

  private static int indexOf(TablePlan table, String sourceColumn) {
    List<ColumnPlan> columns = table.columns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).source().name().equals(sourceColumn)) {
        return i;
      }
    }
    throw new IllegalArgumentException(table.sourceTable() + "." + sourceColumn + " is not copied");
  }
}

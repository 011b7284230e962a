package dev.converge.domain.plan;

import dev.converge.domain.manifest.KeyHashSet;
import dev.converge.domain.schema.FoldedUniqueKey;
import dev.converge.domain.schema.ForeignKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One target foreign key's orphan check, answered by the plan's data scan without another read of
 * the source: the parent's scan holds a 64-bit hash of every value it saw under the referenced key
 * (its {@link TableScan}'s key set, which the duplicate check fills anyway), the child's scan hashes
 * each row's reference the same way — canonical forms, through the child columns' own conversions,
 * folded where the key folds case — and a reference no parent holds is an orphan, as PostgreSQL will
 * judge it. A reference with a NULL (MATCH SIMPLE) or a value its column rejects (a dirty row already)
 * is not looked up.
 *
 * <p>Only the count is known here; the caller names the orphans by key when there are any. Two
 * different keys sharing a hash could hide an orphan (about one in 10^5 for ten million children
 * against ten million parents); verify's foreign-key check on the target still sees it. Memory: 8
 * bytes per reference, held until {@link #orphans()}.
 */
public final class ParentReferences {

  /** What one child row's reference costs until the check is answered. */
  public static final long BYTES_PER_REFERENCE = Long.BYTES;

  private final PreflightCheck check;
  private final FoldedUniqueKey parentKey;
  private final String parentTable;
  private final int[] childColumns;
  private final boolean[] folded;
  private final List<KeyHashSet> parents = new ArrayList<>();
  private final List<long[]> references = new ArrayList<>();

  private ParentReferences(PreflightCheck check, FoldedUniqueKey parentKey, int[] childColumns, boolean[] folded) {
    this.check = check;
    this.parentKey = parentKey;
    this.parentTable = check.foreignKey().referencedTable();
    this.childColumns = childColumns;
    this.folded = folded;
  }

  /**
   * The check answered from the scan, when it can be: the child and parent are planned and one of the
   * parent's target keys the scan checks is exactly the referenced columns (PostgreSQL requires one).
   */
  public static Optional<ParentReferences> of(MigrationPlan plan, PreflightCheck check) {
    if (check.kind() != PreflightCheck.Kind.ORPHAN) {
      throw new IllegalArgumentException(check.table() + " " + check.kind() + " is no orphan check");
    }
    ForeignKey key = check.foreignKey();
    Optional<TablePlan> child = table(plan, check.table());
    Optional<TablePlan> parent = table(plan, key.referencedTable());
    if (child.isEmpty() || parent.isEmpty()) {
      return Optional.empty();
    }
    Optional<FoldedUniqueKey> referenced = TableScan.targetKeys(plan, parent.get()).stream()
        .filter(unique -> new HashSet<>(unique.columns()).equals(new HashSet<>(key.referencedColumns()))
            && unique.columns().size() == key.referencedColumns().size())
        .findFirst();
    if (referenced.isEmpty()) {
      return Optional.empty();
    }
    FoldedUniqueKey unique = referenced.get();
    int[] columns = new int[unique.columns().size()];
    boolean[] folded = new boolean[columns.length];
    for (int p = 0; p < columns.length; p++) {
      String parentColumn = unique.columns().get(p);
      String childColumn = key.columns().get(key.referencedColumns().indexOf(parentColumn));
      columns[p] = indexOf(child.get(), childColumn);
      if (columns[p] < 0) {
        return Optional.empty();
      }
      folded[p] = unique.foldedColumns().contains(parentColumn);
    }
    return Optional.of(new ParentReferences(check, unique, columns, folded));
  }

  /** The dirty row's rule for a child whose parent the target will not find. */
  public static String rule(ForeignKey key) {
    return "references a row of " + key.referencedTable() + " that does not exist (foreign key " + key.name()
        + "; MySQL had foreign-key checks off)";
  }

  public PreflightCheck check() {
    return check;
  }

  /** The source table whose scan holds the referenced keys. */
  public String parentTable() {
    return parentTable;
  }

  /** The parent's target key the foreign key references, as the parent's scan checks it. */
  public FoldedUniqueKey parentKey() {
    return parentKey;
  }

  /** One reader of the child: hashes the references of the rows it checks; {@link Child#close()} hands them over. */
  public Child child() {
    return new Child();
  }

  /** What one part of the parent's scan saw under the referenced key (taken, not copied). */
  public synchronized void parentSeen(KeyHashSet keys) {
    parents.add(keys);
  }

  /** The references no part of the parent's scan saw; asked once every reader has closed. */
  public synchronized long orphans() {
    long orphans = 0;
    for (long[] chunk : references) {
      for (long hash : chunk) {
        boolean found = false;
        for (KeyHashSet parent : parents) {
          if (parent.containsHash(hash)) {
            found = true;
            break;
          }
        }
        orphans += found ? 0 : 1;
      }
    }
    return orphans;
  }

  private synchronized void add(long[] chunk) {
    references.add(chunk);
  }

  private static Optional<TablePlan> table(MigrationPlan plan, String sourceTable) {
    return plan.tables().stream().filter(table -> table.sourceTable().equals(sourceTable)).findFirst();
  }

  private static int indexOf(TablePlan table, String sourceColumn) {
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).source().name().equals(sourceColumn)) {
        return i;
      }
    }
    return -1;
  }

  /** One reader's share of the child's references. Not thread-safe. */
  public final class Child implements AutoCloseable {
    private long[] hashes = new long[1024];
    private int size;

    private Child() {}

    /** The reference of the row {@code verdict} just checked. */
    public void see(TableScan verdict) {
      String[] canonicals = verdict.canonicals();
      List<String> values = new ArrayList<>(childColumns.length);
      for (int p = 0; p < childColumns.length; p++) {
        String value = canonicals[childColumns[p]];
        if (value == null) {
          return; // a NULL references nothing; a rejected value is its column's dirty row
        }
        values.add(folded[p] ? value.toLowerCase(Locale.ROOT) : value);
      }
      if (size == hashes.length) {
        hashes = Arrays.copyOf(hashes, size * 2);
      }
      hashes[size++] = KeyHashSet.hashOf(values);
    }

    @Override
    public void close() {
      add(Arrays.copyOf(hashes, size));
      hashes = new long[0];
      size = 0;
    }
  }
}

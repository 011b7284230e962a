package dev.converge.application.service;

import dev.converge.domain.conversion.ValueDisplay;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.ColumnPlan;
import dev.converge.domain.plan.DirtyRow;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.PreflightCheck;
import dev.converge.domain.plan.RowDecisions;
import dev.converge.domain.plan.RowDigest;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.plan.ValueChange;
import dev.converge.domain.schema.ForeignKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The rows one export (or sync) sets aside, as their children under the target's foreign keys need them: a
 * table that may lose rows to quarantine (it has a quarantine decision, or a parent that may) records
 * the referenced key values of each row it sets aside, and each of its children waits until it is
 * finished, then sets aside every row that references one of them. Parents come first in the plan's
 * load order, and the export's threads take tables in that order, so a waiting child never holds up
 * its parent. Keys compare as the row is loaded, in the source's form ({@link RowDigest#loaded}: a
 * mapped column by its lookup's answer, a defaulted NULL by its default), ignoring case where the
 * target's key folds it: a child references the parent its loaded value names.
 * A self-referencing table that may lose rows follows its own foreign key too: export reads it
 * until the rows set aside stop growing ({@link Table#selfReferencing}), so a row whose parent in the
 * same table was set aside follows it, transitively, whatever the order of the rows. Cycles of
 * several tables are not followed: a row set aside there can leave an orphan, which verify's
 * foreign-key check reports.
 */
final class QuarantinedParents {


  /** One foreign key between two tables that may both lose rows: where to look on each side. */
  private record Link(ForeignKey key, int[] childColumns, int[] parentColumns, boolean[] folded,
      Set<List<String>> setAside) {}

  private final Map<String, CountDownLatch> finished = new HashMap<>();
  private final Map<String, List<Link>> asChild = new HashMap<>();
  private final Map<String, List<Link>> asParent = new HashMap<>();
  private final Map<String, List<String>> parents = new HashMap<>();
  private final Map<String, List<Link>> selfLinks = new HashMap<>();
  private final RowDecisions decisions;

  /**
   * @param read the tables this read (an export, a sync) takes, in the plan's load order; only
   *     these are waited for
   */
  QuarantinedParents(MigrationPlan plan, List<TablePlan> read) {
    decisions = plan.decisions();
    if (!decisions.quarantinesAny()) {
      return;
    }
    Map<String, TablePlan> tables = new HashMap<>();
    plan.tables().forEach(table -> tables.put(table.sourceTable(), table));
    Set<String> losing = new LinkedHashSet<>();
    // Plan order is load order: a parent is decided before its children.
    for (TablePlan table : plan.tables()) {
      if (decisions.quarantine().containsKey(table.sourceTable())) {
        losing.add(table.sourceTable());
      }
      for (PreflightCheck check : plan.checks()) {
        if (check.kind() != PreflightCheck.Kind.ORPHAN || !check.table().equals(table.sourceTable())) {
          continue;
        }
        ForeignKey key = check.foreignKey();
        if (key.referencedTable().equals(table.sourceTable())) {
          continue; // the table's own foreign keys: below, once it is known whether it may lose rows
        }
        TablePlan parent = tables.get(key.referencedTable());
        if (parent == null || !losing.contains(parent.sourceTable()) || parent.level() >= table.level()) {
          continue; // not a parent that may lose rows, or a self-reference / cycle
        }
        losing.add(table.sourceTable());
        boolean[] folded = new boolean[key.columns().size()];
        for (int i = 0; i < folded.length; i++) {
          folded[i] = check.uniqueKey() != null && check.uniqueKey().foldedColumns().contains(key.columns().get(i));
        }
        Link link = new Link(key, indexes(table, key.columns()), indexes(parent, key.referencedColumns()), folded,
            new HashSet<>());
        asChild.computeIfAbsent(table.sourceTable(), t -> new ArrayList<>()).add(link);
        asParent.computeIfAbsent(parent.sourceTable(), t -> new ArrayList<>()).add(link);
        parents.computeIfAbsent(table.sourceTable(), t -> new ArrayList<>()).add(parent.sourceTable());
      }
      if (!losing.contains(table.sourceTable())) {
        continue;
      }
      for (PreflightCheck check : plan.checks()) {
        if (check.kind() == PreflightCheck.Kind.ORPHAN && check.table().equals(table.sourceTable())
            && check.foreignKey().referencedTable().equals(table.sourceTable())) {
          ForeignKey key = check.foreignKey();
          boolean[] folded = new boolean[key.columns().size()];
          for (int i = 0; i < folded.length; i++) {
            folded[i] = check.uniqueKey() != null && check.uniqueKey().foldedColumns().contains(key.columns().get(i));
          }
          selfLinks.computeIfAbsent(table.sourceTable(), t -> new ArrayList<>()).add(new Link(key,
              indexes(table, key.columns()), indexes(table, key.referencedColumns()), folded, new HashSet<>()));
        }
      }
    }
    for (TablePlan table : read) {
      if (losing.contains(table.sourceTable())) {
        finished.put(table.sourceTable(), new CountDownLatch(1));
      }
    }
  }

  private static int[] indexes(TablePlan table, List<String> sourceColumns) {
    List<ColumnPlan> columns = table.columns();
    int[] found = new int[sourceColumns.size()];
    for (int i = 0; i < found.length; i++) {
      String name = sourceColumns.get(i);
      found[i] = -1;
      for (int c = 0; c < columns.size(); c++) {
        if (columns.get(c).source().name().equals(name)) {
          found[i] = c;
        }
      }
      if (found[i] < 0) {
        throw new IllegalStateException("foreign-key column " + table.sourceTable() + "." + name + " is not copied");
      }
    }
    return found;
  }

  /** Waits until every parent of {@code table} that may lose rows is finished; the table's view of them. */
  Table await(TablePlan table, AtomicBoolean failed) {
    for (String parent : parents.getOrDefault(table.sourceTable(), List.of())) {
      CountDownLatch latch = finished.get(parent);
      try {
        while (latch != null && !latch.await(1, TimeUnit.SECONDS)) {
          if (failed.get()) {
            throw new ParallelTables.Stopped();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConvergeException(ErrorCode.EXPORT, "interrupted while " + table.sourceTable() + " waited for " + parent);
      }
    }
    List<Link> children = asChild.getOrDefault(table.sourceTable(), List.of());
    List<Link> parentsOf = asParent.getOrDefault(table.sourceTable(), List.of());
    return new Table(table.sourceTable(), children, parentsOf, selfLinks.getOrDefault(table.sourceTable(), List.of()),
        decisions);
  }

  /** {@code table} is finished (or failed): its children may go on. */
  void finished(TablePlan table) {
    CountDownLatch latch = finished.get(table.sourceTable());
    if (latch != null) {
      latch.countDown();
    }
  }

  /** One table's side: the parents it checks its rows against and the children it records set-aside keys for. */
  static final class Table {
    private final String name;
    private final List<Link> parents;
    private final List<Link> children;
    private final List<Link> self;
    private final RowDecisions decisions;

    Table(String name, List<Link> parents, List<Link> children, List<Link> self, RowDecisions decisions) {
      this.name = name;
      this.parents = parents;
      this.children = children;
      this.self = self;
      this.decisions = decisions;
    }

    /**
     * The one verdict export and sync give a source row, through the plan's scan ({@code digest},
     * {@link RowDigest#forExport}): null when the row is loaded — then {@link RowDigest#changes} are
     * the values the decisions changed in it and {@link RowDigest#accept} gives its values — else why
     * it is set aside: it follows a parent set aside (whatever else is wrong with it: never an
     * orphan), or each dirty row it makes is one a quarantine decision covers. A row set aside is
     * recorded for its children.
     *
     * @throws dev.converge.domain.failure.RowRejectedException for a dirty row no decision covers
     */
    ValueChange setAside(RowDigest digest, Object[] row) {
      List<DirtyRow> dirty = refused(digest.check(row));
      ValueChange aside = parentQuarantined(row, digest);
      if (aside == null && !dirty.isEmpty()) {
        for (DirtyRow one : dirty) {
          if (!decisions.quarantines(name, RowDecisions.codeOf(one))) {
            throw RowDigest.rejected(one);
          }
        }
        DirtyRow first = dirty.get(0);
        aside = new ValueChange(first.table(), first.key(), first.column(), first.value(), ValueChange.QUARANTINED,
            ValueChange.QUARANTINE + ": " + RowDecisions.codeOf(first) + ": " + first.rule());
      }
      if (aside != null) {
        quarantined(digest);
      }
      return aside;
    }

    /** The dirty rows that need a decision: a merged row's differing values are decided by the merge itself. */
    private static List<DirtyRow> refused(List<DirtyRow> dirty) {
      return dirty.isEmpty() ? dirty : dirty.stream()
          .filter(one -> !RowDecisions.codeOf(one).equals(RowDecisions.MERGED)).toList();
    }

    /**
     * Reads a self-referencing table that may lose rows until the rows it sets aside stop growing
     * (usually twice): a row's parent in the same table may come later in key order, and its
     * children must follow it, transitively, before anything of it is written. Only the keys of rows
     * set aside are held. Rows no decision covers are left to the caller's own read, which stops at them.
     *
     * @param digests a new digest for each read (its key checks start empty)
     * @param read streams the table's rows (each call one full read) to the consumer
     */
    void followInTable(Supplier<RowDigest> digests, Consumer<Consumer<Object[]>> read) {
      int known;
      do {
        known = setAsideInTable();
        RowDigest probe = digests.get();
        read.accept(row -> {
          List<DirtyRow> dirty = refused(probe.check(row));
          boolean decidedAside = !dirty.isEmpty() && dirty.stream()
              .allMatch(one -> decisions.quarantines(name, RowDecisions.codeOf(one)));
          if (decidedAside || parentQuarantined(row, probe) != null) {
            quarantined(probe);
          }
        });
      } while (setAsideInTable() > known);
    }

    /**
     * Whether the table references itself and may lose rows: a row's parent in the table may come
     * after it in the stream, so export reads it again ({@link #setAsideInTable}) until no more rows
     * follow their parents, before it writes it.
     */
    boolean selfReferencing() {
      return !self.isEmpty();
    }

    /** How many of the table's own rows are known set aside, as its self-references name them. */
    int setAsideInTable() {
      return self.stream().mapToInt(link -> link.setAside().size()).sum();
    }

    /**
     * Why the row follows a parent row that was set aside, or null.
     *
     * @param row the row as the source streamed it
     * @param checked the digest that last checked {@code row}: the values it loads
     */
    ValueChange parentQuarantined(Object[] row, RowDigest checked) {
      Object[] loaded = checked.loaded();
      String rowKey = checked.rowKey(row);
      for (Link link : self) {
        List<String> value = key(loaded, link.childColumns(), link.folded());
        if (value != null && link.setAside().contains(value)) {
          String column = link.key().columns().get(0);
          return new ValueChange(name, rowKey, column, ValueDisplay.of(row[link.childColumns()[0]]),
              ValueChange.QUARANTINED, "quarantine: " + RowDecisions.PARENT_QUARANTINED + ": its parent in "
                  + name + " itself (foreign key " + link.key().name() + ") was set aside");
        }
      }
      for (Link link : parents) {
        List<String> value = key(loaded, link.childColumns(), link.folded());
        if (value != null && link.setAside().contains(value)) {
          String column = link.key().columns().get(0);
          return new ValueChange(name, rowKey, column, ValueDisplay.of(row[link.childColumns()[0]]),
              ValueChange.QUARANTINED, "quarantine: " + RowDecisions.PARENT_QUARANTINED + ": its parent in "
                  + link.key().referencedTable() + " (foreign key " + link.key().name() + ") was set aside");
        }
      }
      return null;
    }

    /** Records the row {@code checked} last checked, set aside, for the children that reference it (by its loaded values). */
    void quarantined(RowDigest checked) {
      Object[] row = checked.loaded();
      for (Link link : self) {
        List<String> value = key(row, link.parentColumns(), link.folded());
        if (value != null) {
          link.setAside().add(value);
        }
      }
      for (Link link : children) {
        List<String> value = key(row, link.parentColumns(), link.folded());
        if (value != null) {
          link.setAside().add(value);
        }
      }
    }

    /** The key in the source's form; null when a part is NULL (references nothing). */
    private static List<String> key(Object[] row, int[] columns, boolean[] folded) {
      List<String> parts = new ArrayList<>(columns.length);
      for (int i = 0; i < columns.length; i++) {
        Object value = row[columns[i]];
        if (value == null) {
          return null;
        }
        String text = value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value.toString();
        parts.add(folded[i] ? text.toLowerCase(Locale.ROOT) : text);
      }
      return parts;
    }
  }
}

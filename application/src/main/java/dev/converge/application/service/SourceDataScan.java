package dev.converge.application.service;

import dev.converge.application.port.out.LookupSourceValuesPort;
import dev.converge.application.port.out.ReadTargetRowsPort;
import dev.converge.application.port.out.ReportProgressPort;
import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.application.port.out.StreamSourceRowsPort.Snapshot;
import dev.converge.application.port.out.StreamSourceRowsPort.KeyRange;
import dev.converge.application.port.out.StreamSourceRowsPort.ParentRead;
import dev.converge.application.port.out.StreamSourceRowsPort.TableRead;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.ColumnPlan;
import dev.converge.domain.plan.DirtyRow;
import dev.converge.domain.plan.Finding;
import dev.converge.domain.plan.ParentCandidates;
import dev.converge.domain.plan.PreflightCheck;
import dev.converge.domain.plan.ValueLookup;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.plan.TableScan;
import dev.converge.domain.schema.SourceColumn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The plan's data scan: streams every planned table once from one snapshot, as export reads them
 * (tables side by side, the largest first, a large one as key ranges: {@link KeyRangeReads}), and hands
 * each row to a {@link TableScan}, which applies export's own codecs and checks; every dirty row goes
 * to {@code dirty}.
 */
final class SourceDataScan {

  private static final long PROGRESS_EVERY = 50_000;

  private final StreamSourceRowsPort source;
  private final ReportProgressPort progress;
  private final ReadTargetRowsPort targetRows;
  private final LookupSourceValuesPort lookups;

  SourceDataScan(StreamSourceRowsPort source, ReportProgressPort progress, ReadTargetRowsPort targetRows,
      LookupSourceValuesPort lookups) {
    this.lookups = Objects.requireNonNull(lookups, "lookups");
    this.source = Objects.requireNonNull(source, "source");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.targetRows = Objects.requireNonNull(targetRows, "targetRows");
  }

  /**
   * What the scan read and found: its rows, and one finding per orphan check it answered.
   *
   * @param findings in the order of the checks asked
   */
  record Scanned(long rows, List<Finding> findings) {}

  /** Scans the plan's tables; returns how many rows were read. */
  long scan(MigrationPlan plan, int parallelism, Consumer<DirtyRow> dirty) {
    return scan(plan, parallelism, dirty, List.of()).rows();
  }

  /**
   * Scans the plan's tables and answers {@code parentChecks} in the same read: each child row is read
   * with its candidate parent rows beside it ({@link ParentRead}), compared by {@link ParentCandidates}.
   * The caller passes only checks whose referenced columns the source holds unique.
   */
  Scanned scan(MigrationPlan plan, int parallelism, Consumer<DirtyRow> dirty, List<PreflightCheck> parentChecks) {
    if (plan.tables().isEmpty()) {
      return new Scanned(0, List.of());
    }
    Map<PreflightCheck, Finding> found = new ConcurrentHashMap<>();
    parentChecks.forEach(check -> found.put(check, new Finding(check, 0, null, true)));
    AtomicLong rows = new AtomicLong();
    try (Snapshot snapshot = source.openSnapshot(Math.max(1, parallelism));
        SourceLookups.Opened lookup = SourceLookups.open(lookups, plan.decisions())) {
      AtomicBoolean failed = new AtomicBoolean();
      ParallelTables.runWithFollowUps("converge-scan", snapshot.readers(), KeyRangeReads.largestFirst(plan.tables()),
          failed, (table, followUp) -> scanTable(plan, table, snapshot, failed, dirty, lookup.lookup(), rows, followUp,
              parentChecks, found), ErrorCode.PLAN_BLOCKED);
    }
    return new Scanned(rows.get(), parentChecks.stream().map(found::get).toList());
  }

  /**
   * Reads one table, as export reads it: a large one as key ranges side by side, each checked by a
   * {@link TableScan} of its own (the ranges keep the table's one target key apart by construction).
   * A table whose kept target rows are held for the check is read whole, by one reader.
   */
  private void scanTable(MigrationPlan plan, TablePlan table, Snapshot snapshot, AtomicBoolean failed,
      Consumer<DirtyRow> dirty, ValueLookup lookup, AtomicLong total, Consumer<Runnable> followUp,
      List<PreflightCheck> parentChecks, Map<PreflightCheck, Finding> found) {
    if (failed.get()) {
      return;
    }
    long started = System.nanoTime();
    boolean kept = ExistingTargetRows.kept(table);
    List<PreflightCheck> checks = parentChecks.stream().filter(check -> check.table().equals(table.sourceTable())).toList();
    TableRead read = new TableRead(table.sourceTable(), table.columns().stream().map(ColumnPlan::source).toList(),
        rowKey(table)).withParents(checks.stream().map(check -> parentRead(plan, check)).toList());
    progress.started(table.sourceTable(), table.estimatedRows());
    int ranges = kept ? 1 : KeyRangeReads.ranges(plan, table, snapshot.readers());
    List<KeyRange> split = ranges < 2 ? List.of(KeyRange.ALL) : snapshot.split(read, ranges);
    TableProgress tally = new TableProgress(table, split.size(), started);
    for (KeyRange range : split.subList(1, split.size())) {
      followUp.accept(() -> scanRange(plan, table, read.within(range), false, snapshot, failed, dirty, lookup, total,
          tally, checks, found));
    }
    scanRange(plan, table, read.within(split.get(0)), kept, snapshot, failed, dirty, lookup, total, tally, checks, found);
  }

  /** The parent lookup that answers {@code check}: its referenced columns, read as the parent's own are. */
  private static ParentRead parentRead(MigrationPlan plan, PreflightCheck check) {
    TablePlan parent = plan.tables().stream()
        .filter(table -> table.sourceTable().equals(check.foreignKey().referencedTable())).findFirst().orElseThrow();
    List<SourceColumn> referenced = check.foreignKey().referencedColumns().stream()
        .map(name -> parent.columns().stream().map(ColumnPlan::source).filter(column -> column.name().equals(name))
            .findFirst().orElseThrow())
        .toList();
    return new ParentRead(parent.sourceTable(), check.foreignKey().columns(), referenced);
  }

  private void scanRange(MigrationPlan plan, TablePlan table, TableRead read, boolean kept, Snapshot snapshot,
      AtomicBoolean failed, Consumer<DirtyRow> dirty, ValueLookup lookup, AtomicLong total, TableProgress tally,
      List<PreflightCheck> checks, Map<PreflightCheck, Finding> found) {
    boolean complete = false;
    try {
      if (failed.get()) {
        throw new ParallelTables.Stopped();
      }
      TableScan verdict = TableScan.forExport(plan, table, lookup);
      if (kept) {
        // The rows the target keeps: a source row repeating one of their unique keys would fail the load.
        ExistingTargetRows.hold(targetRows, table, verdict);
      }
      List<ParentCandidates> parents = checks.stream().map(check -> new ParentCandidates(plan, table, check)).toList();
      int[] offsets = new int[parents.size()];
      for (int p = 0, at = table.columns().size(); p < offsets.length; at += checks.get(p).foreignKey().columns().size(), p++) {
        offsets[p] = at;
      }
      long[] position = {0};
      snapshot.stream(read, row -> {
        if (failed.get()) {
          throw new ParallelTables.Stopped();
        }
        position[0]++;
        verdict.check(row, position[0]).forEach(dirty);
        for (int p = 0; p < offsets.length; p++) {
          DirtyRow orphan = parents.get(p).check(verdict, row, offsets[p], position[0]);
          if (orphan != null) {
            dirty.accept(orphan);
          }
        }
        if (position[0] % PROGRESS_EVERY == 0) {
          tally.read(PROGRESS_EVERY);
        }
      });
      tally.read(position[0] % PROGRESS_EVERY);
      total.addAndGet(position[0]);
      parents.forEach(parent -> found.merge(parent.finding().check(), parent.finding(), ParentCandidates::merged));
      complete = true;
    } finally {
      tally.ended(complete);
    }
  }

  /** One table's rows read so far over its ranges; the last range to end reports the table finished. */
  private final class TableProgress {
    private final TablePlan table;
    private final long started;
    private long rows;
    private int open;
    private boolean broken;

    TableProgress(TablePlan table, int ranges, long started) {
      this.table = table;
      this.open = ranges;
      this.started = started;
    }

    synchronized void read(long more) {
      rows += more;
      progress.progressed(table.sourceTable(), rows, 0);
    }

    synchronized void ended(boolean complete) {
      open--;
      broken |= !complete;
      if (open == 0 && !broken) {
        progress.finished(table.sourceTable(), rows, 0, Duration.ofNanos(System.nanoTime() - started));
      }
    }
  }

  /** The source columns that name a table's rows: its target primary key's, in column order, as export names them. */
  static List<String> rowKey(TablePlan table) {
    return table.columns().stream().filter(column -> table.primaryKey().contains(column.target().name()))
        .map(column -> column.source().name()).toList();
  }
}

package dev.converge.application.service;

import dev.converge.application.port.out.LookupSourceValuesPort;
import dev.converge.application.port.out.ReadTargetRowsPort;
import dev.converge.application.port.out.ReportProgressPort;
import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.application.port.out.StreamSourceRowsPort.Snapshot;
import dev.converge.application.port.out.StreamSourceRowsPort.KeyRange;
import dev.converge.application.port.out.StreamSourceRowsPort.TableRead;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.ColumnPlan;
import dev.converge.domain.plan.DirtyRow;
import dev.converge.domain.plan.ParentReferences;
import dev.converge.domain.plan.PreflightCheck;
import dev.converge.domain.plan.ValueLookup;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.plan.TableScan;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The plan's data scan: streams every planned table once from one snapshot, as export reads them
 * (tables side by side, the largest first, a large one as key ranges: {@link KeyRangeReads}), and hands
 * each row to a {@link TableScan}, which applies export's own codecs and checks; every dirty row goes
 * to {@code dirty}. Foreign keys are checked from the same read ({@link ParentReferences}).
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
   * What the scan read and found: its rows, and per orphan check it answered how many references no
   * parent row holds.
   */
  record Scanned(long rows, Map<PreflightCheck, Long> orphans) {}

  /** Scans the plan's tables; returns how many rows were read. */
  long scan(MigrationPlan plan, int parallelism, Consumer<DirtyRow> dirty) {
    return scan(plan, parallelism, dirty, List.of()).rows();
  }

  /**
   * Scans the plan's tables and answers {@code references} from the same read: each parent's scan
   * hands over the keys it saw, each child's the references it holds ({@link ParentReferences}).
   */
  Scanned scan(MigrationPlan plan, int parallelism, Consumer<DirtyRow> dirty, List<ParentReferences> references) {
    if (plan.tables().isEmpty()) {
      return new Scanned(0, Map.of());
    }
    AtomicLong rows = new AtomicLong();
    try (Snapshot snapshot = source.openSnapshot(Math.max(1, parallelism));
        SourceLookups.Opened lookup = SourceLookups.open(lookups, plan.decisions())) {
      AtomicBoolean failed = new AtomicBoolean();
      ParallelTables.runWithFollowUps("converge-scan", snapshot.readers(), KeyRangeReads.largestFirst(plan.tables()),
          failed, (table, followUp) -> scanTable(plan, table, snapshot, failed, dirty, lookup.lookup(), rows, followUp,
              references), ErrorCode.PLAN_BLOCKED);
    }
    Map<PreflightCheck, Long> orphans = new LinkedHashMap<>();
    references.forEach(reference -> orphans.put(reference.check(), reference.orphans()));
    return new Scanned(rows.get(), orphans);
  }

  /**
   * Reads one table, as export reads it: a large one as key ranges side by side, each checked by a
   * {@link TableScan} of its own (the ranges keep the table's one target key apart by construction).
   * A table whose kept target rows are held for the check is read whole, by one reader.
   */
  private void scanTable(MigrationPlan plan, TablePlan table, Snapshot snapshot, AtomicBoolean failed,
      Consumer<DirtyRow> dirty, ValueLookup lookup, AtomicLong total, Consumer<Runnable> followUp,
      List<ParentReferences> references) {
    if (failed.get()) {
      return;
    }
    long started = System.nanoTime();
    boolean kept = ExistingTargetRows.kept(table);
    TableRead read = new TableRead(table.sourceTable(), table.columns().stream().map(ColumnPlan::source).toList(),
        rowKey(table));
    progress.started(table.sourceTable(), table.estimatedRows());
    int ranges = kept ? 1 : KeyRangeReads.ranges(plan, table, snapshot.readers());
    List<KeyRange> split = ranges < 2 ? List.of(KeyRange.ALL) : snapshot.split(read, ranges);
    TableProgress tally = new TableProgress(table, split.size(), started);
    List<ParentReferences> asChild = references.stream()
        .filter(reference -> reference.check().table().equals(table.sourceTable())).toList();
    List<ParentReferences> asParent = references.stream()
        .filter(reference -> reference.parentTable().equals(table.sourceTable())).toList();
    for (KeyRange range : split.subList(1, split.size())) {
      followUp.accept(() -> scanRange(plan, table, read.within(range), false, snapshot, failed, dirty, lookup, total,
          tally, asChild, asParent));
    }
    scanRange(plan, table, read.within(split.get(0)), kept, snapshot, failed, dirty, lookup, total, tally, asChild,
        asParent);
  }

  private void scanRange(MigrationPlan plan, TablePlan table, TableRead read, boolean kept, Snapshot snapshot,
      AtomicBoolean failed, Consumer<DirtyRow> dirty, ValueLookup lookup, AtomicLong total, TableProgress tally,
      List<ParentReferences> asChild, List<ParentReferences> asParent) {
    boolean complete = false;
    List<ParentReferences.Child> children = asChild.stream().map(ParentReferences::child).toList();
    try {
      if (failed.get()) {
        throw new ParallelTables.Stopped();
      }
      TableScan verdict = TableScan.forExport(plan, table, lookup);
      if (kept) {
        // The rows the target keeps: a source row repeating one of their unique keys would fail the load.
        ExistingTargetRows.hold(targetRows, table, verdict);
      }
      // No content is hashed here: only keys and references need the canonical form.
      verdict.canonicalOnlyFor(asChild.stream().flatMap(reference -> reference.check().foreignKey().columns().stream())
          .toList());
      long[] position = {0};
      snapshot.stream(read, row -> {
        if (failed.get()) {
          throw new ParallelTables.Stopped();
        }
        position[0]++;
        verdict.check(row, position[0]).forEach(dirty);
        for (ParentReferences.Child child : children) {
          child.see(verdict);
        }
        if (position[0] % PROGRESS_EVERY == 0) {
          tally.read(PROGRESS_EVERY);
        }
      });
      tally.read(position[0] % PROGRESS_EVERY);
      total.addAndGet(position[0]);
      for (ParentReferences reference : asParent) {
        reference.parentSeen(verdict.keysSeen(reference.parentKey()).orElseThrow(() -> new IllegalStateException(
            table.sourceTable() + " does not check " + reference.parentKey() + ", which " + reference.check().table()
                + " references")));
      }
      complete = true;
    } finally {
      children.forEach(ParentReferences.Child::close);
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

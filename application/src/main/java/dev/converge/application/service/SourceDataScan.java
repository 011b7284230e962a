package dev.converge.application.service;

import dev.converge.application.port.out.LookupSourceValuesPort;
import dev.converge.application.port.out.ReadTargetRowsPort;
import dev.converge.application.port.out.ReportProgressPort;
import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.application.port.out.StreamSourceRowsPort.Snapshot;
import dev.converge.application.port.out.StreamSourceRowsPort.TableRead;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.ColumnPlan;
import dev.converge.domain.plan.DirtyRow;
import dev.converge.domain.plan.ValueLookup;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.plan.TableScan;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The plan's data scan: streams every planned table once from one snapshot (tables in parallel, as
 * export reads them) and hands each row to the table's {@link TableScan}, which applies export's own
 * codecs; every dirty row goes to {@code dirty}.
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

  /** Scans the plan's tables; returns how many rows were read. */
  long scan(MigrationPlan plan, int parallelism, Consumer<DirtyRow> dirty) {
    if (plan.tables().isEmpty()) {
      return 0;
    }
    AtomicLong rows = new AtomicLong();
    try (Snapshot snapshot = source.openSnapshot(Math.max(1, Math.min(parallelism, plan.tables().size())));
        SourceLookups.Opened lookup = SourceLookups.open(lookups, plan.decisions())) {
      AtomicBoolean failed = new AtomicBoolean();
      ParallelTables.run("converge-scan", snapshot.readers(), plan.tables(), failed,
          table -> rows.addAndGet(scanTable(plan, table, snapshot, failed, dirty, lookup.lookup())), ErrorCode.PLAN_BLOCKED);
    }
    return rows.get();
  }

  private long scanTable(MigrationPlan plan, TablePlan table, Snapshot snapshot, AtomicBoolean failed,
      Consumer<DirtyRow> dirty, ValueLookup lookup) {
    long started = System.nanoTime();
    TableScan verdict = TableScan.forExport(plan, table, lookup);
    if (ExistingTargetRows.kept(table)) {
      // The rows the target keeps: a source row repeating one of their unique keys would fail the load.
      ExistingTargetRows.hold(targetRows, table, verdict);
    }
    TableRead read = new TableRead(table.sourceTable(), table.columns().stream().map(ColumnPlan::source).toList(),
        rowKey(table));
    progress.started(table.sourceTable(), table.estimatedRows());
    long[] position = {0};
    snapshot.stream(read, row -> {
      if (failed.get()) {
        throw new ParallelTables.Stopped();
      }
      position[0]++;
      verdict.check(row, position[0]).forEach(dirty);
      if (position[0] % PROGRESS_EVERY == 0) {
        progress.progressed(table.sourceTable(), position[0], 0);
      }
    });
    progress.finished(table.sourceTable(), position[0], 0, Duration.ofNanos(System.nanoTime() - started));
    return position[0];
  }

  /** The source columns that name a table's rows: its target primary key's, in column order, as export names them. */
  static List<String> rowKey(TablePlan table) {
    return table.columns().stream().filter(column -> table.primaryKey().contains(column.target().name()))
        .map(column -> column.source().name()).toList();
  }
}

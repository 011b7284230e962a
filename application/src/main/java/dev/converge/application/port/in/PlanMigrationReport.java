package dev.converge.application.port.in;

import dev.converge.domain.history.HistoryComparison;
import dev.converge.domain.plan.DirtyRule;
import dev.converge.domain.plan.MigrationPlan;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The plan as made and saved, how long introspection and the data scan took, the application's
 * migration history compared on both sides (a release mismatch is one of the plan's blockers), and
 * the scan's dirty rows per rule (each one of the plan's blockers).
 *
 * @param dirtyRules per table, column and rule: count, first keys, fix
 * @param scannedRows the source rows the scan read
 * @param dirtyRowsFiles where every dirty row is listed by key (e.g. dirty_rows.csv, dirty_rows.json)
 * @param scan the whole data scan, from its first read to its last answer
 * @param rowScan of which the rows' read through export's rules (every table, side by side)
 * @param foreignKeyQueries of which the foreign-key orphan queries (beside the rows' read, on their own connection)
 */
public record PlanMigrationReport(MigrationPlan plan, String savedAs, Duration introspection, Duration scan,
    Duration rowScan, Duration foreignKeyQueries, List<HistoryComparison> histories, List<DirtyRule> dirtyRules, long scannedRows, String dirtyRowsFiles) {

  public PlanMigrationReport {
    Objects.requireNonNull(plan, "plan");
    histories = List.copyOf(histories);
    Objects.requireNonNull(introspection, "introspection");
    Objects.requireNonNull(scan, "scan");
    Objects.requireNonNull(rowScan, "rowScan");
    Objects.requireNonNull(foreignKeyQueries, "foreignKeyQueries");
    dirtyRules = List.copyOf(dirtyRules);
    Objects.requireNonNull(dirtyRowsFiles, "dirtyRowsFiles");
  }
}

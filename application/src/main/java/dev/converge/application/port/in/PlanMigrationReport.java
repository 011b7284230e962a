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
 */
public record PlanMigrationReport(MigrationPlan plan, String savedAs, Duration introspection, Duration scan,
    List<HistoryComparison> histories, List<DirtyRule> dirtyRules, long scannedRows, String dirtyRowsFiles) {

  public PlanMigrationReport {
    Objects.requireNonNull(plan, "plan");
    histories = List.copyOf(histories);
    Objects.requireNonNull(introspection, "introspection");
    Objects.requireNonNull(scan, "scan");
    dirtyRules = List.copyOf(dirtyRules);
    Objects.requireNonNull(dirtyRowsFiles, "dirtyRowsFiles");
  }
}

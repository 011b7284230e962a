package dev.converge.application.port.in;

import dev.converge.domain.history.HistoryComparison;
import dev.converge.domain.plan.MigrationPlan;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The plan as made and saved, how long introspection and the pre-flight scan took, and the
 * application's migration history compared on both sides (a release mismatch is one of the plan's
 * blockers).
 */
public record PlanMigrationReport(MigrationPlan plan, String savedAs, Duration introspection, Duration scan,
    List<HistoryComparison> histories) {

  public PlanMigrationReport {
    Objects.requireNonNull(plan, "plan");
    histories = List.copyOf(histories);
    Objects.requireNonNull(introspection, "introspection");
    Objects.requireNonNull(scan, "scan");
  }
}

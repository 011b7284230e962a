package dev.converge.application.port.in;

import dev.converge.domain.plan.MigrationPlan;
import java.time.Duration;
import java.util.Objects;

/** The plan as made and saved, and how long introspection and the pre-flight scan took. */
public record PlanMigrationReport(MigrationPlan plan, String savedAs, Duration introspection, Duration scan) {

  public PlanMigrationReport {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(introspection, "introspection");
    Objects.requireNonNull(scan, "scan");
  }
}

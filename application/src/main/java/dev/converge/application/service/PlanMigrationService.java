package dev.converge.application.service;

import dev.converge.application.port.in.PlanMigrationCommand;
import dev.converge.application.port.in.PlanMigrationReport;
import dev.converge.application.port.in.PlanMigrationUseCase;
import dev.converge.application.port.out.InspectTargetPort;
import dev.converge.application.port.out.ReadMigrationVersionsPort;
import dev.converge.application.port.out.ReadSourceSchemaPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.application.port.out.RunPreflightChecksPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.MigrationPlanner;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.TargetSchema;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Makes the migration plan: introspection, the application's migration history compared on both
 * sides (a release mismatch blocks), reconciliation, pre-flight scan, then saves it.
 */
public final class PlanMigrationService implements PlanMigrationUseCase {

  private final ReadSourceSchemaPort sourceSchema;
  private final ReadTargetSchemaPort targetSchema;
  private final InspectTargetPort target;
  private final RunPreflightChecksPort preflight;
  private final StorePlanPort plans;
  private final MigrationHistories histories;

  public PlanMigrationService(ReadSourceSchemaPort sourceSchema, ReadTargetSchemaPort targetSchema,
      InspectTargetPort target, RunPreflightChecksPort preflight, StorePlanPort plans,
      ReadMigrationVersionsPort sourceVersions, ReadMigrationVersionsPort targetVersions) {
    this.sourceSchema = Objects.requireNonNull(sourceSchema, "sourceSchema");
    this.targetSchema = Objects.requireNonNull(targetSchema, "targetSchema");
    this.target = Objects.requireNonNull(target, "target");
    this.preflight = Objects.requireNonNull(preflight, "preflight");
    this.plans = Objects.requireNonNull(plans, "plans");
    this.histories = new MigrationHistories(sourceVersions, targetVersions);
  }

  @Override
  public PlanMigrationReport plan(PlanMigrationCommand command) {
    long started = System.nanoTime();
    SourceSchema source = sourceSchema.readSourceSchema();
    TargetSchema targetTables = targetSchema.readTargetSchema();
    MigrationPlanner planner = new MigrationPlanner(command.settings());
    // A first pass names the tables to load; only their pre-existing rows are counted.
    MigrationPlan draft = planner.plan(source, targetTables, Map.of(), false);
    Map<String, Long> existingRows = target.countRows(draft.tables().stream().map(TablePlan::targetTable).toList());
    MigrationHistories.Result history = histories.compare(command.historyTables(), command.acceptedMissingVersions());
    MigrationPlan plan = planner.plan(source, targetTables, existingRows, target.maySetReplicationRole())
        .withBlockers(history.problems());
    Duration introspection = Duration.ofNanos(System.nanoTime() - started);

    long scanStarted = System.nanoTime();
    MigrationPlan scanned = plan.withFindings(preflight.run(plan.checks(), command.checkTimeout(), command.scanBudget()),
        command.acceptUnchecked());
    Duration scan = Duration.ofNanos(System.nanoTime() - scanStarted);
    return new PlanMigrationReport(scanned, plans.save(scanned), introspection, scan, history.comparisons());
  }
}

package dev.converge.adapter.shell;

import dev.converge.application.port.in.Parallelism;
import dev.converge.application.port.in.PlanMigrationCommand;
import dev.converge.application.port.in.PlanMigrationReport;
import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;
import dev.converge.domain.run.Phase;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code converge plan}: introspect both schemas, reconcile them, scan the source, save the plan. */
@Command(name = "plan",
    description = {"Introspects MySQL and PostgreSQL, maps every source column to its target column with a"
        + " conversion chosen from the pair of types, reads every planned table once through export's own"
        + " conversions to find each row the target would reject (listed by key in dirty_rows.csv and"
        + " dirty_rows.json), and saves the plan (migration_plan.json) in the work directory.",
      "Exits with status 6 when the plan has blockers."})
public final class PlanCommand extends PhaseCommand<PlanMigrationReport> {

  @Mixin PlanOptions planOptions = new PlanOptions();

  @Option(names = "--parallel", paramLabel = "N", converter = ParallelismText.class, defaultValue = "4",
      description = "Tables the data scan reads at once, from one snapshot (each needs a source connection; default ${DEFAULT-VALUE}).")
  Parallelism parallelism;

  @Option(names = "--check-timeout", defaultValue = "PT60S",
      description = "Longest one foreign-key orphan query may run (60s, 15m, 1h30m or ISO-8601; default ${DEFAULT-VALUE})."
          + " The data scan itself has no time limit.")
  Duration checkTimeout;

  @Option(names = "--scan-budget", defaultValue = "PT10M",
      description = "Longest the foreign-key orphan queries may run together (default ${DEFAULT-VALUE}).")
  Duration scanBudget;

  @Mixin HistoryOptions history = new HistoryOptions();

  @Option(names = "--accept-unchecked",
      description = "Treat orphan queries that ran out of time as passed (by default they block the plan).")
  boolean acceptUnchecked;

  public PlanCommand(PhaseContext context) {
    super(context);
  }

  @Override
  protected Phase phase() {
    return Phase.PLAN;
  }

  @Override
  protected PhaseStep.Plan step() {
    return step(planOptions.settings(), parallelism);
  }

  /**
   * As {@link #step()}, with {@code migrate}'s plan options (exclusions, policies, existing rows, row
   * decisions; configured defaults included, as they apply to migrate's options too) and parallelism.
   */
  PhaseStep.Plan step(PlanOptions migrate, Parallelism parallel) {
    return step(migrate.settings(), parallel == null ? parallelism : parallel);
  }

  private PhaseStep.Plan step(dev.converge.domain.plan.PlanSettings settings, Parallelism parallel) {
    return new PhaseStep.Plan(new PlanMigrationCommand(settings, checkTimeout, scanBudget, acceptUnchecked,
        history.tables, history.acceptedMissingVersions, parallel));
  }

  @Override
  protected void print(PlanMigrationReport report) {
    HistoryOptions.print(report.histories(), out);
    PlanView.print(report.plan(), out);
    PlanView.printDirtyRows(report.dirtyRules(), report.scannedRows(), report.dirtyRowsFiles(),
        report.plan().decisions(), out);
    out.printf("Saved as %s (introspection %d ms, scan %d ms: rows %d ms beside foreign-key queries %d ms)%n",
        report.savedAs(), report.introspection().toMillis(), report.scan().toMillis(), report.rowScan().toMillis(),
        report.foreignKeyQueries().toMillis());
  }

  @Override
  protected Object jsonOf(PlanMigrationReport report) {
    return report.plan();
  }

}

package dev.converge.adapter.shell;

import dev.converge.application.port.in.PlanMigrationCommand;
import dev.converge.application.port.in.PlanMigrationReport;
import dev.converge.application.port.out.RenderJsonPort;
import dev.converge.application.session.MigrationSession;
import dev.converge.application.session.MigrationSessions;
import dev.converge.domain.failure.PlanBlockedException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code converge plan}: introspect both schemas, reconcile them, scan the source, save the plan. */
@Command(name = "plan",
    description = {"Introspects MySQL and PostgreSQL, maps every source column to its target column with a"
        + " conversion chosen from the pair of types, scans the source data for values the target would reject,"
        + " and saves the plan (migration_plan.json) in the work directory.",
      "Exits with status 6 when the plan has blockers."})
public final class PlanCommand implements Callable<Integer> {

  private final MigrationSessions sessions;
  private final RenderJsonPort json;
  private final PrintWriter out;

  @Mixin ConnectionOptions connection = new ConnectionOptions();
  @Mixin PlanOptions planOptions = new PlanOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--check-timeout", defaultValue = "PT60S",
      description = "Longest one pre-flight query may run (ISO-8601 duration; default ${DEFAULT-VALUE}).")
  Duration checkTimeout;

  @Option(names = "--scan-budget", defaultValue = "PT10M",
      description = "Longest the whole pre-flight scan may run (default ${DEFAULT-VALUE}).")
  Duration scanBudget;

  @Option(names = "--accept-unchecked",
      description = "Treat pre-flight checks that ran out of time as passed (by default they block the plan).")
  boolean acceptUnchecked;

  @Option(names = "--output", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
  String output;

  public PlanCommand(MigrationSessions sessions, RenderJsonPort json, PrintWriter out) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.json = Objects.requireNonNull(json, "json");
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public Integer call() {
    PlanMigrationCommand command = new PlanMigrationCommand(planOptions.settings(), checkTimeout, scanBudget,
        acceptUnchecked);
    PlanMigrationReport report;
    try (MigrationSession session = sessions.open(connection.settings())) {
      report = session.planMigration().plan(command);
    }
    if ("json".equals(output)) {
      out.println(json.json(report.plan()));
    } else {
      PlanView.print(report.plan(), out);
      out.printf("Saved as %s (introspection %d ms, scan %d ms)%n", report.savedAs(),
          report.introspection().toMillis(), report.scan().toMillis());
    }
    out.flush();
    if (report.plan().hasBlockers()) {
      throw new PlanBlockedException(report.plan().blockers().size());
    }
    return 0;
  }
}

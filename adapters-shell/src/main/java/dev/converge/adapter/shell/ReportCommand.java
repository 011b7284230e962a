package dev.converge.adapter.shell;

import dev.converge.application.port.in.ReportRunCommand;
import dev.converge.application.port.in.RunReport;
import dev.converge.domain.run.DowntimeProjection;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code converge report}: the run report with its downtime projection. */
@Command(name = "report",
    description = {"Writes run_report.md and run_report.json into the work directory, without connecting: timings"
        + " per phase and table, the verification verdict, and a downtime projection — each data phase's measured"
        + " rate (export, validate, import, verify) applied to the production row count and compared with the"
        + " maintenance window.",
      "Run it after a rehearsal on a staging copy (see docs/rehearsal.md)."})
public final class ReportCommand implements Callable<Integer> {

  private final PhaseContext context;

  @Mixin WorkDirectoryOption workDirectory = new WorkDirectoryOption();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Mixin OutputOptions output = new OutputOptions();

  @Option(names = "--production-rows", defaultValue = "0",
      description = "Rows production holds, over all tables (env CONVERGE_PRODUCTION_ROWS; default: the rehearsal's"
          + " own count, as when rehearsing on a copy of production).")
  long productionRows;

  @Option(names = "--window", defaultValue = "PT30M",
      description = "The maintenance window: 30m, 1h or ISO-8601 (env CONVERGE_WINDOW; default ${DEFAULT-VALUE}, 30 minutes).")
  Duration window;

  public ReportCommand(PhaseContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    RunReport report = context.workspaces().open(workDirectory.workDirectory).reportRun()
        .report(new ReportRunCommand(productionRows, window));
    PrintWriter out = context.out();
    if (output.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("runId", report.journal().runId());
      json.put("verified", report.verified());
      json.put("projectedSeconds", report.projection().total().toMillis() / 1000.0);
      json.put("windowSeconds", report.projection().window().toSeconds());
      json.put("fitsWindow", report.projection().fitsWindow());
      json.put("savedAs", report.savedAs());
      out.println(context.json().json(json));
    } else if (output.quiet()) {
      printProjection(report.projection(), out);
    } else {
      print(report, out);
    }
    out.flush();
    return 0;
  }

  static void print(RunReport report, PrintWriter out) {
    DowntimeProjection projection = report.projection();
    out.printf("Run %s — verification %s%n", report.journal().runId(), report.verified() ? "PASS" : "not passed");
    for (DowntimeProjection.PhaseEstimate phase : projection.phases()) {
      out.printf(Locale.ROOT, "  %-9s %,12d rows in %7.1f s (%,.0f rows/s) → %7.1f s for %,d rows%n",
          phase.phase().command(), phase.rows(), phase.measured().toMillis() / 1000.0, phase.rowsPerSecond(),
          phase.projected().toMillis() / 1000.0, projection.productionRows());
    }
    printProjection(projection, out);
    out.printf("Report: %s%n", report.savedAs());
  }

  private static void printProjection(DowntimeProjection projection, PrintWriter out) {
    out.printf(Locale.ROOT, "Projected cut-over: %d min %02d s — %s%n", projection.total().toMinutes(),
        projection.total().toSecondsPart(), projection.verdict());
  }
}

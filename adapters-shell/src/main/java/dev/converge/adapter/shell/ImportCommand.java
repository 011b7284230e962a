package dev.converge.adapter.shell;

import dev.converge.application.port.in.ImportTablesCommand;
import dev.converge.application.port.in.ImportTablesReport;
import dev.converge.application.port.out.RenderJsonPort;
import dev.converge.application.session.MigrationSession;
import dev.converge.application.session.MigrationSessions;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code converge import}: load the validated files into the target with COPY. */
@Command(name = "import",
    description = {"Loads the validated export into PostgreSQL with COPY, each table in its own transaction"
        + " (existing rows handled as the plan says), then resets every serial/identity sequence and analyses the"
        + " tables. Refuses to start before a passing validation of the latest export, or when the target schema"
        + " changed since the plan.",
      "A re-run after any failure continues with the tables not yet committed; --restart loads all again."})
public final class ImportCommand implements Callable<Integer> {

  private final MigrationSessions sessions;
  private final RenderJsonPort json;
  private final PrintWriter out;

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--parallel", defaultValue = "4",
      description = "Tables loaded at once, each on its own connection (default ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(names = "--restart", description = "Forget which tables an earlier run committed and load every table again.")
  boolean restart;

  @Option(names = "--output", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
  String output;

  public ImportCommand(MigrationSessions sessions, RenderJsonPort json, PrintWriter out) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.json = Objects.requireNonNull(json, "json");
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public Integer call() {
    ImportTablesReport report;
    try (MigrationSession session = sessions.open(connection.settings())) {
      report = session.importTables().importTables(new ImportTablesCommand(parallelism, restart));
    }
    if ("json".equals(output)) {
      out.println(json.json(report));
    } else {
      out.printf(Locale.ROOT, "Import: %d table(s), %,d rows in %.1f s%n", report.loaded().size(), report.rows(),
          report.elapsed().toMillis() / 1000.0);
      if (!report.skipped().isEmpty()) {
        out.printf("Already committed by an earlier run: %s%n", String.join(", ", report.skipped()));
      }
      report.loaded().forEach((table, rows) -> out.printf(Locale.ROOT, "  %s: %,d rows%n", table, rows));
      out.println("Sequences reset; tables analysed.");
    }
    out.flush();
    return 0;
  }
}

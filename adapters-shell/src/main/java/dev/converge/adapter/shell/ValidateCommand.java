package dev.converge.adapter.shell;

import dev.converge.application.port.in.ValidateFilesCommand;
import dev.converge.application.port.in.ValidateFilesReport;
import dev.converge.application.port.out.RenderJsonPort;
import dev.converge.application.session.MigrationSession;
import dev.converge.application.session.MigrationSessions;
import dev.converge.domain.failure.ValidationFailedException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code converge validate}: prove the export's files before anything touches the target. */
@Command(name = "validate",
    description = {"Checks every file of the latest manifest before any import: present, SHA-256 as recorded, valid CSV"
        + " in converge's dialect, the planned header, the manifest's row count, no duplicate primary key, and every"
        + " value valid for its target column (type, length, enum label, NOT NULL).",
      "Exits with status 8 when a problem is found; each names file, line, column and value."})
public final class ValidateCommand implements Callable<Integer> {

  private final MigrationSessions sessions;
  private final RenderJsonPort json;
  private final PrintWriter out;

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--problems", defaultValue = "10",
      description = "How many problems to list per table; all are counted (default ${DEFAULT-VALUE}).")
  int problems;

  @Option(names = "--output", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
  String output;

  public ValidateCommand(MigrationSessions sessions, RenderJsonPort json, PrintWriter out) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.json = Objects.requireNonNull(json, "json");
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public Integer call() {
    ValidateFilesReport report;
    try (MigrationSession session = sessions.open(connection.settings())) {
      report = session.validateFiles().validate(new ValidateFilesCommand(problems));
    }
    if ("json".equals(output)) {
      out.println(json.json(report));
    } else {
      out.printf("Validate: %s%n", report.manifest());
      for (ValidateFilesReport.TableValidation table : report.tables()) {
        out.printf(Locale.ROOT, "  %s %s: %,d rows%s%n", table.problemCount() == 0 ? "✓" : "✗", table.table(), table.rows(),
            table.problemCount() == 0 ? "" : ", " + table.problemCount() + " problem(s)");
        table.problems().forEach(problem -> out.printf("      %s%n", problem));
      }
      out.println(report.passed() ? "Validation: passed" : "Validation: FAILED with " + report.problems() + " problem(s)");
    }
    out.flush();
    if (!report.passed()) {
      throw new ValidationFailedException((int) Math.min(Integer.MAX_VALUE, report.problems()));
    }
    return 0;
  }
}

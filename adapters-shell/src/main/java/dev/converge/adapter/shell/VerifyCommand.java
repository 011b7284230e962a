package dev.converge.adapter.shell;

import dev.converge.application.port.in.VerifyMigrationCommand;
import dev.converge.application.port.in.VerifyMigrationReport;
import dev.converge.application.port.out.RenderJsonPort;
import dev.converge.application.session.MigrationSession;
import dev.converge.application.session.MigrationSessions;
import dev.converge.domain.failure.VerificationFailedException;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code converge verify}: counts, content checksums, foreign keys and sequences, with a PASS/FAIL report. */
@Command(name = "verify",
    description = {"Checks the target against the latest export: per table, source rows = manifest rows = target"
        + " rows and the content checksum recomputed from PostgreSQL equals the export's; no foreign key has"
        + " orphans; every serial/identity sequence is past its column. Writes verification_report.md and .json"
        + " into the work directory.",
      "Exits with status 10 when any check fails."})
public final class VerifyCommand implements Callable<Integer> {

  private final MigrationSessions sessions;
  private final RenderJsonPort json;
  private final PrintWriter out;

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--examples", defaultValue = "5",
      description = "How many offending keys to list per failed check (default ${DEFAULT-VALUE}).")
  int examples;

  @Option(names = "--output", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
  String output;

  public VerifyCommand(MigrationSessions sessions, RenderJsonPort json, PrintWriter out) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.json = Objects.requireNonNull(json, "json");
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public Integer call() {
    VerifyMigrationReport report;
    try (MigrationSession session = sessions.open(connection.settings())) {
      report = session.verifyMigration().verify(new VerifyMigrationCommand(examples));
    }
    if ("json".equals(output)) {
      out.println(json.json(report));
    } else {
      for (VerifyMigrationReport.Check check : report.checks()) {
        if (!check.passed()) {
          out.printf("  FAIL %s, %s: %s%n", check.table(), check.name(), check.detail());
        }
      }
      out.printf("Verification: %s — %d check(s), %d failed; report %s%n", report.passed() ? "PASS" : "FAIL",
          report.checks().size(), report.failures(), report.savedAs());
    }
    out.flush();
    if (!report.passed()) {
      throw new VerificationFailedException(report.failures(), report.savedAs());
    }
    return 0;
  }
}

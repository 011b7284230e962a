package dev.converge.adapter.shell;

import dev.converge.application.port.in.VerifyMigrationCommand;
import dev.converge.application.port.in.VerifyMigrationReport;
import dev.converge.application.port.out.RenderJsonPort;
import dev.converge.application.session.MigrationSession;
import dev.converge.application.session.MigrationSessions;
import dev.converge.domain.failure.VerificationFailedException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code converge verify}: counts, content checksums, foreign keys and sequences, with a PASS/FAIL report. */
@Command(name = "verify",
    description = {"Checks the target against the latest export: per table, source rows = manifest rows = target"
        + " rows and the content checksum recomputed from PostgreSQL equals the export's; no foreign key has"
        + " orphans; every serial/identity sequence is past its column. Writes verification_report.md and .json"
        + " into the work directory.",
      "Exits with status 10 when any check fails."})
public final class VerifyCommand extends PhaseCommand<VerifyMigrationReport> {




  @Option(names = "--examples", defaultValue = "5",
      description = "How many offending keys to list per failed check (default ${DEFAULT-VALUE}).")
  int examples;


  public VerifyCommand(MigrationSessions sessions, RenderJsonPort json, PrintWriter out) {
    super(sessions, json, out);
  }

  @Override
  protected VerifyMigrationReport run(MigrationSession session) {
    return session.verifyMigration().verify(new VerifyMigrationCommand(examples));
  }

  @Override
  protected void print(VerifyMigrationReport report) {
    for (VerifyMigrationReport.Check check : report.checks()) {
      if (!check.passed()) {
        out.printf("  FAIL %s, %s: %s%n", check.table(), check.name(), check.detail());
      }
    }
    out.printf("Verification: %s — %d check(s), %d failed; report %s%n", report.passed() ? "PASS" : "FAIL",
        report.checks().size(), report.failures(), report.savedAs());
  }

  @Override
  protected void failIfFailed(VerifyMigrationReport report) {
    if (!report.passed()) {
      throw new VerificationFailedException(report.failures(), report.savedAs());
    }
  }

}

package dev.converge.adapter.shell;

import dev.converge.application.port.in.Parallelism;
import dev.converge.application.port.in.VerifyMigrationCommand;
import dev.converge.application.port.in.VerifyMigrationReport;
import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;
import dev.converge.domain.run.Phase;
import dev.converge.domain.verification.CheckOrigin;
import dev.converge.domain.verification.CheckResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code converge verify}: source, export and target compared by rows and content checksums, foreign
 * keys and sequences, then the operator's checklists, with a PASS/FAIL report.
 */
@Command(name = "verify",
    description = {"Checks source, export and target against each other: per table, the source read again from one"
        + " snapshot (digested as export digests it), the manifest and the target (recomputed from PostgreSQL) have"
        + " the same rows and content checksum, and differing rows are named by key with the odd side; no foreign"
        + " key has orphans; every serial/identity sequence is past its column; then every check of the --checklist"
        + " files. Writes verification_report.md and .json into the work directory.",
      "Exits with status 10 when any check fails."})
public final class VerifyCommand extends PhaseCommand<VerifyMigrationReport> {

  @Option(names = "--examples", defaultValue = "5",
      description = "How many offending keys (checklist: rows) to list per failed check (default ${DEFAULT-VALUE}).")
  int examples;

  @Option(names = "--checklist", paramLabel = "FILE|builtin:NAME", split = ",",
      description = "A checklist of named SQL checks (YAML, or JSON by its .json extension), or a shipped one:"
          + " builtin:alkemio, builtin:kratos, builtin:alkemio-kratos. Repeatable or comma-separated"
          + " (env CONVERGE_CHECKLIST).")
  List<String> checklists = new ArrayList<>();

  @Option(names = "--checklist-database", paramLabel = "ALIAS=DATABASE", split = ",",
      description = "Point a checklist's database alias at another database on the target's server (same host,"
          + " port and login). Repeatable or comma-separated (env CONVERGE_CHECKLIST_DATABASE).")
  Map<String, String> checklistDatabases = new LinkedHashMap<>();

  @Option(names = "--parallel", converter = ParallelismText.class, paramLabel = "N", defaultValue = "4",
      description = "Tables read at once on each side, source and target, each on its own connection"
          + " (default ${DEFAULT-VALUE}).")
  Parallelism parallelism;

  @Option(names = "--memory-budget", paramLabel = "SIZE", defaultValue = "128MiB", converter = ByteSize.class,
      description = "Memory verify may hold for the tables it reads at once, 16 bytes a source row, to compare a"
          + " source that changed since the export with the export by key without reading it again; a table"
          + " larger than its share is read a second time when it changed; synced tables keep theirs, together within"
          + " the budget, to name what differs since the sync (default ${DEFAULT-VALUE}).")
  long memoryBudget;

  @Option(names = "--check-timeout", defaultValue = "PT60S",
      description = "Longest one checklist query may run (60s, 15m, 1h30m or ISO-8601; default ${DEFAULT-VALUE}).")
  Duration checkTimeout;

  public VerifyCommand(PhaseContext context) {
    super(context);
  }

  @Override
  protected Phase phase() {
    return Phase.VERIFY;
  }

  @Override
  protected PhaseStep.Verify step() {
    return step(null);
  }

  /** As {@link #step()}, with {@code migrate}'s parallelism instead of this command's own when given. */
  PhaseStep.Verify step(Parallelism parallel) {
    return new PhaseStep.Verify(new VerifyMigrationCommand(examples, checklists, checklistDatabases, checkTimeout,
        parallel == null ? parallelism : parallel, memoryBudget));
  }

  @Override
  protected void print(VerifyMigrationReport report) {
    long synced = report.tables().stream().filter(table -> table.synced() != null).count();
    if (synced > 0) {
      out.printf("Synced: %d of %d table(s) were synced after the export; they are compared with the source as the"
          + " sync read it, not with the export's files%n", synced, report.tables().size());
    }
    if (report.staleExport() != null) {
      out.printf("Warning: stale export, %s; the checks compare the target with the %s, not with the source now%n",
          report.staleExport(), synced > 0 ? "export and the latest sync" : "export");
    }
    for (VerifyMigrationReport.Check check : report.checks()) {
      if (!check.passed()) {
        out.printf("  FAIL %s, %s: %s%n", check.table(), check.name(), check.detail());
      }
    }
    if (!report.checklist().isEmpty()) {
      for (CheckResult result : report.checklist()) {
        if (result.origin() == CheckOrigin.PRE_EXISTING) {
          // Not a failure, but the operator should know the data was like this before the move.
          out.printf("  PRE-EXISTING checklist %s, %s: %s%n", result.checklist(), result.name(), result.detail());
        }
      }
      long failed = report.checklist().stream().filter(CheckResult::failsVerify).count();
      long preExisting = report.checklist().stream().filter(result -> result.origin() == CheckOrigin.PRE_EXISTING).count();
      out.printf("Checklist: %d check(s), %d failed%s%n", report.checklist().size(), failed,
          preExisting == 0 ? "" : ", " + preExisting + " pre-existing (true of the source before the move too)");
    }
    out.printf("Verification: %s — %d check(s), %d failed; report %s%n", report.passed() ? "PASS" : "FAIL",
        report.checks().size(), report.failures(), report.savedAs());
  }

}

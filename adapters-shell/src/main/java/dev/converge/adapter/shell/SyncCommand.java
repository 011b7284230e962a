package dev.converge.adapter.shell;

import picocli.CommandLine.Mixin;
import java.util.List;
import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.Parallelism;
import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;
import dev.converge.application.port.in.SyncTablesCommand;
import dev.converge.application.port.in.SyncTablesReport;
import dev.converge.application.port.in.SyncTablesReport.TableSync;
import dev.converge.application.port.in.VerifyMigrationReport;
import dev.converge.domain.run.Phase;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code converge sync}: the cut-over by delta — only the rows that differ since a pre-copy, then the proof. */
@Command(name = "sync",
    description = {"The window step of a two-step cut-over: after a pre-copy (migrate while the application still"
        + " runs), compares every planned table of the source (one snapshot, digested as export digests it) with the"
        + " target by primary key and writes only the rows that differ — deletes, updates and inserts, each table in"
        + " one transaction, with the plan's conversions and foreign-key handling; a table without a primary key is"
        + " reloaded whole when it differs. The plan's row decisions apply as export applies them: a row set aside"
        + " (and its children) stays out of the target, a value a default, map or column policy changed is written"
        + " in its decided form, and each table's records in changes.csv and quarantine/ are replaced by what this"
        + " sync found, so they describe the target as it is. Then proves the result: the rows found equal plus the rows written, read"
        + " back after the commit, against the source; no foreign key has orphans; every sequence is past its"
        + " column. Writes sync_report.md and .json into the work directory. Needs no export; refuses a target that"
        + " was never loaded.",
      "A re-run (after Ctrl-C, a kill or a failure) computes the delta again; a synced table commits nothing.",
      "Exits with status 10 when the proof fails."})
public final class SyncCommand extends PhaseCommand<SyncTablesReport> implements DryRun.Steps {

  @Mixin DryRun dryRun = new DryRun();

  @Option(names = "--parallel", converter = ParallelismText.class, paramLabel = "N", defaultValue = "4",
      description = "Tables compared at once, each reading the source and the target on their own connections"
          + " (1 to " + SyncTablesCommand.MAX_PARALLELISM + "; default ${DEFAULT-VALUE}).")
  Parallelism parallelism;

  @Option(names = "--memory-budget", paramLabel = "SIZE", defaultValue = "128MiB", converter = ByteSize.class,
      description = "Memory the comparison may hold for all tables at once, 17 bytes a target row; a table larger"
          + " than its share is compared in several passes over both sides (default ${DEFAULT-VALUE}).")
  long memoryBudget;

  @Option(names = "--examples", defaultValue = "5",
      description = "How many orphans to name per failed foreign-key check (default ${DEFAULT-VALUE}).")
  int examples;

  public SyncCommand(PhaseContext context) {
    super(context);
  }

  @Override
  protected Phase phase() {
    return Phase.SYNC;
  }

  @Override
  protected boolean dryRunRequested() {
    return dryRun.requested;
  }

  @Override
  public List<String> steps() {
    ConnectionSettings settings = connection.settings(context.environment());
    return List.of(
        "check the run journal: the target holds a pre-copy (an import or a sync since the latest rollback) of the"
            + " plan in " + settings.workDirectory(),
        "connect to " + describe(settings.source()) + " (read-only, one consistent snapshot) and " + describe(settings),
        "compare every planned table by primary key, " + parallelism.tables() + " at once within " + memoryBudget
            + " bytes of comparison memory (a table without a primary key whole)",
        "write only the rows that differ (deletes, updates, inserts), each table in one transaction with the plan's"
            + " conversions, row decisions and foreign-key handling; reload whole a table without a primary key that"
            + " differs; replace each committed or equal table's records in changes.csv and quarantine/",
        "prove the result: the rows found equal plus the rows written against the source, foreign keys without"
            + " orphans, sequences past their columns; write sync_report.md and sync_report.json; journal the changes"
            + " per table");
  }

  @Override
  protected PhaseStep.Sync step() {
    return new PhaseStep.Sync(new SyncTablesCommand(parallelism, memoryBudget, examples));
  }

  @Override
  protected void print(SyncTablesReport report) {
    for (TableSync table : report.tables()) {
      if (table.written() || !table.proven() || table.fullReload() != null) {
        out.printf(Locale.ROOT, "  %s %s: %s%n", table.proven() ? "synced" : "FAIL", table.table(), table.detail());
      }
    }
    for (VerifyMigrationReport.Check check : report.checks()) {
      if (!check.passed()) {
        out.printf("  FAIL %s, %s: %s%n", check.table(), check.name(), check.detail());
      }
    }
    long changed = report.tables().stream().filter(TableSync::written).count();
    out.printf(Locale.ROOT, "Sync: %d table(s) compared, %d changed (%,d inserted, %,d updated, %,d deleted) in %.1f s%n",
        report.tables().size(), changed, inserted(report), updated(report), deleted(report),
        report.elapsed().toMillis() / 1000.0);
    long quarantined = report.tables().stream().mapToLong(TableSync::quarantined).sum();
    long decided = report.tables().stream().mapToLong(TableSync::changed).sum();
    if (quarantined + decided > 0) {
      out.printf(Locale.ROOT, "Decided: %,d row(s) quarantined (not in the target), %,d value(s) changed as decided;"
          + " changes.csv and quarantine/ list them as of this sync%n", quarantined, decided);
    }
    out.printf("Proof: %s — %d table(s) and %d target check(s), %d failed; report %s%n",
        report.passed() ? "PASS" : "FAIL", report.tables().size(), report.checks().size(), report.failures(),
        report.savedAs());
  }

  private static long inserted(SyncTablesReport report) {
    return report.tables().stream().mapToLong(TableSync::inserted).sum();
  }

  private static long updated(SyncTablesReport report) {
    return report.tables().stream().mapToLong(TableSync::updated).sum();
  }

  private static long deleted(SyncTablesReport report) {
    return report.tables().stream().mapToLong(TableSync::deleted).sum();
  }
}

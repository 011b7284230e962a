package dev.converge.adapter.shell;

import dev.converge.application.port.in.Parallelism;
import dev.converge.application.port.in.ExportTablesCommand;
import dev.converge.application.port.in.ExportTablesReport;
import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;
import dev.converge.domain.manifest.TableManifest;
import dev.converge.domain.run.Phase;
import dev.converge.application.port.in.SnapshotMode;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code converge export}: every planned table from one source snapshot into CSV files and a manifest. */
@Command(name = "export",
    description = {"Exports every table of the saved plan from one consistent source snapshot into CSV files"
        + " (docs/csv-format.md) and a manifest (migration_manifest_<yyyyMMdd_HHmmss>.json) in the work directory,"
        + " converting every value as the plan says and stopping at the first value the target would reject.",
      "An interrupted export resumes: tables whose files prove intact (SHA-256) are kept, the rest is exported again."})
public final class ExportCommand extends PhaseCommand<ExportTablesReport> {

  @Option(names = "--parallel", paramLabel = "N", converter = ParallelismText.class, defaultValue = "4",
      description = "Tables exported at once, each on its own connection to the same snapshot (default ${DEFAULT-VALUE}).")
  Parallelism parallelism;

  @Option(names = "--restart", description = "Ignore an unfinished earlier export and start clean.")
  boolean restart;

  @Option(names = "--part-size", paramLabel = "SIZE", defaultValue = "64MiB", converter = ByteSize.class,
      description = "A table's file is split into parts of about this size (KiB, MiB, GiB; default ${DEFAULT-VALUE}),"
          + " so that migrate loads a large table while the rest of it is still being exported.")
  long partBytes;

  @Option(names = "--snapshot-mode", paramLabel = "MODE", defaultValue = "auto",
      description = "How the tables exported at once share one snapshot: lock (a global read lock, bounded by"
          + " --snapshot-lock-timeout, held while the readers start), lock-free (no lock, for a source whose"
          + " application is stopped: proven by an unchanged GTID set or binary-log position, else refused), auto"
          + " (lock when the login has RELOAD, else lock-free; default ${DEFAULT-VALUE}).")
  String snapshotMode;

  @Option(names = "--snapshot-lock-timeout", paramLabel = "DURATION", defaultValue = "PT5S",
      description = "Longest wait for the snapshot's global read lock (ISO-8601, whole seconds, at least PT1S;"
          + " default ${DEFAULT-VALUE}); the application's writes queue behind a waiting request, so at the bound"
          + " the request is withdrawn and the export fails naming the statements that blocked it.")
  Duration snapshotLockTimeout;

  @Option(names = "--reuse-stale-export", description = "Continue an interrupted export although the source moved"
      + " since its finished tables were read (a rehearsal); without it such an export is refused.")
  boolean reuseStaleExport;

  @picocli.CommandLine.Mixin RowDecisionOptions decisions = new RowDecisionOptions();

  public ExportCommand(PhaseContext context) {
    super(context);
  }

  @Override
  protected Phase phase() {
    return Phase.EXPORT;
  }

  @Override
  protected PhaseStep.Export step() {
    return new PhaseStep.Export(new ExportTablesCommand(parallelism, restart, partBytes, snapshotMode(snapshotMode),
        snapshotLockTimeout, reuseStaleExport, decisions.decisions()));
  }

  /** A {@code --snapshot-mode} keyword as the application's mode; a misspelt one is a configuration error. */
  static SnapshotMode snapshotMode(String keyword) {
    try {
      return SnapshotMode.of(keyword);
    } catch (IllegalArgumentException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "--snapshot-mode: " + e.getMessage());
    }
  }

  @Override
  protected void print(ExportTablesReport report) {
    out.printf(Locale.ROOT, "Export: %d table(s), %,d rows in %.1f s; %s%n", report.manifest().tables().size(),
        report.manifest().rows(), report.elapsed().toMillis() / 1000.0, report.snapshot());
    if (!report.lockWait().isZero()) {
      out.printf(Locale.ROOT, "Snapshot lock: waited %.1f s (not part of the data's export time)%n",
          report.lockWait().toMillis() / 1000.0);
    }
    report.staleReused().ifPresent(moved -> out.printf("Kept although stale (--reuse-stale-export): %s%n", moved));
    if (!report.reusedTables().isEmpty()) {
      out.printf("Kept from the interrupted export (files proved intact): %s%n", String.join(", ", report.reusedTables()));
    }
    for (TableManifest table : report.manifest().tables()) {
      out.printf(Locale.ROOT, "  %s → %s: %,d rows, checksum %s%n", table.sourceTable(),
          table.files().get(0).name() + (table.files().size() > 1 ? " (+" + (table.files().size() - 1) + " part(s))" : ""),
          table.rows(), table.contentChecksum());
    }
    out.printf("Manifest: %s%n", report.savedAs());
  }

}

package dev.converge.adapter.shell;

import dev.converge.application.port.in.ExportTablesCommand;
import dev.converge.application.port.in.ExportTablesReport;
import dev.converge.application.session.MigrationSession;
import dev.converge.domain.manifest.TableManifest;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.TableState;
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

  @Option(names = "--parallel", defaultValue = "4",
      description = "Tables exported at once, each on its own connection to the same snapshot (default ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(names = "--restart", description = "Ignore an unfinished earlier export and start clean.")
  boolean restart;

  @Option(names = "--part-size", paramLabel = "SIZE", defaultValue = "64MiB", converter = ByteSize.class,
      description = "A table's file is split into parts of about this size (KiB, MiB, GiB; default ${DEFAULT-VALUE}),"
          + " so that migrate loads a large table while the rest of it is still being exported.")
  long partBytes;

  public ExportCommand(PhaseContext context) {
    super(context);
  }

  @Override
  protected Phase phase() {
    return Phase.EXPORT;
  }

  @Override
  protected String summary(ExportTablesReport report) {
    return report.manifest().tables().size() + " table(s), " + report.manifest().rows() + " rows; " + report.savedAs();
  }

  @Override
  protected TableState doneState() {
    return TableState.EXPORTED;
  }

  @Override
  protected ExportTablesReport run(MigrationSession session) {
    return session.exportTables().export(new ExportTablesCommand(parallelism, restart, partBytes));
  }

  @Override
  protected void print(ExportTablesReport report) {
    out.printf(Locale.ROOT, "Export: %d table(s), %,d rows in %.1f s; %s%n", report.manifest().tables().size(),
        report.manifest().rows(), report.elapsed().toMillis() / 1000.0, report.snapshot());
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

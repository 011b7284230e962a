package dev.converge.adapter.shell;

import dev.converge.application.port.in.Parallelism;
import dev.converge.application.port.in.ImportTablesCommand;
import dev.converge.application.port.in.ImportTablesReport;
import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;
import dev.converge.domain.run.Phase;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code converge import}: load the validated files into the target with COPY. */
@Command(name = "import",
    description = {"Loads the validated export into PostgreSQL with COPY, each table in its own transaction"
        + " (existing rows handled as the plan says), then resets every serial/identity sequence and analyses the"
        + " tables. Refuses to start before a passing validation of the latest export, or when the target schema"
        + " changed since the plan.",
      "A re-run after any failure continues with the tables not yet committed; --restart loads all again."})
public final class ImportCommand extends PhaseCommand<ImportTablesReport> {

  @Option(names = "--parallel", paramLabel = "N", converter = ParallelismText.class, defaultValue = "4",
      description = "Tables loaded at once, each on its own connection (default ${DEFAULT-VALUE}).")
  Parallelism parallelism;

  @Option(names = "--restart", description = "Forget which tables an earlier run committed and load every table again.")
  boolean restart;

  @Option(names = "--reuse-stale-export", description = "Load the export although the source moved since it was read"
      + " (a rehearsal); without it such an export is refused, naming what moved and since when.")
  boolean reuseStaleExport;

  public ImportCommand(PhaseContext context) {
    super(context);
  }

  @Override
  protected Phase phase() {
    return Phase.IMPORT;
  }

  @Override
  protected PhaseStep.Import step() {
    return new PhaseStep.Import(new ImportTablesCommand(parallelism, restart, reuseStaleExport));
  }

  @Override
  protected void print(ImportTablesReport report) {
    out.printf(Locale.ROOT, "Import: %d table(s), %,d rows in %.1f s%n", report.loaded().size(), report.rows(),
        report.elapsed().toMillis() / 1000.0);
    if (!report.skipped().isEmpty()) {
      out.printf("Already committed by an earlier run: %s%n", String.join(", ", report.skipped()));
    }
    report.loaded().forEach((table, rows) -> out.printf(Locale.ROOT, "  %s: %,d rows%n", table, rows));
    out.println("Sequences reset; tables analysed.");
  }

}

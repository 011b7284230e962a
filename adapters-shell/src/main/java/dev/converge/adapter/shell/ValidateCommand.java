package dev.converge.adapter.shell;

import dev.converge.application.port.in.ValidateFilesCommand;
import dev.converge.application.port.in.ValidateFilesReport;
import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;
import dev.converge.domain.run.Phase;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code converge validate}: prove the export's files before anything touches the target. */
@Command(name = "validate",
    description = {"Checks every file of the latest manifest before any import: present, SHA-256 as recorded, valid CSV"
        + " in converge's dialect, the planned header, the manifest's row count, no duplicate primary key, and every"
        + " value valid for its target column (type, length, enum label, NOT NULL).",
      "Reads only the work directory: needs no database and no password (connection options are accepted and"
          + " ignored).",
      "Exits with status 8 when a problem is found; each names file, line, column and value."})
public final class ValidateCommand extends PhaseCommand<ValidateFilesReport> {

  @Option(names = "--problems", defaultValue = "10",
      description = "How many problems to list per table; all are counted (default ${DEFAULT-VALUE}).")
  int problems;

  public ValidateCommand(PhaseContext context) {
    super(context);
  }

  @Override
  protected Phase phase() {
    return Phase.VALIDATE;
  }

  /** Files only: needs the work directory, no database and no credentials (connection options are accepted, unused). */
  @Override
  protected PhaseStep.Validate step() {
    return new PhaseStep.Validate(new ValidateFilesCommand(problems));
  }

  @Override
  protected void print(ValidateFilesReport report) {
    out.printf("Validate: %s%n", report.manifest());
    for (ValidateFilesReport.TableValidation table : report.tables()) {
      out.printf(Locale.ROOT, "  %s %s: %,d rows%s%n", table.problemCount() == 0 ? "✓" : "✗", table.table(), table.rows(),
          table.problemCount() == 0 ? "" : ", " + table.problemCount() + " problem(s)");
      table.problems().forEach(problem -> out.printf("      %s%n", problem));
    }
    out.println(report.passed() ? "Validation: passed" : "Validation: FAILED with " + report.problems() + " problem(s)");
  }

}

package dev.converge.adapter.shell;

import dev.converge.application.port.in.ValidateFilesCommand;
import dev.converge.application.port.in.ValidateFilesReport;
import dev.converge.application.session.MigrationSession;
import dev.converge.domain.failure.ValidationFailedException;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.TableOutcome;
import dev.converge.domain.run.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code converge validate}: prove the export's files before anything touches the target. */
@Command(name = "validate",
    description = {"Checks every file of the latest manifest before any import: present, SHA-256 as recorded, valid CSV"
        + " in converge's dialect, the planned header, the manifest's row count, no duplicate primary key, and every"
        + " value valid for its target column (type, length, enum label, NOT NULL).",
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

  @Override
  protected String summary(ValidateFilesReport report) {
    return report.passed() ? "passed" : report.problems() + " problem(s)";
  }

  @Override
  protected List<TableOutcome> tables(ValidateFilesReport report) {
    var timings = context.progress().timings();
    List<TableOutcome> outcomes = new ArrayList<>();
    for (ValidateFilesReport.TableValidation table : report.tables()) {
      long millis = timings.containsKey(table.table()) ? timings.get(table.table()).millis() : 0;
      outcomes.add(table.problemCount() == 0 ? TableOutcome.done(table.table(), TableState.VALIDATED, table.rows(), millis)
          : TableOutcome.failed(table.table(), table.rows(), table.problemCount() + " problem(s), first: "
              + table.problems().get(0)));
    }
    return outcomes;
  }

  @Override
  protected TableState doneState() {
    return TableState.VALIDATED;
  }

  @Override
  protected ValidateFilesReport run(MigrationSession session) {
    return session.validateFiles().validate(new ValidateFilesCommand(problems));
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

  @Override
  protected void failIfFailed(ValidateFilesReport report) {
    if (!report.passed()) {
      throw new ValidationFailedException((int) Math.min(Integer.MAX_VALUE, report.problems()));
    }
  }

}

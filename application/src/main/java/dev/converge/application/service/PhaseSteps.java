package dev.converge.application.service;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;
import dev.converge.application.port.in.ValidateFilesUseCase;
import dev.converge.application.session.MigrationSession;

/** Runs a typed phase step on its use case: the session's, or, for validate, the work directory's own. */
final class PhaseSteps {

  private PhaseSteps() {}

  @SuppressWarnings("unchecked") // each step's report type is the one its use case returns
  static <R> R perform(PhaseStep<R> step, MigrationSession session, ConnectionSettings settings,
      ValidateFilesUseCase validation) {
    Object report;
    if (step instanceof PhaseStep.Validate validate) {
      report = validation.validate(validate.command());
    } else if (step instanceof PhaseStep.Connect) {
      // Opening the session proved both pools.
      report = new PhaseStep.Connected(settings.source().describe(), settings.describeTarget(),
          settings.workDirectory().toString());
    } else if (step instanceof PhaseStep.Schema schema) {
      report = session.provisionTarget().provision(schema.command());
    } else if (step instanceof PhaseStep.Plan plan) {
      report = session.planMigration().plan(plan.command());
    } else if (step instanceof PhaseStep.Export export) {
      report = session.exportTables().export(export.command());
    } else if (step instanceof PhaseStep.Import load) {
      report = session.importTables().importTables(load.command());
    } else if (step instanceof PhaseStep.Verify verify) {
      report = session.verifyMigration().verify(verify.command());
    } else if (step instanceof PhaseStep.Sync sync) {
      report = session.syncTables().sync(sync.command());
    } else if (step instanceof PhaseStep.Rollback rollback) {
      report = session.rollbackTarget().rollback(rollback.command());
    } else {
      throw new IllegalArgumentException("no use case runs " + step);
    }
    return (R) report;
  }
}

package dev.converge.application.service;

import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;
import dev.converge.application.port.in.RecordPhaseUseCase;
import dev.converge.application.port.in.RunPhaseCommand;
import dev.converge.application.port.in.RunPhaseReport;
import dev.converge.application.port.in.RunPhaseUseCase;
import dev.converge.application.port.in.ValidateFilesUseCase;
import dev.converge.application.port.out.RecordImportPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StoreRunJournalPort;
import dev.converge.application.session.MigrationSession;
import dev.converge.application.session.MigrationSessions;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.run.Phase;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Runs one phase for any front end: the gate first (a refused phase fails before anything starts
 * and is never journaled), then the phase begun in the journal, its session opened (none for
 * validate, which reads only the work directory), its use case run, and the phase ended with each
 * table's outcome from the report — or failed (cancelled) with the failing table named and, for an
 * import, the tables it had committed.
 */
public final class RunPhaseService implements RunPhaseUseCase {

  private final PhaseJournal journal;
  private final MigrationSessions sessions;
  private final ValidateFilesUseCase validation;

  /**
   * @param validation the work directory's own validation (no connection)
   * @param exitStatus the exit status a failure maps to, for the journal
   */
  public RunPhaseService(RecordPhaseUseCase journal, StoreRunJournalPort journals, RecordImportPort imports,
      StoreManifestPort manifests, MigrationSessions sessions, ValidateFilesUseCase validation,
      ToIntFunction<Throwable> exitStatus) {
    this.journal = new PhaseJournal(journal, journals, imports, manifests, exitStatus);
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.validation = Objects.requireNonNull(validation, "validation");
  }

  @Override
  public <R> RunPhaseReport<R> run(RunPhaseCommand<R> command) {
    PhaseStep<R> step = command.step();
    Phase phase = step.phase();
    journal.gate(phase);
    String runId = journal.begin(phase, step.connects() ? command.settings() : null);
    command.watcher().begun(runId, phase.command());
    R report;
    try {
      try {
        if (step.connects()) {
          try (MigrationSession session = sessions.open(command.settings())) {
            report = PhaseSteps.perform(step, session, command.settings(), validation);
          }
        } else {
          report = PhaseSteps.perform(step, null, null, validation);
        }
      } finally {
        command.watcher().ended();
      }
    } catch (RuntimeException failure) {
      journal.failed(phase, failure, command.watcher().cancelled());
      throw failure;
    }
    Optional<ConvergeException> failure = journal.ended(phase, report);
    return new RunPhaseReport<>(step, report, runId, PhaseOutcomes.summary(report), failure, journal.next());
  }
}

package dev.converge.application.port.in;

import dev.converge.domain.run.Phase;
import java.util.Objects;

/**
 * Runs one phase of a run, the same way for the interactive shell and batch mode: the run's state
 * machine gates it (a refused phase fails before anything starts and is never journaled), the run
 * journal records it begun and ended with each table's outcome taken from the phase's report (or,
 * when it failed, with the failing table named and the tables it had committed), and the report
 * comes back to be rendered.
 */
public interface RunPhaseUseCase {

  <R> RunPhaseReport<R> run(RunPhaseCommand<R> command);

  /** What the front end is told while a phase runs, and asked whether the operator cancelled it. */
  interface Watcher {
    Watcher NONE = new Watcher() { };

    /** The phase (or {@code migrate}'s pipeline, named {@code name}) began in run {@code runId}. */
    default void begun(String runId, String name) {}

    /** It ended, before its report is rendered. */
    default void ended() {}

    /** Whether the operator cancelled it (Ctrl-C, a signal): a failure then ends it as cancelled. */
    default boolean cancelled() {
      return false;
    }
  }

  /**
   * One phase of a run as the operator asked for it, with its typed command: what
   * {@link RunPhaseUseCase} gates, journals and runs. {@code R} is the phase's report.
   *
   * @param <R> the report the phase's use case returns
   */
  sealed interface PhaseStep<R> {

    /** The phase the run journal records. */
    Phase phase();

    /** Whether the phase needs the databases (validate reads only the work directory). */
    default boolean connects() {
      return true;
    }

    /** Opens both databases and proves they answer. */
    record Connect() implements PhaseStep<Connected> {
      @Override
      public Phase phase() {
        return Phase.CONNECT;
      }
    }

    /** What {@code connect} reached, as the journal names it (no password). */
    record Connected(String source, String target, String workDirectory) {}

    record Schema(ProvisionTargetCommand command) implements PhaseStep<ProvisionTargetReport> {
      public Schema {
        Objects.requireNonNull(command, "command");
      }

      @Override
      public Phase phase() {
        return Phase.SCHEMA;
      }
    }

    record Plan(PlanMigrationCommand command) implements PhaseStep<PlanMigrationReport> {
      public Plan {
        Objects.requireNonNull(command, "command");
      }

      @Override
      public Phase phase() {
        return Phase.PLAN;
      }
    }

    record Export(ExportTablesCommand command) implements PhaseStep<ExportTablesReport> {
      public Export {
        Objects.requireNonNull(command, "command");
      }

      @Override
      public Phase phase() {
        return Phase.EXPORT;
      }
    }

    /** Reads only the work directory: needs no database, no credentials. */
    record Validate(ValidateFilesCommand command) implements PhaseStep<ValidateFilesReport> {
      public Validate {
        Objects.requireNonNull(command, "command");
      }

      @Override
      public Phase phase() {
        return Phase.VALIDATE;
      }

      @Override
      public boolean connects() {
        return false;
      }
    }

    record Import(ImportTablesCommand command) implements PhaseStep<ImportTablesReport> {
      public Import {
        Objects.requireNonNull(command, "command");
      }

      @Override
      public Phase phase() {
        return Phase.IMPORT;
      }
    }

    record Verify(VerifyMigrationCommand command) implements PhaseStep<VerifyMigrationReport> {
      public Verify {
        Objects.requireNonNull(command, "command");
      }

      @Override
      public Phase phase() {
        return Phase.VERIFY;
      }
    }

    record Sync(SyncTablesCommand command) implements PhaseStep<SyncTablesReport> {
      public Sync {
        Objects.requireNonNull(command, "command");
      }

      @Override
      public Phase phase() {
        return Phase.SYNC;
      }
    }

    record Rollback(RollbackTargetCommand command) implements PhaseStep<RollbackTargetReport> {
      public Rollback {
        Objects.requireNonNull(command, "command");
      }

      @Override
      public Phase phase() {
        return Phase.ROLLBACK;
      }
    }
  }
}

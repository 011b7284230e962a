package dev.converge.application.port.in;

import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;

/**
 * {@code migrate}: every phase in order on one pair of connections — connect, schema (when asked),
 * plan (unless the plan is kept), export, validate and import as one pipeline (or one after another),
 * verify — each gated and journaled as when run alone, stopping at the first that fails.
 */
public interface RunMigrationUseCase {

  RunMigrationReport migrate(RunMigrationCommand command);

  /** What the front end is told as the phases go, to render each as it ends. */
  interface Watcher extends RunPhaseUseCase.Watcher {

    /** A phase begins ({@code export+validate+import} for the pipeline). */
    default void phaseBegun(String name) {}

    /** A phase ended with this report (a failing one too, before its failure is thrown). */
    default <R> void phaseEnded(PhaseStep<R> step, R report) {}

    /** The pipeline ended: export, validate and import with each table's times. */
    default void pipelineEnded(TransferTablesReport report) {}
  }
}

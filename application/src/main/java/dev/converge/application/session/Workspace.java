package dev.converge.application.session;

import dev.converge.application.port.in.RecordPhaseUseCase;
import dev.converge.application.port.in.ReportRunUseCase;
import dev.converge.application.port.in.RunMigrationUseCase;
import dev.converge.application.port.in.RunPhaseUseCase;
import dev.converge.application.port.in.ShowStatusUseCase;

/**
 * The use cases of one work directory: the journal, status and report (no connection), and the
 * runners of its phases and of {@code migrate}, which open the connections a phase needs.
 */
public interface Workspace {

  /** Any phase, gated and journaled the same way for the shell and batch mode. */
  RunPhaseUseCase runPhase();

  /** Every phase in order ({@code converge migrate}). */
  RunMigrationUseCase runMigration();

  RecordPhaseUseCase recordPhase();

  ShowStatusUseCase showStatus();

  ReportRunUseCase reportRun();
}

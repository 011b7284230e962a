package dev.converge.application.session;

import dev.converge.application.port.in.RecordPhaseUseCase;
import dev.converge.application.port.in.ReportRunUseCase;
import dev.converge.application.port.in.ShowStatusUseCase;

/** The use cases of one work directory that need no connection: the journal, status and report. */
public interface Workspace {

  RecordPhaseUseCase recordPhase();

  ShowStatusUseCase showStatus();

  ReportRunUseCase reportRun();
}

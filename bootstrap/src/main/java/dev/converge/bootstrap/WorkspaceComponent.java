package dev.converge.bootstrap;

import dagger.BindsInstance;
import dagger.Subcomponent;
import dev.converge.application.port.in.RecordPhaseUseCase;
import dev.converge.application.port.in.ReportRunUseCase;
import dev.converge.application.port.in.ShowStatusUseCase;
import java.nio.file.Path;

/**
 * The object graph of one work directory, without a session: the run journal, status (which may look
 * at the source for a moment) and report.
 */
@Subcomponent(modules = WorkspaceModule.class)
interface WorkspaceComponent {

  RecordPhaseUseCase recordPhase();

  ShowStatusUseCase showStatus();

  ReportRunUseCase reportRun();

  @Subcomponent.Factory
  interface Factory {
    WorkspaceComponent create(@BindsInstance Path workDirectory);
  }
}

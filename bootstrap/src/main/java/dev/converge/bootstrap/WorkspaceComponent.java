package dev.converge.bootstrap;

import dagger.BindsInstance;
import dagger.Subcomponent;
import dev.converge.application.port.in.RecordPhaseUseCase;
import dev.converge.application.port.in.ReportRunUseCase;
import dev.converge.application.port.in.RunMigrationUseCase;
import dev.converge.application.port.in.RunPhaseUseCase;
import dev.converge.application.port.in.ShowStatusUseCase;
import java.nio.file.Path;

/**
 * The object graph of one work directory: the run journal, status (which may look at the source for
 * a moment) and report, and the runners of its phases (which open a session of their own when a
 * phase connects).
 */
@Subcomponent(modules = WorkspaceModule.class)
interface WorkspaceComponent {

  RecordPhaseUseCase recordPhase();

  ShowStatusUseCase showStatus();

  ReportRunUseCase reportRun();

  RunPhaseUseCase runPhase();

  RunMigrationUseCase runMigration();

  @Subcomponent.Factory
  interface Factory {
    WorkspaceComponent create(@BindsInstance Path workDirectory);
  }
}

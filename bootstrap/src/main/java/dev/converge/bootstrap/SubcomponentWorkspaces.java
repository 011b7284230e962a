package dev.converge.bootstrap;

import dev.converge.application.port.in.RecordPhaseUseCase;
import dev.converge.application.port.in.ReportRunUseCase;
import dev.converge.application.port.in.RunMigrationUseCase;
import dev.converge.application.port.in.RunPhaseUseCase;
import dev.converge.application.port.in.ShowStatusUseCase;
import dev.converge.application.session.Workspace;
import dev.converge.application.session.Workspaces;
import java.nio.file.Path;
import javax.inject.Inject;

/** Opens a work directory's use cases from the Dagger subcomponent; nothing to close. */
final class SubcomponentWorkspaces implements Workspaces {

  private final WorkspaceComponent.Factory workspaces;
  private final OperatorEnvironment environment;

  @Inject
  SubcomponentWorkspaces(WorkspaceComponent.Factory workspaces, OperatorEnvironment environment) {
    this.workspaces = workspaces;
    this.environment = environment;
  }

  @Override
  public Workspace open(Path workDirectory) {
    // The log follows the command to its work directory (unless CONVERGE_LOG_FILE says otherwise).
    LogDestination.workDirectory(workDirectory, environment.variable("CONVERGE_LOG_FILE"));
    WorkspaceComponent workspace = workspaces.create(workDirectory);
    return new Workspace() {
      @Override
      public RecordPhaseUseCase recordPhase() {
        return workspace.recordPhase();
      }

      @Override
      public ShowStatusUseCase showStatus() {
        return workspace.showStatus();
      }

      @Override
      public RunPhaseUseCase runPhase() {
        return workspace.runPhase();
      }

      @Override
      public RunMigrationUseCase runMigration() {
        return workspace.runMigration();
      }

      @Override
      public ReportRunUseCase reportRun() {
        return workspace.reportRun();
      }
    };
  }
}

package dev.converge.bootstrap;

import dagger.Binds;
import dagger.Module;
import dev.converge.application.session.DemoEnvironments;
import dev.converge.application.session.MigrationSessions;
import dev.converge.application.session.Workspaces;

/** Makes the session subcomponent available to the commands that connect. */
@Module(subcomponents = {SessionComponent.class, WorkspaceComponent.class})
interface SessionsModule {

  @Binds
  MigrationSessions sessions(SubcomponentMigrationSessions sessions);

  @Binds
  Workspaces workspaces(SubcomponentWorkspaces workspaces);

  @Binds
  DemoEnvironments demos(EmbeddedDemoEnvironments demos);
}

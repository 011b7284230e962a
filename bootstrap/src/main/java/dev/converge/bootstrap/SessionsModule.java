package dev.converge.bootstrap;

import dagger.Binds;
import dagger.Module;
import dev.converge.application.session.MigrationSessions;

/** Makes the session subcomponent available to the commands that connect. */
@Module(subcomponents = SessionComponent.class)
interface SessionsModule {

  @Binds
  MigrationSessions sessions(SubcomponentMigrationSessions sessions);
}

package dev.converge.bootstrap;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.embedded.postgres.EmbeddedPostgresServerAdapter;
import dev.converge.application.port.out.StartTargetServerPort;
import javax.inject.Singleton;

/** Wires adapters-postgres into the application's out-ports. */
@Module
interface PostgresModule {

  @Binds
  StartTargetServerPort startTargetServer(EmbeddedPostgresServerAdapter adapter);

  @Provides
  @Singleton
  static EmbeddedPostgresServerAdapter embeddedPostgresServerAdapter() {
    return new EmbeddedPostgresServerAdapter();
  }
}

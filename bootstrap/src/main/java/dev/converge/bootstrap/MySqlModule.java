package dev.converge.bootstrap;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.embedded.mysql.EmbeddedMySqlServerAdapter;
import dev.converge.application.port.out.StartSourceServerPort;
import javax.inject.Singleton;

/** Wires adapters-mysql into the application's out-ports. */
@Module
interface MySqlModule {

  @Binds
  StartSourceServerPort startSourceServer(EmbeddedMySqlServerAdapter adapter);

  @Provides
  @Singleton
  static EmbeddedMySqlServerAdapter embeddedMySqlServerAdapter() {
    return new EmbeddedMySqlServerAdapter();
  }
}

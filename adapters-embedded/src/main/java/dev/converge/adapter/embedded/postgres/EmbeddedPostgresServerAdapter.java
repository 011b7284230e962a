package dev.converge.adapter.embedded.postgres;

import dev.converge.adapter.embedded.postgres.EmbeddedPostgresServer;
import dev.converge.application.connection.RunningServer;
import dev.converge.application.port.out.StartTargetServerPort;

/** Starts the embedded PostgreSQL 17 server for the demo and the benchmark. */
public final class EmbeddedPostgresServerAdapter implements StartTargetServerPort {

  @Override
  public RunningServer startPostgres() {
    return EmbeddedPostgresServer.start();
  }
}

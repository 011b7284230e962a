package dev.converge.adapter.postgres.archfixture;

import dev.converge.application.connection.RunningServer;
import dev.converge.application.port.out.StartTargetServerPort;

/** Breaks the adapter naming rule: a port implemented by a class not named *Adapter. */
public class PostgresStarter implements StartTargetServerPort {
  @Override
  public RunningServer startPostgres() {
    throw new UnsupportedOperationException("fixture");
  }
}

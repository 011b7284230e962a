package dev.converge.application.port.out;

import dev.converge.application.connection.RunningServer;

/** Starts a disposable PostgreSQL 17 target server from binaries shipped through Maven Central. */
public interface StartTargetServerPort {

  RunningServer startPostgres();
}

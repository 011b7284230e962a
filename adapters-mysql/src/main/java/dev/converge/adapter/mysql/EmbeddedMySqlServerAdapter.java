package dev.converge.adapter.mysql;

import dev.converge.adapter.mysql.embedded.EmbeddedMySqlServer;
import dev.converge.adapter.mysql.embedded.MySqlFlavor;
import dev.converge.application.connection.RunningServer;
import dev.converge.application.port.out.StartSourceServerPort;

/** Starts the embedded MySQL 8 and MariaDB servers for the demo and the benchmark. */
public final class EmbeddedMySqlServerAdapter implements StartSourceServerPort {

  @Override
  public RunningServer startMySql() {
    return EmbeddedMySqlServer.start(MySqlFlavor.MYSQL_8_0);
  }

  @Override
  public RunningServer startMariaDb() {
    return EmbeddedMySqlServer.start(MySqlFlavor.MARIADB_11_4);
  }
}

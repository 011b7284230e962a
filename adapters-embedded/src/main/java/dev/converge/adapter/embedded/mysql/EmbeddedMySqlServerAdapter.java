package dev.converge.adapter.embedded.mysql;

import dev.converge.adapter.embedded.mysql.EmbeddedMySqlServer;
import dev.converge.adapter.embedded.mysql.MySqlFlavor;
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

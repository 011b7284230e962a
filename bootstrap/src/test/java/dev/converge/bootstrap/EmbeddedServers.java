package dev.converge.bootstrap;

import dev.converge.adapter.embedded.mysql.EmbeddedMySqlServerAdapter;
import dev.converge.adapter.embedded.postgres.EmbeddedPostgresServerAdapter;
import dev.converge.application.connection.RunningServer;
import java.util.concurrent.atomic.AtomicInteger;

/** The embedded servers of bootstrap's ITs: each started at most once per test JVM, stopped at its end. */
final class EmbeddedServers {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static RunningServer mySql;
  private static RunningServer mariaDb;
  private static RunningServer postgres;

  private EmbeddedServers() {}

  static synchronized RunningServer mySql() {
    if (mySql == null) {
      mySql = stopAtExit(new EmbeddedMySqlServerAdapter().startMySql());
    }
    return mySql;
  }

  static synchronized RunningServer mariaDb() {
    if (mariaDb == null) {
      mariaDb = stopAtExit(new EmbeddedMySqlServerAdapter().startMariaDb());
    }
    return mariaDb;
  }

  static synchronized RunningServer postgres() {
    if (postgres == null) {
      postgres = stopAtExit(new EmbeddedPostgresServerAdapter().startPostgres());
    }
    return postgres;
  }

  /** A new database on the server, so that tests never see each other's tables. */
  static String freshDatabase(RunningServer server, String prefix) {
    String name = prefix + "_" + DATABASES.incrementAndGet();
    server.createDatabase(name);
    return name;
  }

  private static RunningServer stopAtExit(RunningServer server) {
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-" + server.description()));
    return server;
  }
}

package dev.converge.adapter.postgres;

import dev.converge.adapter.embedded.postgres.EmbeddedPostgresServer;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts the PostgreSQL server at most once per test JVM and stops it when the JVM ends. */
public final class SharedPostgresServer {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgresServer server;

  private SharedPostgresServer() {}

  public static synchronized EmbeddedPostgresServer get() {
    if (server == null) {
      server = EmbeddedPostgresServer.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-postgres"));
    }
    return server;
  }

  /** A new, empty database on the shared server, so that tests never see each other's tables. */
  public static String freshDatabase(String prefix) {
    String name = prefix + "_" + DATABASES.incrementAndGet();
    get().createDatabase(name);
    return name;
  }
}

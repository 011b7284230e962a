package dev.converge.adapter.mysql;

import dev.converge.adapter.embedded.mysql.EmbeddedMySqlServer;
import dev.converge.adapter.embedded.mysql.MySqlFlavor;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts each MySQL-family server at most once per test JVM and stops it when the JVM ends. */
public final class SharedMySqlServers {

  private static final Map<MySqlFlavor, EmbeddedMySqlServer> SERVERS = new EnumMap<>(MySqlFlavor.class);
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private SharedMySqlServers() {}

  public static synchronized EmbeddedMySqlServer of(MySqlFlavor flavor) {
    return SERVERS.computeIfAbsent(flavor, key -> {
      EmbeddedMySqlServer server = EmbeddedMySqlServer.start(key);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-" + key));
      return server;
    });
  }

  /** A new, empty database on the flavor's shared server, so that tests never see each other's tables. */
  public static String freshDatabase(MySqlFlavor flavor, String prefix) {
    String name = prefix + "_" + DATABASES.incrementAndGet();
    of(flavor).createDatabase(name);
    return name;
  }
}

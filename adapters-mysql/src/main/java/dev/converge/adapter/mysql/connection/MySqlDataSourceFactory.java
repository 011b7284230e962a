package dev.converge.adapter.mysql.connection;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.converge.application.connection.DatabaseEndpoint;

/**
 * Builds fully configured HikariCP pools for a MySQL-family server. The source pool is read-only
 * at the server ({@code SET SESSION TRANSACTION READ ONLY}), so no phase can write to the source.
 */
public final class MySqlDataSourceFactory {

  private MySqlDataSourceFactory() {}

  /** The pool every phase reads the source through: read-only, UTC session, utf8mb4. */
  public static HikariDataSource readOnlySource(DatabaseEndpoint endpoint, int maximumConnections) {
    HikariConfig config = baseConfig(endpoint, maximumConnections, "converge-source");
    config.setReadOnly(true);
    return new HikariDataSource(config);
  }

  /** A writable pool, for loading reference datasets into a source server (demo, tests, benchmark). */
  public static HikariDataSource writable(DatabaseEndpoint endpoint, int maximumConnections) {
    HikariConfig config = baseConfig(endpoint, maximumConnections, "converge-source-loader");
    // Multi-row INSERTs: the generator's batches become one statement per batch on the wire.
    config.addDataSourceProperty("rewriteBatchedStatements", "true");
    return new HikariDataSource(config);
  }

  private static HikariConfig baseConfig(DatabaseEndpoint endpoint, int maximumConnections, String poolName) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(poolName);
    config.setJdbcUrl("jdbc:mysql://" + endpoint.host() + ":" + endpoint.port() + "/" + endpoint.database());
    config.setUsername(endpoint.user());
    config.setPassword(endpoint.password());
    config.setMaximumPoolSize(maximumConnections);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(10_000);
    // Every session sees datetimes and timestamps in UTC, whatever the server's time zone is.
    config.setConnectionInitSql("SET time_zone = '+00:00'");
    config.addDataSourceProperty("characterEncoding", "UTF-8");
    config.addDataSourceProperty("connectionCollation", "utf8mb4_unicode_ci");
    config.addDataSourceProperty("useSSL", "false");
    config.addDataSourceProperty("allowPublicKeyRetrieval", "true");
    // The driver must not shift DATETIME values through the JVM's zone.
    config.addDataSourceProperty("connectionTimeZone", "UTC");
    config.addDataSourceProperty("forceConnectionTimeZoneToSession", "false");
    config.addDataSourceProperty("preserveInstants", "false");
    config.addDataSourceProperty("zeroDateTimeBehavior", "EXCEPTION");
    config.addDataSourceProperty("tinyInt1isBit", "false");
    return config;
  }
}

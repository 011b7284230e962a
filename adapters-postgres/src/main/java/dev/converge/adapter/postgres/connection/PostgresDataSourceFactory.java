package dev.converge.adapter.postgres.connection;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.converge.application.connection.DatabaseEndpoint;

/** Builds fully configured HikariCP pools for the PostgreSQL target. */
public final class PostgresDataSourceFactory {

  private PostgresDataSourceFactory() {}

  /** The pool the schema, import and verify phases use; sessions are in UTC. */
  public static HikariDataSource target(DatabaseEndpoint endpoint, int maximumConnections) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("converge-target");
    config.setJdbcUrl("jdbc:postgresql://" + endpoint.host() + ":" + endpoint.port() + "/" + endpoint.database());
    config.setUsername(endpoint.user());
    config.setPassword(endpoint.password());
    config.setMaximumPoolSize(maximumConnections);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(10_000);
    config.addDataSourceProperty("ApplicationName", "converge");
    // pgjdbc sends the JVM's zone at start-up; every converge session works in UTC instead.
    config.setConnectionInitSql("SET TIME ZONE 'UTC'");
    return new HikariDataSource(config);
  }
}

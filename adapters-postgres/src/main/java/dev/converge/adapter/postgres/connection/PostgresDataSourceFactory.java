package dev.converge.adapter.postgres.connection;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.converge.application.connection.DatabaseEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;

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

  /**
   * One connection outside any pool, for a short look into another database of the target's
   * server (a checklist query); in UTC like every converge session. The caller closes it.
   */
  public static Connection single(DatabaseEndpoint endpoint) throws SQLException {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setServerNames(new String[] {endpoint.host()});
    source.setPortNumbers(new int[] {endpoint.port()});
    source.setDatabaseName(endpoint.database());
    source.setUser(endpoint.user());
    source.setPassword(endpoint.password());
    source.setApplicationName("converge");
    source.setConnectTimeout(10);
    Connection connection = source.getConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TIME ZONE 'UTC'");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }
}

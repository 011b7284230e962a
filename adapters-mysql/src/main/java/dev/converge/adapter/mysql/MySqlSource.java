package dev.converge.adapter.mysql;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.port.out.ReadMigrationVersionsPort;
import dev.converge.application.port.out.ReadSourcePositionPort;
import dev.converge.application.port.out.RunSourceQueryPort;
import dev.converge.application.port.out.ReadSourceSchemaPort;
import dev.converge.application.port.out.RunPreflightChecksPort;
import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;

/** One connected MySQL-family source: owns the read-only pool and hands out the adapters that use it. */
public final class MySqlSource implements AutoCloseable {

  private final DatabaseEndpoint endpoint;
  private final HikariDataSource pool;

  private MySqlSource(DatabaseEndpoint endpoint, HikariDataSource pool) {
    this.endpoint = endpoint;
    this.pool = pool;
  }

  /** Opens the read-only pool and proves the login works before any phase relies on it. */
  public static MySqlSource open(DatabaseEndpoint endpoint, int connections) {
    HikariDataSource pool;
    try {
      pool = MySqlDataSourceFactory.readOnlySource(endpoint, connections);
    } catch (RuntimeException e) {
      throw new ConvergeException(ErrorCode.CONNECTION, "cannot connect to the source " + endpoint.describe()
          + ": " + rootMessage(e), e);
    }
    try (Connection connection = pool.getConnection()) {
      connection.isValid(5);
    } catch (SQLException e) {
      pool.close();
      throw new ConvergeException(ErrorCode.CONNECTION, "cannot connect to the source " + endpoint.describe()
          + ": " + e.getMessage(), e);
    }
    return new MySqlSource(endpoint, pool);
  }

  public ReadSourceSchemaPort catalog() {
    return new MySqlCatalogAdapter(pool, endpoint.database());
  }

  public RunPreflightChecksPort preflight() {
    return new MySqlPreflightAdapter(pool);
  }

  public StreamSourceRowsPort snapshots() {
    return new MySqlSnapshotAdapter(pool);
  }

  public RunSourceQueryPort sourceQueries() {
    return new MySqlSourceQueryAdapter(pool, endpoint.database());
  }

  public ReadSourcePositionPort sourcePosition() {
    return new MySqlSourcePositionAdapter(pool);
  }

  public ReadMigrationVersionsPort migrationVersions() {
    return new MySqlMigrationVersionsAdapter(pool, endpoint.database());
  }

  @Override
  public void close() {
    pool.close();
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}

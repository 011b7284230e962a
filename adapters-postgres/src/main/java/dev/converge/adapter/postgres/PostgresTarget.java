package dev.converge.adapter.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.postgres.connection.PostgresDataSourceFactory;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.port.out.ApplyTargetMigrationsPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.application.port.out.RecreateTargetSchemaPort;
import dev.converge.application.port.out.RunProvisioningCommandPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;

/** One connected PostgreSQL target schema: owns the pool and hands out the adapters that use it. */
public final class PostgresTarget implements AutoCloseable {

  private final DatabaseEndpoint endpoint;
  private final String schema;
  private final HikariDataSource pool;

  private PostgresTarget(DatabaseEndpoint endpoint, String schema, HikariDataSource pool) {
    this.endpoint = endpoint;
    this.schema = schema;
    this.pool = pool;
  }

  /** Opens the pool and proves the login works before any phase relies on it. */
  public static PostgresTarget open(DatabaseEndpoint endpoint, String schema, int connections) {
    HikariDataSource pool;
    try {
      // Flyway holds one connection for its lock while it migrates on another.
      pool = PostgresDataSourceFactory.target(endpoint, Math.max(2, connections));
    } catch (RuntimeException e) {
      throw new ConvergeException(ErrorCode.CONNECTION, "cannot connect to the target " + endpoint.describe()
          + ": " + e.getMessage(), e);
    }
    try (Connection connection = pool.getConnection()) {
      connection.isValid(5);
    } catch (SQLException e) {
      pool.close();
      throw new ConvergeException(ErrorCode.CONNECTION, "cannot connect to the target " + endpoint.describe()
          + ": " + e.getMessage(), e);
    }
    return new PostgresTarget(endpoint, schema, pool);
  }

  public ReadTargetSchemaPort catalog() {
    return new PostgresCatalogAdapter(pool, schema);
  }

  public PostgresInspectionAdapter inspection() {
    return new PostgresInspectionAdapter(pool, schema);
  }

  public PostgresVerificationAdapter verification() {
    return new PostgresVerificationAdapter(pool, schema);
  }

  public PostgresChecklistQueryAdapter checklistQueries() {
    return new PostgresChecklistQueryAdapter(pool, endpoint, schema);
  }

  public PostgresCopyAdapter copies() {
    return new PostgresCopyAdapter(pool, schema);
  }

  public RecreateTargetSchemaPort schemaReset() {
    return new PostgresSchemaResetAdapter(pool, schema);
  }

  public RunProvisioningCommandPort provisioningCommands() {
    return new PostgresProvisioningCommandAdapter(endpoint, schema);
  }

  public ApplyTargetMigrationsPort migrations() {
    return new FlywayMigrationAdapter(pool, schema);
  }

  @Override
  public void close() {
    pool.close();
  }
}

package dev.converge.adapter.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.postgres.connection.PostgresDataSourceFactory;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.connection.TlsMode;
import dev.converge.application.connection.TlsSettings;
import dev.converge.application.port.out.ApplyTargetMigrationsPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.application.port.out.RecreateTargetSchemaPort;
import dev.converge.application.port.out.RunProvisioningCommandPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.security.cert.CertificateException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.net.ssl.SSLException;

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
      throw connectionFailure(endpoint, e.getMessage(), tlsHint(endpoint.tls(), e), e);
    }
    try (Connection connection = pool.getConnection()) {
      connection.isValid(5);
    } catch (SQLException e) {
      pool.close();
      throw connectionFailure(endpoint, e.getMessage(), tlsHint(endpoint.tls(), e), e);
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

  public PostgresSchemaRowsAdapter schemaRows() {
    return new PostgresSchemaRowsAdapter(pool, schema);
  }

  /** The rows {@code sync} writes: each table's delta in its one transaction. */
  public PostgresSyncAdapter changes() {
    return new PostgresSyncAdapter(pool, schema);
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

  /**
   * What the operator can change when a failure is about TLS: a login refused (28000) while TLS is
   * off, which is what a hostssl-only pg_hba.conf answers, or a handshake that did not accept the
   * server's certificate.
   */
  static String tlsHint(TlsSettings tls, Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLException || cause instanceof CertificateException) {
        return "; the TLS handshake failed (--target-ssl-mode " + tls.mode()
            + (tls.certificateAuthority() == null ? ", the JVM's trust store" : ", CA " + tls.certificateAuthority())
            + "): check the CA file and that the server's certificate names the host";
      }
      if (cause instanceof SQLException sql && "28000".equals(sql.getSQLState()) && tls.mode() == TlsMode.DISABLE) {
        return "; --target-ssl-mode is disable, and a server that accepts only TLS connections (hostssl) refuses"
            + " a plaintext login: use require, verify-ca or verify-full";
      }
    }
    return "";
  }

  /**
   * Why the target could not be reached, first in the operator's words: a login refused while no
   * password was given says that (and where to give one) instead of the server's "using password: NO".
   */
  static ConvergeException connectionFailure(DatabaseEndpoint endpoint, String detail, String tlsHint,
      Throwable failure) {
    String noPassword = passwordHint(endpoint, failure);
    if (!noPassword.isEmpty() && tlsHint.isEmpty()) {
      return new ConvergeException(ErrorCode.CONNECTION, noPassword.substring(2) + " (the target refused "
          + endpoint.describe() + " without one)", failure);
    }
    // A refusal that TLS explains says TLS first (a server that accepts only TLS refuses a plaintext login too).
    return new ConvergeException(ErrorCode.CONNECTION, "cannot connect to the target " + endpoint.describe() + ": "
        + detail + tlsHint + noPassword, failure);
  }


  /**
   * A login refused while no password was given at all: the operator forgot the variable or file,
   * which converge can say instead of the server's "using password: NO".
   */
  static String passwordHint(DatabaseEndpoint endpoint, Throwable failure) {
    if (!endpoint.password().isEmpty()) {
      return "";
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && ("28P01".equals(sql.getSQLState()) || "28000".equals(sql.getSQLState()) || "08004".equals(sql.getSQLState()))) {
        return "; no password was given for " + endpoint.user() + "@" + endpoint.host()
            + ": set CONVERGE_TARGET_PASSWORD or --target-password-file";
      }
    }
    return "";
  }
}


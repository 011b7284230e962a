package dev.converge.adapter.mysql;

import com.mysql.cj.exceptions.UnableToConnectException;
import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.connection.TlsSettings;
import dev.converge.application.port.out.LookupSourceValuesPort;
import dev.converge.application.port.out.ReadMigrationVersionsPort;
import dev.converge.application.port.out.ReadSourcePositionPort;
import dev.converge.application.port.out.RunSourceQueryPort;
import dev.converge.application.port.out.ReadSourceSchemaPort;
import dev.converge.application.port.out.RunPreflightChecksPort;
import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.security.cert.CertificateException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.net.ssl.SSLException;

/** One connected MySQL-family source: owns the read-only pool and hands out the adapters that use it. */
public final class MySqlSource implements AutoCloseable {

  private final DatabaseEndpoint endpoint;
  /** ER_ACCESS_DENIED_ERROR: the login was refused. */
  private static final int ACCESS_DENIED = 1045;

  /** ER_SECURE_TRANSPORT_REQUIRED: a plaintext login to a server with require_secure_transport=ON. */
  private static final int REQUIRES_SECURE_TRANSPORT = 3159;

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
      throw connectionFailure(endpoint, rootMessage(e), tlsHint(endpoint.tls(), e), e);
    }
    try (Connection connection = pool.getConnection()) {
      connection.isValid(5);
    } catch (SQLException e) {
      pool.close();
      throw connectionFailure(endpoint, e.getMessage(), tlsHint(endpoint.tls(), e), e);
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

  public LookupSourceValuesPort lookups() {
    return new MySqlValueLookupAdapter(pool, endpoint.database());
  }

  public ReadSourcePositionPort sourcePosition() {
    return new MySqlSourcePositionAdapter(pool, endpoint.database());
  }

  public ReadMigrationVersionsPort migrationVersions() {
    return new MySqlMigrationVersionsAdapter(pool, endpoint.database());
  }

  @Override
  public void close() {
    pool.close();
  }

  /**
   * What the operator can change when a failure is about TLS: a plaintext login refused by a server
   * that requires secure transport (error 3159), a certificate the handshake did not accept, or a
   * password that would need the server's RSA key over plaintext.
   */
  static String tlsHint(TlsSettings tls, Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getErrorCode() == REQUIRES_SECURE_TRANSPORT) {
        return "; the server accepts only TLS connections and --source-ssl-mode is " + tls.mode()
            + ": use require, verify-ca or verify-full";
      }
      if (cause instanceof SSLException || cause instanceof CertificateException) {
        return "; the TLS handshake failed (--source-ssl-mode " + tls.mode()
            + (tls.certificateAuthority() == null ? ", the JVM's trust store" : ", CA " + tls.certificateAuthority())
            + "): check the CA file and that the server's certificate names the host";
      }
      if (cause instanceof UnableToConnectException && !tls.publicKeyRetrievalAllowed()) {
        return "; if the login uses caching_sha2_password over plaintext, use --source-ssl-mode require"
            + " (or --source-allow-public-key-retrieval on a trusted network)";
      }
    }
    return "";
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /**
   * Why the source could not be reached, first in the operator's words: a login refused while no
   * password was given says that (and where to give one) instead of the server's "using password: NO".
   */
  static ConvergeException connectionFailure(DatabaseEndpoint endpoint, String detail, String tlsHint,
      Throwable failure) {
    String noPassword = passwordHint(endpoint, failure);
    if (!noPassword.isEmpty() && tlsHint.isEmpty()) {
      return new ConvergeException(ErrorCode.CONNECTION, noPassword.substring(2) + " (the source refused "
          + endpoint.describe() + " without one)", failure);
    }
    // A refusal that TLS explains says TLS first (a server that accepts only TLS refuses a plaintext login too).
    return new ConvergeException(ErrorCode.CONNECTION, "cannot connect to the source " + endpoint.describe() + ": "
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
      if (cause instanceof SQLException sql && (sql.getErrorCode() == ACCESS_DENIED || "28000".equals(sql.getSQLState()))) {
        return "; no password was given for " + endpoint.user() + "@" + endpoint.host()
            + ": set CONVERGE_SOURCE_PASSWORD or --source-password-file";
      }
    }
    return "";
  }
}

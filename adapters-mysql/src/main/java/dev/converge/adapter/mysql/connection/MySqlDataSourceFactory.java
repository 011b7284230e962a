package dev.converge.adapter.mysql.connection;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.connection.TlsKeyFiles;
import dev.converge.application.connection.TlsSettings;
import java.util.LinkedHashMap;
import java.util.Map;

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
    tls(endpoint.tls()).forEach(config::addDataSourceProperty);
    // The driver must not shift DATETIME values through the JVM's zone.
    config.addDataSourceProperty("connectionTimeZone", "UTC");
    config.addDataSourceProperty("forceConnectionTimeZoneToSession", "false");
    config.addDataSourceProperty("preserveInstants", "false");
    config.addDataSourceProperty("zeroDateTimeBehavior", "EXCEPTION");
    config.addDataSourceProperty("tinyInt1isBit", "false");
    return config;
  }

  /**
   * Connector/J's TLS properties for the settings: {@code sslMode}, the CA as a PKCS#12 trust store
   * and the client certificate as a PKCS#12 key store (Connector/J reads key stores, not PEM), and
   * public-key retrieval only where it cannot leak the password to a man in the middle.
   */
  static Map<String, String> tls(TlsSettings tls) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("sslMode", tls.mode().mySqlName());
    properties.put("allowPublicKeyRetrieval", String.valueOf(tls.publicKeyRetrievalAllowed()));
    if (tls.certificateAuthority() != null) {
      TlsKeyFiles.KeyStoreFile trust = TlsKeyFiles.trustStore(tls.certificateAuthority());
      properties.put("trustCertificateKeyStoreUrl", trust.path().toUri().toString());
      properties.put("trustCertificateKeyStoreType", "PKCS12");
      properties.put("trustCertificateKeyStorePassword", trust.password());
      // The operator named the CA to trust: the JVM's public CAs must not vouch for the server too.
      properties.put("fallbackToSystemTrustStore", "false");
    }
    if (tls.presentsClientCertificate()) {
      TlsKeyFiles.KeyStoreFile client = TlsKeyFiles.clientStore(tls.clientCertificate(), tls.clientKey());
      properties.put("clientCertificateKeyStoreUrl", client.path().toUri().toString());
      properties.put("clientCertificateKeyStoreType", "PKCS12");
      properties.put("clientCertificateKeyStorePassword", client.password());
      properties.put("fallbackToSystemKeyStore", "false");
    }
    return properties;
  }
}

package dev.converge.adapter.postgres.connection;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.connection.TlsKeyFiles;
import dev.converge.application.connection.TlsSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
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
    tls(endpoint.tls()).forEach(config::addDataSourceProperty);
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
    for (Map.Entry<String, String> property : tls(endpoint.tls()).entrySet()) {
      source.setProperty(property.getKey(), property.getValue());
    }
    Connection connection = source.getConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TIME ZONE 'UTC'");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  /**
   * pgjdbc's TLS properties for the settings: {@code sslmode} as libpq spells it, the CA and the
   * client certificate as PEM files, the client key converted to the PKCS#8 DER file pgjdbc 42.7
   * reads. Without a CA file a verifying mode trusts the JVM's trust store, as on the MySQL side
   * (pgjdbc's own default would be {@code ~/.postgresql/root.crt}).
   */
  static Map<String, String> tls(TlsSettings tls) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("sslmode", tls.mode().libpqName());
    if (tls.certificateAuthority() != null) {
      properties.put("sslrootcert", tls.certificateAuthority().toAbsolutePath().toString());
    } else if (tls.mode().verifiesCertificate()) {
      properties.put("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
    }
    if (tls.presentsClientCertificate()) {
      properties.put("sslcert", tls.clientCertificate().toAbsolutePath().toString());
      properties.put("sslkey", TlsKeyFiles.pkcs8DerKey(tls.clientKey()).toString());
    }
    return properties;
  }
}

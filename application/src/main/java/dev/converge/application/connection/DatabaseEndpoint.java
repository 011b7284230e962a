package dev.converge.application.connection;

import java.util.Objects;

/**
 * Where a database listens, who to log in as and how the connection uses TLS. The password never
 * appears in {@link #toString()}, so an endpoint can be logged or written to a report as it is.
 */
public record DatabaseEndpoint(String host, int port, String database, String user, String password, TlsSettings tls) {

  public DatabaseEndpoint {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
    password = password == null ? "" : password;
    tls = tls == null ? TlsSettings.PREFERRED : tls;
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be within 1..65535, was " + port);
    }
  }

  /** An endpoint with converge's default TLS settings ({@link TlsSettings#PREFERRED}). */
  public DatabaseEndpoint(String host, int port, String database, String user, String password) {
    this(host, port, database, user, password, TlsSettings.PREFERRED);
  }

  /** The same server and credentials, another database on it. */
  public DatabaseEndpoint withDatabase(String otherDatabase) {
    return new DatabaseEndpoint(host, port, otherDatabase, user, password, tls);
  }

  /** The same server and credentials, other TLS settings. */
  public DatabaseEndpoint withTls(TlsSettings otherTls) {
    return new DatabaseEndpoint(host, port, database, user, password, otherTls);
  }

  /** {@code user@host:port/database}: what may be shown to an operator or written to a report. */
  public String describe() {
    return user + "@" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "DatabaseEndpoint[" + describe() + ", password=" + (password.isEmpty() ? "<none>" : "****")
        + ", tls=" + tls.mode() + "]";
  }
}

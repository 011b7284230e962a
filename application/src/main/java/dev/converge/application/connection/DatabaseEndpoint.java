package dev.converge.application.connection;

import java.util.Objects;

/**
 * Where a database listens and who to log in as. The password never appears in {@link #toString()},
 * so an endpoint can be logged or written to a report as it is.
 */
public record DatabaseEndpoint(String host, int port, String database, String user, String password) {

  public DatabaseEndpoint {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
    password = password == null ? "" : password;
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be within 1..65535, was " + port);
    }
  }

  /** The same server and credentials, another database on it. */
  public DatabaseEndpoint withDatabase(String otherDatabase) {
    return new DatabaseEndpoint(host, port, otherDatabase, user, password);
  }

  /** {@code user@host:port/database}: what may be shown to an operator or written to a report. */
  public String describe() {
    return user + "@" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "DatabaseEndpoint[" + describe() + ", password=" + (password.isEmpty() ? "<none>" : "****") + "]";
  }
}

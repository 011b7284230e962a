package dev.converge.adapter.shell;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A connection given as one URL ({@code mysql://user@host:port/db?ssl-mode=require},
 * {@code postgresql://user@host/db?sslmode=verify-full&sslrootcert=ca.pem}): each part it names
 * replaces the separate option's value, each part it leaves out keeps it. A URL never carries a
 * password: passwords stay in the environment or a file, where {@code ps} and shell history do not
 * show them.
 */
record ConnectionUrl(String host, Integer port, String database, String user, Map<String, String> parameters,
    Dialect dialect) {

  /** How one product spells its URL: schemes and the names of the TLS parameters. */
  record Dialect(Set<String> schemes, String example, String passwordVariable, String mode, String ca, String cert,
      String key) {}

  static final Dialect MYSQL = new Dialect(Set.of("mysql"), "mysql://user@host:3306/database?ssl-mode=require",
      "CONVERGE_SOURCE_PASSWORD", "ssl-mode", "ssl-ca", "ssl-cert", "ssl-key");
  static final Dialect POSTGRESQL = new Dialect(Set.of("postgresql", "postgres"),
      "postgresql://user@host:5432/database?sslmode=require", "CONVERGE_TARGET_PASSWORD", "sslmode", "sslrootcert",
      "sslcert", "sslkey");

  /** No URL: every separate option keeps its value. */
  static final ConnectionUrl NONE = new ConnectionUrl(null, null, null, null, Map.of(), MYSQL);

  /** A side's TLS values after the URL has had its say. */
  record Tls(String mode, Path ca, Path cert, Path key) {}

  /**
   * Parses a URL; a password, another scheme or an unknown parameter is a configuration error that
   * names the option (never the URL itself, which may hold the password it is refused for).
   */
  static ConnectionUrl parse(String option, String text, Dialect dialect) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, option + " is not a URL like " + dialect.example()
          + ": " + e.getReason() + " at index " + e.getIndex());
    }
    if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, option + " carries a password (user:password@host);"
          + " a URL must not hold secrets: give the password in " + dialect.passwordVariable() + " or "
          + option.replace("-url", "-password-file"));
    }
    if (uri.getScheme() == null || !dialect.schemes().contains(uri.getScheme().toLowerCase())) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, option + " must start with "
          + String.join(":// or ", dialect.schemes().stream().sorted().toList()) + "://, like " + dialect.example()
          + "; its scheme is " + uri.getScheme());
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, option + " names no host; expected " + dialect.example());
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String database = path.startsWith("/") ? path.substring(1) : path;
    return new ConnectionUrl(uri.getHost(), uri.getPort() < 0 ? null : uri.getPort(),
        database.isEmpty() ? null : database, uri.getUserInfo(), parameters(option, uri.getRawQuery(), dialect),
        dialect);
  }

  private static Map<String, String> parameters(String option, String query, Dialect dialect) {
    Map<String, String> parameters = new HashMap<>();
    if (query == null || query.isEmpty()) {
      return parameters;
    }
    List<String> known = List.of(dialect.mode(), dialect.ca(), dialect.cert(), dialect.key());
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      if (!known.contains(name)) {
        throw new ConvergeException(ErrorCode.CONFIGURATION, option + ": unknown parameter '" + name
            + "'; it accepts " + String.join(", ", known));
      }
      parameters.put(name, value);
    }
    return parameters;
  }

  String host(String otherwise) {
    return host == null ? otherwise : host;
  }

  int port(int otherwise) {
    return port == null ? otherwise : port;
  }

  String database(String otherwise) {
    return database == null ? otherwise : database;
  }

  String user(String otherwise) {
    return user == null || user.isEmpty() ? otherwise : user;
  }

  Tls tls(String mode, Path ca, Path cert, Path key) {
    return new Tls(parameters.getOrDefault(dialect.mode(), mode), path(dialect.ca(), ca), path(dialect.cert(), cert),
        path(dialect.key(), key));
  }

  private Path path(String parameter, Path otherwise) {
    String value = parameters.get(parameter);
    return value == null || value.isEmpty() ? otherwise : Path.of(value);
  }
}

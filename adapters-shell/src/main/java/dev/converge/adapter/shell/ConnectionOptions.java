package dev.converge.adapter.shell;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.connection.TlsMode;
import dev.converge.application.connection.TlsSettings;
import dev.converge.application.port.in.ShowStatusCommand;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The source, target and work-directory options every phase shares. Every option can also come
 * from an environment variable; passwords come only from the environment or a file, never from
 * the command line (where {@code ps} would show them), nor in a connection URL.
 */
public final class ConnectionOptions {

  @Option(names = "--source-host", defaultValue = "127.0.0.1",
      description = "MySQL host (env CONVERGE_SOURCE_HOST; default ${DEFAULT-VALUE}).")
  String sourceHost;

  @Option(names = "--source-port", defaultValue = "3306",
      description = "MySQL port (env CONVERGE_SOURCE_PORT; default ${DEFAULT-VALUE}).")
  int sourcePort;

  @Option(names = "--source-database", description = "MySQL database (env CONVERGE_SOURCE_DATABASE).")
  String sourceDatabase;

  @Option(names = "--source-user", description = "MySQL user (env CONVERGE_SOURCE_USER).")
  String sourceUser;

  @Option(names = "--source-password-file", description = "File holding the MySQL password; else env CONVERGE_SOURCE_PASSWORD.")
  Path sourcePasswordFile;

  @Option(names = "--source-url", paramLabel = "URL",
      description = "The source as mysql://user@host/database (a port may follow the host), with the query parameters ssl-mode,"
          + " ssl-ca, ssl-cert and ssl-key, instead of the separate options; what it names wins over them; no password"
          + " (env CONVERGE_SOURCE_URL).")
  String sourceUrl;

  @Option(names = "--source-ssl-mode", defaultValue = "prefer",
      description = "TLS to MySQL: disable, prefer, require, verify-ca or verify-full (env CONVERGE_SOURCE_SSL_MODE;"
          + " default ${DEFAULT-VALUE}).")
  String sourceSslMode;

  @Option(names = "--source-ssl-ca", description = "PEM file of the CA certificate(s) that sign MySQL's certificate; else the JVM's trust store"
          + " (env CONVERGE_SOURCE_SSL_CA).")
  Path sourceSslCa;

  @Option(names = "--source-ssl-cert", description = "PEM file of the client certificate MySQL asks for (env CONVERGE_SOURCE_SSL_CERT).")
  Path sourceSslCert;

  @Option(names = "--source-ssl-key", description = "PEM file of the client certificate's unencrypted key (env CONVERGE_SOURCE_SSL_KEY).")
  Path sourceSslKey;

  @Option(names = "--source-allow-public-key-retrieval",
      defaultValue = "false", fallbackValue = "true", arity = "0..1",
      description = "Let the MySQL driver fetch the server's RSA key to send a caching_sha2_password login over a"
          + " plaintext connection (only on a trusted network; always allowed when TLS is required)"
          + " (env CONVERGE_SOURCE_ALLOW_PUBLIC_KEY_RETRIEVAL; default ${DEFAULT-VALUE}).")
  boolean sourceAllowPublicKeyRetrieval;

  @Option(names = "--target-host", defaultValue = "127.0.0.1",
      description = "PostgreSQL host (env CONVERGE_TARGET_HOST; default ${DEFAULT-VALUE}).")
  String targetHost;

  @Option(names = "--target-port", defaultValue = "5432",
      description = "PostgreSQL port (env CONVERGE_TARGET_PORT; default ${DEFAULT-VALUE}).")
  int targetPort;

  @Option(names = "--target-database", description = "PostgreSQL database (env CONVERGE_TARGET_DATABASE).")
  String targetDatabase;

  @Option(names = "--target-schema", defaultValue = "public",
      description = "PostgreSQL schema of the application's tables (env CONVERGE_TARGET_SCHEMA; default ${DEFAULT-VALUE}).")
  String targetSchema;

  @Option(names = "--target-user", description = "PostgreSQL user (env CONVERGE_TARGET_USER).")
  String targetUser;

  @Option(names = "--target-password-file", description = "File holding the PostgreSQL password; else env CONVERGE_TARGET_PASSWORD.")
  Path targetPasswordFile;

  @Option(names = "--target-url", paramLabel = "URL",
      description = "The target as postgresql://user@host/database (a port may follow the host), with the query parameters sslmode,"
          + " sslrootcert, sslcert and sslkey, instead of the separate options; what it names wins over them; no"
          + " password (env CONVERGE_TARGET_URL).")
  String targetUrl;

  @Option(names = "--target-ssl-mode", defaultValue = "prefer",
      description = "TLS to PostgreSQL (also for the schema command and Flyway): disable, prefer, require, verify-ca"
          + " or verify-full (env CONVERGE_TARGET_SSL_MODE; default ${DEFAULT-VALUE}).")
  String targetSslMode;

  @Option(names = "--target-ssl-ca", description = "PEM file of the CA certificate(s) that sign PostgreSQL's certificate; else the JVM's trust store"
          + " (env CONVERGE_TARGET_SSL_CA).")
  Path targetSslCa;

  @Option(names = "--target-ssl-cert", description = "PEM file of the client certificate PostgreSQL asks for (env CONVERGE_TARGET_SSL_CERT).")
  Path targetSslCert;

  @Option(names = "--target-ssl-key", description = "PEM file of the client certificate's unencrypted key (env CONVERGE_TARGET_SSL_KEY).")
  Path targetSslKey;

  @Option(names = "--work-dir", defaultValue = "converge-work",
      description = "Directory for the plan, CSV files, manifest and journal (env CONVERGE_WORK_DIR; default ${DEFAULT-VALUE}).")
  Path workDirectory;

  /**
   * The settings these options describe, passwords from {@code environment} unless a file is
   * named; fails with a configuration error naming what is missing.
   */
  public ConnectionSettings settings(UnaryOperator<String> environment) {
    DatabaseEndpoint source = source(environment);
    ConnectionUrl targetParts = targetUrl == null || targetUrl.isBlank() ? ConnectionUrl.NONE
        : ConnectionUrl.parse("--target-url", targetUrl, ConnectionUrl.POSTGRESQL);
    DatabaseEndpoint target = new DatabaseEndpoint(targetParts.host(targetHost), targetParts.port(targetPort),
        required(targetParts.database(targetDatabase), "--target-database"),
        required(targetParts.user(targetUser), "--target-user"), password(targetPasswordFile, environment, "CONVERGE_TARGET_PASSWORD"),
        tls("--target", targetParts.tls(targetSslMode, targetSslCa, targetSslCert, targetSslKey), false));
    return new ConnectionSettings(source, target, targetSchema, workDirectory);
  }

  private DatabaseEndpoint source(UnaryOperator<String> environment) {
    ConnectionUrl sourceParts = sourceParts();
    return new DatabaseEndpoint(sourceParts.host(sourceHost), sourceParts.port(sourcePort),
        required(sourceParts.database(sourceDatabase), "--source-database"),
        required(sourceParts.user(sourceUser), "--source-user"), password(sourcePasswordFile, environment, "CONVERGE_SOURCE_PASSWORD"),
        tls("--source", sourceParts.tls(sourceSslMode, sourceSslCa, sourceSslCert, sourceSslKey),
            sourceAllowPublicKeyRetrieval));
  }

  private ConnectionUrl sourceParts() {
    return sourceUrl == null || sourceUrl.isBlank() ? ConnectionUrl.NONE
        : ConnectionUrl.parse("--source-url", sourceUrl, ConnectionUrl.MYSQL);
  }

  /**
   * What {@code status} compares the export with: the source these options name when they name one
   * (a database and a user, here or in the environment), else the work directory alone, saying why;
   * options that do not make a source are said, never a failure of {@code status}.
   */
  public ShowStatusCommand statusCheck(UnaryOperator<String> environment) {
    try {
      ConnectionUrl parts = sourceParts();
      String database = parts.database(sourceDatabase);
      String user = parts.user(sourceUser);
      if (database == null || database.isBlank() || user == null || user.isBlank()) {
        return ShowStatusCommand.withoutSource("not compared with the source: no source connection given"
            + " (--source-database and --source-user, or CONVERGE_SOURCE_DATABASE and CONVERGE_SOURCE_USER)");
      }
      return ShowStatusCommand.comparedWith(source(environment));
    } catch (ConvergeException e) {
      return ShowStatusCommand.withoutSource("not compared with the source: " + e.getMessage());
    }
  }

  /** The TLS settings of one side, every file checked readable now rather than at the first connection. */
  private static TlsSettings tls(String side, ConnectionUrl.Tls given, boolean allowPublicKeyRetrieval) {
    TlsMode mode;
    try {
      mode = TlsMode.of(given.mode());
    } catch (IllegalArgumentException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, side + "-ssl-mode: " + e.getMessage());
    }
    readable(side + "-ssl-ca", given.ca());
    readable(side + "-ssl-cert", given.cert());
    readable(side + "-ssl-key", given.key());
    if ((given.cert() == null) != (given.key() == null)) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, side + "-ssl-cert and " + side
          + "-ssl-key go together: a client certificate needs its key, and a key its certificate");
    }
    if (given.cert() != null && !mode.encrypts() && mode != TlsMode.PREFER) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, side + "-ssl-cert is given but " + side
          + "-ssl-mode is " + mode + ": a client certificate needs TLS");
    }
    return new TlsSettings(mode, given.ca(), given.cert(), given.key(), allowPublicKeyRetrieval);
  }

  private static void readable(String option, Path file) {
    if (file != null && !Files.isReadable(file)) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, option + " " + file + ": no such readable file");
    }
  }

  private static String required(String value, String option) {
    if (value == null || value.isBlank()) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, option + " is required (or its environment variable)");
    }
    return value;
  }

  private static String password(Path file, UnaryOperator<String> environment, String variable) {
    if (file != null) {
      try {
        // Only the line break an editor adds is dropped: spaces may be part of a password.
        return Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\r?\\n$", "");
      } catch (IOException e) {
        throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot read the password file " + file, e);
      }
    }
    String fromEnvironment = environment.apply(variable);
    return fromEnvironment == null ? "" : fromEnvironment;
  }
}

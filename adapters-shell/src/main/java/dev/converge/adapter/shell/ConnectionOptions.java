package dev.converge.adapter.shell;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.connection.DatabaseEndpoint;
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
 * the command line (where {@code ps} would show them).
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

  @Option(names = "--work-dir", defaultValue = "converge-work",
      description = "Directory for the plan, CSV files, manifest and journal (env CONVERGE_WORK_DIR; default ${DEFAULT-VALUE}).")
  Path workDirectory;

  /**
   * The settings these options describe, passwords from {@code environment} unless a file is
   * named; fails with a configuration error naming what is missing.
   */
  public ConnectionSettings settings(UnaryOperator<String> environment) {
    DatabaseEndpoint source = new DatabaseEndpoint(sourceHost, sourcePort, required(sourceDatabase, "--source-database"),
        required(sourceUser, "--source-user"), password(sourcePasswordFile, environment, "CONVERGE_SOURCE_PASSWORD"));
    DatabaseEndpoint target = new DatabaseEndpoint(targetHost, targetPort, required(targetDatabase, "--target-database"),
        required(targetUser, "--target-user"), password(targetPasswordFile, environment, "CONVERGE_TARGET_PASSWORD"));
    return new ConnectionSettings(source, target, targetSchema, workDirectory);
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

package dev.converge.application.connection;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a run reads, where it writes, and its work directory (plan, CSV files, manifest, journal).
 *
 * @param targetSchema the PostgreSQL schema (namespace) the application's tables live in
 */
public record ConnectionSettings(DatabaseEndpoint source, DatabaseEndpoint target, String targetSchema, Path workDirectory) {

  public ConnectionSettings {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(targetSchema, "targetSchema");
    Objects.requireNonNull(workDirectory, "workDirectory");
  }

  /** {@code user@host:port/database (schema s)}: the target as the journal and reports name it, never its password. */
  public String describeTarget() {
    return target.describe() + " (schema " + targetSchema + ")";
  }
}

package dev.converge.application.port.out;

import java.util.Optional;
import java.util.Set;

/** Reads an application's own migration history table (e.g. Kratos' {@code schema_migration}) on one side. */
public interface ReadMigrationVersionsPort {

  /**
   * The values of {@code column} in {@code table}, or empty when the table does not exist or has no
   * such column (a table of that name kept by another tool, or by the application for itself).
   */
  Optional<Set<String>> versions(String table, String column);
}

package dev.converge.application.port.out;

/** Provisions the target schema from the application's own migrations (a Flyway location). */
public interface ApplyTargetMigrationsPort {

  /**
   * Applies every pending migration of {@code location} ({@code classpath:…} or
   * {@code filesystem:…}) to the target and returns what was applied.
   */
  AppliedMigrations apply(String location);

  /** The outcome: how many migrations ran now and the schema version the target is at. */
  record AppliedMigrations(int executed, String version) {}
}

package dev.converge.dataset;

import java.util.List;
import java.util.Set;

/**
 * The Kratos-shaped reference dataset: an identity store whose identities are the Alkemio users,
 * with a MySQL-only virtual column, MySQL {@code timestamp} columns and a Postgres-only unique
 * index.
 */
public final class KratosDataset implements ReferenceDataset {

  private static final List<GeneratedTable> TABLES =
      List.of(
          KratosIdentityTables.networks(),
          KratosIdentityTables.credentialTypes(),
          KratosIdentityTables.schemaMigration(),
          KratosIdentityTables.identities(),
          KratosIdentityTables.credentials(),
          KratosIdentityTables.credentialIdentifiers(),
          KratosIdentityTables.verifiableAddresses(),
          KratosIdentityTables.recoveryAddresses(),
          KratosSessionTables.sessions(),
          KratosSessionTables.sessionDevices(),
          KratosSessionTables.courierMessages());

  private static final List<DirtyTrap> DIRTY_TRAPS =
      List.of(
          new DirtyTrap(
              "sessions", "authenticated_at", DirtyKind.ZERO_DATE, 1, DirtyValues.ZERO_DATE),
          new DirtyTrap(
              "identity_recovery_addresses",
              "value",
              DirtyKind.CASE_INSENSITIVE_DUPLICATE,
              1,
              KratosIdentityTables.caseInsensitiveDuplicateOfFirstAddress()),
          new DirtyTrap(
              "identities",
              "metadata_public",
              DirtyKind.JSON_NUL_ESCAPE,
              1,
              DirtyValues.JSON_WITH_NUL_ESCAPE));

  @Override
  public String name() {
    return "kratos";
  }

  @Override
  public String mysqlSchemaResource() {
    return "dev/converge/datasets/kratos/mysql/schema.sql";
  }

  @Override
  public String postgresMigrationLocation() {
    return "classpath:dev/converge/datasets/kratos/postgres";
  }

  @Override
  public List<GeneratedTable> tables() {
    return TABLES;
  }

  /**
   * {@code identity_credential_types} is copied: its rows already exist in the target, identically.
   */
  @Override
  public Set<String> tablesNeverCopied() {
    return Set.of("schema_migration");
  }

  @Override
  public List<DirtyTrap> dirtyTraps() {
    return DIRTY_TRAPS;
  }

  @Override
  public String toString() {
    return name();
  }
}

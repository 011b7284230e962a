package dev.converge.dataset;

import java.util.List;
import java.util.Set;

/**
 * The Alkemio-shaped reference dataset: a TypeORM application's 25 tables with camelCase columns, a
 * table named {@code user}, a hyphenated cache table, an FK cycle and multi-KB JSON policies.
 */
public final class AlkemioDataset implements ReferenceDataset {

  private static final List<GeneratedTable> TABLES =
      List.of(
          AlkemioStorageTables.authorizationPolicy(),
          AlkemioActivityTables.migrationsTypeorm(),
          AlkemioActivityTables.queryResultCache(),
          AlkemioCommunityTables.licensePlan(),
          AlkemioProfileTables.location(),
          AlkemioStorageTables.storageAggregator(),
          AlkemioStorageTables.storageBucket(),
          AlkemioStorageTables.platform(),
          AlkemioProfileTables.profile(),
          AlkemioProfileTables.tagset(),
          AlkemioProfileTables.visual(),
          AlkemioStorageTables.document(),
          AlkemioCommunityTables.agent(),
          AlkemioCommunityTables.credential(),
          AlkemioCommunityTables.account(),
          AlkemioCommunityTables.licenseEntitlement(),
          AlkemioCommunityTables.user(),
          AlkemioSpaceTables.collaboration(),
          AlkemioSpaceTables.space(),
          AlkemioSpaceTables.spaceMembers(),
          AlkemioSpaceTables.callout(),
          AlkemioSpaceTables.calloutContribution(),
          AlkemioSpaceTables.whiteboard(),
          AlkemioActivityTables.activity(),
          AlkemioActivityTables.inAppNotification());

  private static final List<DirtyTrap> DIRTY_TRAPS =
      List.of(
          new DirtyTrap(
              "activity", "triggeredBy", DirtyKind.INVALID_UUID, 1, DirtyValues.INVALID_UUID),
          new DirtyTrap("credential", "expires", DirtyKind.ZERO_DATE, 1, DirtyValues.ZERO_DATE),
          new DirtyTrap(
              "whiteboard", "content", DirtyKind.NUL_CHARACTER, 1, DirtyValues.TEXT_WITH_NUL),
          new DirtyTrap(
              "user",
              "serviceProfile",
              DirtyKind.BOOLEAN_OUT_OF_RANGE,
              1,
              DirtyValues.OUT_OF_RANGE_BOOLEAN.toString()),
          new DirtyTrap(
              "user",
              "firstName",
              DirtyKind.TOO_LONG_FOR_TARGET,
              1,
              DirtyValues.TOO_LONG_FIRST_NAME),
          new DirtyTrap(
              "tagset", "profileId", DirtyKind.ORPHAN_FOREIGN_KEY, 1, DirtyValues.ORPHAN_UUID));

  @Override
  public String name() {
    return "alkemio";
  }

  @Override
  public String mysqlSchemaResource() {
    return "dev/converge/datasets/alkemio/mysql/schema.sql";
  }

  @Override
  public String postgresMigrationLocation() {
    return "classpath:dev/converge/datasets/alkemio/postgres";
  }

  @Override
  public List<GeneratedTable> tables() {
    return TABLES;
  }

  @Override
  public Set<String> tablesNeverCopied() {
    return Set.of("query-result-cache", "migrations_typeorm");
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

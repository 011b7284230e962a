package dev.converge.domain.history;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An application's own migration-history table — the record of which schema migrations ran — and
 * how its versions compare across the MySQL and PostgreSQL dialects of the same application.
 *
 * @param table the table's name
 * @param column the column holding one version per row
 * @param scheme how a version is reduced to the release it belongs to
 */
public record HistoryTable(String table, String column, VersionScheme scheme) {

  /** How a version names its release, so that dialect-specific parts of one release compare equal. */
  public enum VersionScheme {
    /**
     * gobuffalo/pop (Ory Kratos' {@code schema_migration}): a 14-digit timestamp and a 6-digit part
     * number; one release's migration is split into parts whose number differs between dialects
     * ({@code …_mysql}, {@code …_postgres} files), so only the timestamp names the release.
     */
    POP,
    /** Every other tool: the version as it is. */
    EXACT;

    /** The release a version belongs to. */
    public String release(String version) {
      return this == POP && version.length() > 14 && version.chars().allMatch(Character::isDigit)
          ? version.substring(0, 14) : version;
    }
  }

  public HistoryTable {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(scheme, "scheme");
    if (table.isBlank() || column.isBlank()) {
      throw new IllegalArgumentException("a history table needs a table and a column, was " + table + "." + column);
    }
  }

  /**
   * The history tables converge recognises without being told: TypeORM ({@code migrations_typeorm}
   * as Alkemio names it, and TypeORM's default {@code migrations}), Flyway, Kratos/pop, Liquibase,
   * Prisma, Laravel (also {@code migrations}, with another column), Rails and golang-migrate, Knex,
   * Sequelize, Alembic, Doctrine and goose. A table is one of these only when it has the column
   * named here: one table name may belong to several tools, and an application may have a table of
   * that name for its own purposes.
   */
  public static List<HistoryTable> known() {
    return List.of(
        new HistoryTable("migrations_typeorm", "timestamp", VersionScheme.EXACT),
        new HistoryTable("migrations", "timestamp", VersionScheme.EXACT),
        new HistoryTable("migrations", "migration", VersionScheme.EXACT),
        new HistoryTable("flyway_schema_history", "version", VersionScheme.EXACT),
        new HistoryTable("schema_migration", "version", VersionScheme.POP),
        new HistoryTable("schema_migrations", "version", VersionScheme.EXACT),
        new HistoryTable("databasechangelog", "id", VersionScheme.EXACT),
        new HistoryTable("_prisma_migrations", "migration_name", VersionScheme.EXACT),
        new HistoryTable("knex_migrations", "name", VersionScheme.EXACT),
        new HistoryTable("SequelizeMeta", "name", VersionScheme.EXACT),
        new HistoryTable("alembic_version", "version_num", VersionScheme.EXACT),
        new HistoryTable("doctrine_migration_versions", "version", VersionScheme.EXACT),
        new HistoryTable("goose_db_version", "version_id", VersionScheme.EXACT));
  }

  /**
   * An operator's {@code TABLE[.COLUMN]} (column {@code version} when omitted); a known table's
   * scheme is kept, any other compares versions exactly.
   */
  public static HistoryTable parse(String tableAndColumn) {
    String[] parts = tableAndColumn.strip().split("\\.", 2);
    String column = parts.length > 1 ? parts[1] : "version";
    VersionScheme scheme = known().stream().filter(known -> known.table().equalsIgnoreCase(parts[0]))
        .map(HistoryTable::scheme).findFirst().orElse(VersionScheme.EXACT);
    return new HistoryTable(parts[0], column, scheme);
  }

  /** Whether {@code name} is this table, as MySQL on a case-insensitive file system may spell it. */
  public boolean named(String name) {
    return table.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return table + "." + column;
  }
}

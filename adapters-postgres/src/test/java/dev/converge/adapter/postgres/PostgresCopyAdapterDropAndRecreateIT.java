package dev.converge.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.postgres.connection.PostgresDataSourceFactory;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.port.out.LoadTargetTablesPort.LoadSession;
import dev.converge.application.port.out.LoadTargetTablesPort.TableLoad;
import dev.converge.application.port.out.ReadDroppedForeignKeysPort.DroppedForeignKey;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.ForeignKeyOrphansException;
import dev.converge.domain.plan.ExistingRows;
import dev.converge.domain.plan.ForeignKeyStrategy;
import dev.converge.domain.schema.ForeignKey;
import dev.converge.domain.schema.TargetTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading under DROP_AND_RECREATE with a login that is no superuser and may not set
 * session_replication_role, but owns the tables (and the database, as an application's owner does).
 */
class PostgresCopyAdapterDropAndRecreateIT {

  private static final List<String> TABLES = List.of("space", "member", "grant");

  // A cycle (space ↔ member), a self-reference, actions and deferrability, a composite key, a
  // quoted reserved name: everything pg_get_constraintdef must bring back exactly.
  private static final List<String> DDL = List.of(
      "CREATE TABLE space (id integer PRIMARY KEY, parent_id integer, owner_id integer)",
      "CREATE TABLE member (id integer PRIMARY KEY, space_id integer NOT NULL, role text NOT NULL,"
          + " UNIQUE (id, space_id))",
      "CREATE TABLE \"grant\" (id integer PRIMARY KEY, member_id integer, member_space integer)",
      "ALTER TABLE space ADD CONSTRAINT \"FK_space_parent\" FOREIGN KEY (parent_id) REFERENCES space (id)"
          + " ON DELETE CASCADE",
      "ALTER TABLE space ADD CONSTRAINT space_owner_fkey FOREIGN KEY (owner_id) REFERENCES member (id)"
          + " DEFERRABLE INITIALLY DEFERRED",
      "ALTER TABLE member ADD CONSTRAINT member_space_fkey FOREIGN KEY (space_id) REFERENCES space (id)"
          + " ON UPDATE CASCADE ON DELETE RESTRICT",
      "ALTER TABLE \"grant\" ADD CONSTRAINT \"FK_grant_member\" FOREIGN KEY (member_id, member_space)"
          + " REFERENCES member (id, space_id) MATCH FULL ON DELETE SET NULL",
      // The seed a migration leaves: TRUNCATE of these referenced tables must work once the keys are gone.
      "INSERT INTO space VALUES (100, NULL, NULL)",
      "INSERT INTO member VALUES (100, 100, 'seed')");

  @TempDir Path files;

  private String database;
  private String login;
  private HikariDataSource pool;
  private HikariDataSource admin;

  @BeforeEach
  void aDatabaseOwnedByALoginThatIsNoSuperuser() throws SQLException {
    database = SharedPostgresServer.freshDatabase("fk");
    login = "owner_" + database;
    DatabaseEndpoint superuser = SharedPostgresServer.get().endpoint(database);
    admin = PostgresDataSourceFactory.target(superuser, 2);
    try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE " + login + " LOGIN");
      // The database's owner owns schema public (pg_database_owner) and may create schemas.
      statement.execute("ALTER DATABASE " + database + " OWNER TO " + login);
    }
    pool = PostgresDataSourceFactory.target(new DatabaseEndpoint(superuser.host(), superuser.port(), database, login, ""), 4);
    execute(pool, DDL);
  }

  @AfterEach
  void closePools() {
    pool.close();
    admin.close();
  }

  @Test
  void theLoginMayNotSetTheReplicationRoleSoTheLoadDropsTheKeysAndRecreatesThemExactly() throws Exception {
    assertFalse(new PostgresInspectionAdapter(pool, "public").maySetReplicationRole());
    Map<String, String> before = foreignKeys();
    assertEquals(4, before.size(), before.toString());
    PostgresCopyAdapter copies = new PostgresCopyAdapter(pool, "public");

    try (LoadSession session = copies.open(ForeignKeyStrategy.DROP_AND_RECREATE, TABLES)) {
      assertEquals(Map.of(), foreignKeys(), "dropped for the load");
      assertEquals(4, copies.droppedForeignKeys().size(), "and kept");
      // Children first, parents last: only possible with no key checked.
      assertEquals(2, session.load(load("grant", List.of("id", "member_id", "member_space"), "1,1,1\n2,\\N,\\N\n")));
      assertEquals(2, session.load(load("member", List.of("id", "space_id", "role"), "1,1,admin\n2,2,member\n")));
      assertEquals(2, session.load(load("space", List.of("id", "parent_id", "owner_id"), "1,\\N,1\n2,1,2\n")));
      session.finish(TABLES);
    }

    assertEquals(before, foreignKeys(), "the same names and definitions");
    assertEquals(List.of(), copies.droppedForeignKeys(), "nothing kept any more");
    assertEquals(0, count("converge.dropped_foreign_keys"));
    assertEquals(2, count("space"), "the seed row was truncated away");
  }

  @Test
  void aLoadKilledAfterTheDropLeavesTheKeysKeptAndTheNextLoadRecreatesThem() throws Exception {
    Map<String, String> before = foreignKeys();
    TargetTable member = new PostgresCatalogAdapter(pool, "public").readTargetSchema().table("member").orElseThrow();

    // The process "dies": the session is neither finished nor closed, its pool just goes away.
    HikariDataSource doomed = PostgresDataSourceFactory.target(endpoint(), 2);
    LoadSession interrupted = new PostgresCopyAdapter(doomed, "public").open(ForeignKeyStrategy.DROP_AND_RECREATE, TABLES);
    interrupted.load(load("member", List.of("id", "space_id", "role"), "1,1,admin\n"));
    doomed.close();
    assertEquals(Map.of(), foreignKeys());

    PostgresCopyAdapter rerun = new PostgresCopyAdapter(pool, "public");
    List<DroppedForeignKey> kept = rerun.droppedForeignKeys();
    // As the catalog reported them before the drop, so that the plan's fingerprint still matches.
    assertEquals(member.foreignKeys(), kept.stream().filter(k -> k.table().equals("member"))
        .map(DroppedForeignKey::foreignKey).toList());
    assertEquals(before.keySet(), kept.stream().map(k -> k.table() + "." + k.foreignKey().name())
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
    try (LoadSession session = rerun.open(ForeignKeyStrategy.DROP_AND_RECREATE, TABLES)) {
      session.load(load("space", List.of("id", "parent_id", "owner_id"), "1,\\N,1\n"));
      session.load(load("grant", List.of("id", "member_id", "member_space"), "1,1,1\n"));
      session.finish(TABLES);
    }

    assertEquals(before, foreignKeys());
    assertEquals(List.of(), rerun.droppedForeignKeys());
  }

  @Test
  void anOrphanFailsTheFinishNamingTheConstraintAndKeepsTheDefinitionsForTheNextRun() throws Exception {
    Map<String, String> before = foreignKeys();
    PostgresCopyAdapter copies = new PostgresCopyAdapter(pool, "public");
    LoadSession session = copies.open(ForeignKeyStrategy.DROP_AND_RECREATE, TABLES);
    session.load(load("space", List.of("id", "parent_id", "owner_id"), "1,\\N,\\N\n"));
    session.load(load("member", List.of("id", "space_id", "role"), "1,1,admin\n2,7,lost\n3,8,lost\n"));

    ForeignKeyOrphansException failure = assertThrows(ForeignKeyOrphansException.class, () -> session.finish(TABLES));
    assertEquals(ErrorCode.IMPORT, failure.code());
    assertTrue(failure.getMessage().contains("constraint member_space_fkey on table member"), failure.getMessage());
    assertTrue(failure.getMessage().contains("(7), (8)"), failure.getMessage());
    assertEquals(List.of("member_space_fkey"), failure.orphans().stream().map(ForeignKeyOrphansException.Orphans::constraint).toList());
    assertEquals(Map.of(), foreignKeys(), "all or nothing: no key came back");
    assertEquals(4, copies.droppedForeignKeys().size(), "every definition is still kept");

    execute(pool, List.of("DELETE FROM member WHERE space_id IN (7, 8)"));
    try (LoadSession rerun = copies.open(ForeignKeyStrategy.DROP_AND_RECREATE, TABLES)) {
      rerun.finish(TABLES);
    }
    assertEquals(before, foreignKeys());
  }

  @Test
  void aLoginThatCannotKeepTheDefinitionsIsRefusedBeforeAnythingIsDropped() throws Exception {
    try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("ALTER DATABASE " + database + " OWNER TO " + SharedPostgresServer.get().endpoint(database).user());
      statement.execute("ALTER SCHEMA public OWNER TO " + login);
    }
    Map<String, String> before = foreignKeys();

    ConvergeException refused = assertThrows(ConvergeException.class,
        () -> new PostgresCopyAdapter(pool, "public").open(ForeignKeyStrategy.DROP_AND_RECREATE, TABLES));
    assertEquals(ErrorCode.IMPORT, refused.code());
    assertTrue(refused.getMessage().contains("converge.dropped_foreign_keys") && refused.getMessage().contains("Nothing was dropped"),
        refused.getMessage());
    assertEquals(before, foreignKeys());
  }

  @Test
  void theCatalogsForeignKeysCarryTheirDefinitionSoTheFingerprintSeesActions() {
    TargetTable member = new PostgresCatalogAdapter(pool, "public").readTargetSchema().table("member").orElseThrow();
    assertEquals(List.of(new ForeignKey("member_space_fkey", List.of("space_id"), "space", List.of("id"),
        "FOREIGN KEY (space_id) REFERENCES space(id) ON UPDATE CASCADE ON DELETE RESTRICT")), member.foreignKeys());
  }

  private TableLoad load(String table, List<String> columns, String rows) throws IOException {
    StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
    for (String row : rows.split("\n")) {
      csv.append(row).append('\n');
    }
    Path file = Files.writeString(files.resolve(table + "_" + System.nanoTime() + ".csv"), csv);
    return new TableLoad(table, columns, List.of("id"), ExistingRows.TRUNCATE, file, rows.split("\n").length);
  }

  private DatabaseEndpoint endpoint() {
    DatabaseEndpoint superuser = SharedPostgresServer.get().endpoint(database);
    return new DatabaseEndpoint(superuser.host(), superuser.port(), database, login, "");
  }

  /** table.constraint → pg_get_constraintdef, for every foreign key of schema public. */
  private Map<String, String> foreignKeys() throws SQLException {
    Map<String, String> keys = new TreeMap<>();
    try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT c.relname, k.conname, pg_get_constraintdef(k.oid)"
            + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
            + " WHERE k.contype = 'f' AND c.relnamespace = 'public'::regnamespace")) {
      while (rows.next()) {
        keys.put(rows.getString(1) + "." + rows.getString(2), rows.getString(3));
      }
    }
    return keys;
  }

  private long count(String table) throws SQLException {
    try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static void execute(HikariDataSource pool, List<String> statements) throws SQLException {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}

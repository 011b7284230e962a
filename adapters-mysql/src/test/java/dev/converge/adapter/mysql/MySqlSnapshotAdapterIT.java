package dev.converge.adapter.mysql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.adapter.mysql.embedded.MySqlFlavor;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.port.out.StreamSourceRowsPort.Snapshot;
import dev.converge.application.port.out.StreamSourceRowsPort.TableRead;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.SourceTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MySqlSnapshotAdapterIT {

  private static String prepare(MySqlFlavor flavor, String... statements) throws SQLException {
    String database = SharedMySqlServers.freshDatabase(flavor, "snapshot");
    try (HikariDataSource writable = MySqlDataSourceFactory.writable(SharedMySqlServers.of(flavor).endpoint(database), 1);
        Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
    return database;
  }

  private static TableRead read(HikariDataSource source, String database, String table) {
    SourceSchema schema = new MySqlCatalogAdapter(source, database).readSourceSchema();
    SourceTable found = schema.table(table).orElseThrow();
    return new TableRead(table, found.columns(), found.primaryKey());
  }

  private static List<Object[]> rows(Snapshot snapshot, TableRead table) {
    List<Object[]> rows = new ArrayList<>();
    snapshot.stream(table, row -> rows.add(row.clone()));
    return rows;
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void everyReaderSeesTheSameInstantWhileWritesGoOn(MySqlFlavor flavor) throws SQLException {
    String database = prepare(flavor,
        "CREATE TABLE parent (id INT PRIMARY KEY)", "CREATE TABLE child (id INT PRIMARY KEY, parentId INT)",
        "INSERT INTO parent VALUES (1), (2)", "INSERT INTO child VALUES (10, 1), (20, 2)");
    DatabaseEndpoint endpoint = SharedMySqlServers.of(flavor).endpoint(database);
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(endpoint, 4);
        HikariDataSource writable = MySqlDataSourceFactory.writable(endpoint, 1)) {
      TableRead parent = read(source, database, "parent");
      TableRead child = read(source, database, "child");
      try (Snapshot snapshot = new MySqlSnapshotAdapter(source).openSnapshot(2)) {
        assertEquals(2, snapshot.readers(), snapshot.description());
        assertTrue(snapshot.description().contains("2 readers sharing one snapshot"), snapshot.description());
        try (Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
          statement.execute("INSERT INTO parent VALUES (3)");
          statement.execute("INSERT INTO child VALUES (30, 3)");
          statement.execute("DELETE FROM child WHERE id = 10");
        }
        assertEquals(2, rows(snapshot, parent).size());
        List<Object[]> children = rows(snapshot, child);
        assertEquals(List.of("10", "20"), children.stream().map(row -> (String) row[0]).toList());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void valuesArriveInMySqlsOwnExactTextOrAsBytesInKeyOrder(MySqlFlavor flavor) throws SQLException {
    String database = prepare(flavor,
        "CREATE TABLE sample (id INT PRIMARY KEY, born DATETIME(6), day DATE, flag BIT(1), ratio DOUBLE,"
            + " blob_value VARBINARY(4), note TEXT) CHARACTER SET utf8mb4",
        "SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'",
        "INSERT INTO sample VALUES (2, '0000-00-00 00:00:00', '2024-00-10', b'0', 1e300, NULL, '')",
        "INSERT INTO sample VALUES (1, '2024-01-15 10:30:00.123456', '2024-01-15', b'1', 0.1, X'00FF7F80',"
            + " CONCAT('line', CHAR(10), 'feed 👋'))");
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(SharedMySqlServers.of(flavor).endpoint(database), 1)) {
      TableRead sample = read(source, database, "sample");
      List<Object[]> rows;
      try (Snapshot snapshot = new MySqlSnapshotAdapter(source).openSnapshot(1)) {
        rows = rows(snapshot, sample);
      }
      assertEquals("1", rows.get(0)[0], "primary-key order");
      assertEquals("2024-01-15 10:30:00.123456", rows.get(0)[1]);
      assertEquals("2024-01-15", rows.get(0)[2]);
      assertEquals("1", rows.get(0)[3]);
      assertEquals("0.1", rows.get(0)[4]);
      assertArrayEquals(new byte[] {0, (byte) 0xff, 0x7f, (byte) 0x80}, (byte[]) rows.get(0)[5]);
      assertEquals("line\nfeed 👋", rows.get(0)[6]);
      assertEquals("0000-00-00 00:00:00.000000", rows.get(1)[1], "a zero date arrives as text, not as an error");
      assertEquals("2024-00-10", rows.get(1)[2]);
      assertEquals("0", rows.get(1)[3]);
      assertEquals("1e300", rows.get(1)[4]);
      assertEquals(null, rows.get(1)[5]);
      assertEquals("", rows.get(1)[6], "empty stays empty, not NULL");
    }
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void aLoginWithoutReloadGetsOneReaderAndIsToldWhy(MySqlFlavor flavor) throws SQLException {
    String database = prepare(flavor, "CREATE TABLE t (id INT PRIMARY KEY)");
    String user = "reader_" + database;
    try (HikariDataSource admin = MySqlDataSourceFactory.writable(SharedMySqlServers.of(flavor).endpoint(database), 1);
        Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'secret-pw'");
      statement.execute("GRANT SELECT ON `" + database + "`.* TO '" + user + "'@'%'");
    }
    DatabaseEndpoint endpoint = new DatabaseEndpoint("127.0.0.1", SharedMySqlServers.of(flavor).port(), database, user, "secret-pw");
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(endpoint, 4);
        Snapshot snapshot = new MySqlSnapshotAdapter(source).openSnapshot(4)) {
      assertEquals(1, snapshot.readers());
      assertTrue(snapshot.description().contains("lacks the RELOAD privilege"), snapshot.description());
    }
  }
}

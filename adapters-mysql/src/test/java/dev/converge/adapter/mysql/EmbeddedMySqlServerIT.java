package dev.converge.adapter.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.adapter.embedded.mysql.EmbeddedMySqlServer;
import dev.converge.adapter.embedded.mysql.MySqlFlavor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EmbeddedMySqlServerIT {

  private static final String FOUR_BYTE_TEXT = "Grüße 👋 from 東京 — \uD83D\uDE80";

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void theServerReportsTheShippedVersion(MySqlFlavor flavor) throws SQLException {
    EmbeddedMySqlServer server = SharedMySqlServers.of(flavor);
    String expected = flavor == MySqlFlavor.MYSQL_8_0 ? "8.0.31" : "11.4.5-MariaDB";
    assertTrue(server.version().startsWith(expected), server.version());
    try (HikariDataSource pool = MySqlDataSourceFactory.readOnlySource(server.endpoint("mysql"), 2);
        Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet version = statement.executeQuery("SELECT VERSION(), @@session.time_zone")) {
      version.next();
      assertEquals(server.version(), version.getString(1));
      assertEquals("+00:00", version.getString(2));
    }
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void aFourByteUtf8RowSurvivesTheRoundTripThroughHikariAndConnectorJ(MySqlFlavor flavor) throws SQLException {
    String database = SharedMySqlServers.freshDatabase(flavor, "smoke");
    try (HikariDataSource pool = MySqlDataSourceFactory.writable(SharedMySqlServers.of(flavor).endpoint(database), 2);
        Connection connection = pool.getConnection()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(100)) CHARACTER SET utf8mb4");
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO greeting VALUES (?, ?)")) {
        insert.setInt(1, 1);
        insert.setString(2, FOUR_BYTE_TEXT);
        assertEquals(1, insert.executeUpdate());
      }
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT text, CHAR_LENGTH(text), LENGTH(text) FROM greeting")) {
        row.next();
        assertEquals(FOUR_BYTE_TEXT, row.getString(1));
        assertEquals(FOUR_BYTE_TEXT.codePointCount(0, FOUR_BYTE_TEXT.length()), row.getInt(2));
        assertEquals(FOUR_BYTE_TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, row.getInt(3));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void theSourcePoolRefusesEveryWrite(MySqlFlavor flavor) throws SQLException {
    String database = SharedMySqlServers.freshDatabase(flavor, "readonly");
    EmbeddedMySqlServer server = SharedMySqlServers.of(flavor);
    try (HikariDataSource writable = MySqlDataSourceFactory.writable(server.endpoint(database), 1);
        Connection connection = writable.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
    }
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(server.endpoint(database), 1);
        Connection connection = source.getConnection();
        Statement statement = connection.createStatement()) {
      SQLException refused = assertThrows(SQLException.class, () -> statement.executeUpdate("INSERT INTO t VALUES (1)"));
      assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
      // Beyond the driver's own check, the server session itself is read-only (error 1792 on write).
      try (ResultSet flag = statement.executeQuery("SELECT @@session.transaction_read_only")) {
        flag.next();
        assertEquals(1, flag.getInt(1));
      }
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
        rows.next();
        assertEquals(0, rows.getInt(1));
      }
    }
  }
}

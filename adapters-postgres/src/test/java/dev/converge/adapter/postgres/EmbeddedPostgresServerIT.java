package dev.converge.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.postgres.connection.PostgresDataSourceFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerIT {

  private static final String FOUR_BYTE_TEXT = "Grüße 👋 from 東京 — \uD83D\uDE80";

  @Test
  void theServerReportsVersion17Point5() throws SQLException {
    assertEquals("17.5", SharedPostgresServer.get().version());
    try (HikariDataSource pool = PostgresDataSourceFactory.target(SharedPostgresServer.get().endpoint("postgres"), 1);
        Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT current_setting('server_version_num'), current_setting('TimeZone')")) {
      row.next();
      assertEquals("170005", row.getString(1));
      assertEquals("UTC", row.getString(2));
    }
  }

  @Test
  void aFourByteUtf8RowSurvivesTheRoundTripThroughPgjdbc() throws SQLException {
    String database = SharedPostgresServer.freshDatabase("smoke");
    try (HikariDataSource pool = PostgresDataSourceFactory.target(SharedPostgresServer.get().endpoint(database), 2);
        Connection connection = pool.getConnection()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE greeting (id int PRIMARY KEY, text varchar(100))");
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO greeting VALUES (?, ?)")) {
        insert.setInt(1, 1);
        insert.setString(2, FOUR_BYTE_TEXT);
        assertEquals(1, insert.executeUpdate());
      }
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT text, char_length(text), octet_length(text) FROM greeting")) {
        row.next();
        assertEquals(FOUR_BYTE_TEXT, row.getString(1));
        assertEquals(FOUR_BYTE_TEXT.codePointCount(0, FOUR_BYTE_TEXT.length()), row.getInt(2));
        assertEquals(FOUR_BYTE_TEXT.getBytes(StandardCharsets.UTF_8).length, row.getInt(3));
      }
    }
  }

  @Test
  void theServerNeverRunsAsRoot() throws SQLException {
    // Postgres itself refuses root; this proves the launcher's account is the one the server uses.
    try (HikariDataSource pool = PostgresDataSourceFactory.target(SharedPostgresServer.get().endpoint("postgres"), 1);
        Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_postmaster_start_time() IS NOT NULL, current_setting('data_directory')")) {
      row.next();
      java.nio.file.Path dataDirectory = java.nio.file.Path.of(row.getString(2));
      try {
        Object owner = java.nio.file.Files.getAttribute(dataDirectory, "unix:uid");
        assertNotEquals(0, owner, "the data directory " + dataDirectory + " belongs to root");
      } catch (java.io.IOException e) {
        throw new AssertionError("cannot read the owner of " + dataDirectory, e);
      }
    }
  }
}

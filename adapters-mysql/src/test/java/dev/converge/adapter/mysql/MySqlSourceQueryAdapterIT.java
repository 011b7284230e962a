package dev.converge.adapter.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.adapter.embedded.mysql.MySqlFlavor;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.domain.failure.CheckQueryFailedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A checklist check's source form runs on MySQL 8 and MariaDB 11.4 through the read-only pool, rows streamed. */
class MySqlSourceQueryAdapterIT {

  private static DatabaseEndpoint prepared(MySqlFlavor flavor) throws SQLException {
    String database = SharedMySqlServers.freshDatabase(flavor, "source_form");
    DatabaseEndpoint endpoint = SharedMySqlServers.of(flavor).endpoint(database);
    try (HikariDataSource writable = MySqlDataSourceFactory.writable(endpoint, 1);
        Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE identities (id CHAR(36) PRIMARY KEY, traits JSON NOT NULL)");
      statement.execute("CREATE TABLE addresses (id INT PRIMARY KEY, identity_id CHAR(36) NOT NULL)");
      statement.execute("INSERT INTO identities VALUES ('AAAAAAAA-0000-4000-8000-000000000001', '{\"email\": \"a@x.org\"}'),"
          + " ('aaaaaaaa-0000-4000-8000-000000000002', '{\"email\": null}'),"
          + " ('aaaaaaaa-0000-4000-8000-000000000003', '{\"email\": \"c@x.org\"}')");
      statement.execute("INSERT INTO addresses VALUES (1, 'aaaaaaaa-0000-4000-8000-000000000003')");
    }
    return endpoint;
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void theSourceFormStreamsItsRowsWithTheirColumnNames(MySqlFlavor flavor) throws SQLException {
    DatabaseEndpoint endpoint = prepared(flavor);
    List<List<String>> rows = new ArrayList<>();
    try (HikariDataSource pool = MySqlDataSourceFactory.readOnlySource(endpoint, 1)) {
      List<String> columns = new MySqlSourceQueryAdapter(pool, endpoint.database()).query("""
          SELECT i.`id`, JSON_UNQUOTE(JSON_EXTRACT(i.`traits`, '$.email')) AS email
          FROM identities i
          WHERE NOT EXISTS (SELECT 1 FROM addresses a WHERE a.`identity_id` = i.`id`)
          ORDER BY i.`id`;
          """, Duration.ofSeconds(10), row -> rows.add(new ArrayList<>(row)));

      assertEquals(List.of("id", "email"), columns);
      assertEquals(List.of(Arrays.asList("AAAAAAAA-0000-4000-8000-000000000001", "a@x.org"),
          Arrays.asList("aaaaaaaa-0000-4000-8000-000000000002", "null")), rows);
    }
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void aQueryTheSourceRefusesNamesTheSqlStateAndTheDatabaseAndTwoStatementsAreOneSyntaxError(MySqlFlavor flavor)
      throws SQLException {
    DatabaseEndpoint endpoint = prepared(flavor);
    try (HikariDataSource pool = MySqlDataSourceFactory.readOnlySource(endpoint, 1)) {
      MySqlSourceQueryAdapter adapter = new MySqlSourceQueryAdapter(pool, endpoint.database());

      CheckQueryFailedException missing = assertThrows(CheckQueryFailedException.class,
          () -> adapter.query("SELECT id FROM identitees", Duration.ofSeconds(10), row -> { }));
      CheckQueryFailedException two = assertThrows(CheckQueryFailedException.class,
          () -> adapter.query("SELECT 1; DELETE FROM addresses", Duration.ofSeconds(10), row -> { }));

      assertEquals("42S02", missing.sqlState());
      assertEquals(endpoint.database(), missing.database());
      assertTrue(missing.serverMessage().contains("identitees"), missing.serverMessage());
      assertEquals("42000", two.sqlState());
    }
    try (HikariDataSource writable = MySqlDataSourceFactory.writable(endpoint, 1);
        Connection connection = writable.getConnection(); Statement statement = connection.createStatement();
        var count = statement.executeQuery("SELECT count(*) FROM addresses")) {
      count.next();
      assertEquals(1, count.getInt(1), "nothing was deleted");
    }
  }
}

package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.dataset.DatasetOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-step cut-over of a plan with row decisions, on real servers (MySQL 8.0.31 → PostgreSQL
 * 17.5): pre-copied with {@code --quarantine identities:invalid-value} and a default for a zero
 * date, then the source changes — a new identity PostgreSQL's jsonb refuses (set aside) with a
 * session of its own (which follows it), the identity set aside at the pre-copy made clean (it and
 * its children come in), an identity deleted, a session given a zero date (the default) — and
 * {@code sync} makes the target the source minus the rows set aside, with the decided values, as
 * this test's own SQL sees both sides; changes.csv and quarantine/ then list exactly the current
 * decisions (not the pre-copy's as well), and a second sync changes neither the target nor them.
 */
class SyncDecisionsIT {

  private static final double SCALE = 0.001;
  private static final String DIRTY_JSON = "{\"legacy_note\":\"imported\\\\u0000\"}";
  private static final String NEW_IDENTITY = "bbbbbbbb-0000-4000-8000-000000000001";
  private static final String NEW_SESSION = "cccccccc-0000-4000-8000-000000000001";
  private static final String DEFAULT = "2000-01-01 00:00:00";
  /** Identities and every table under them by the target's foreign keys: compared by key. */
  private static final List<String> FAMILY = List.of("identities", "identity_credentials",
      "identity_credential_identifiers", "identity_verifiable_addresses", "identity_recovery_addresses", "sessions",
      "session_devices");

  @TempDir Path workDirectory;
  @TempDir Path configDirectory;

  @Test
  void syncAppliesThePlansDecisionsToTheDeltaAndLeavesRecordsOfExactlyTheCurrentState() throws Exception {
    Rehearsal run = Rehearsal.of("kratos", EmbeddedServers.mySql(), DatasetOptions.clean(SCALE), true, workDirectory);
    String setAsideAtPreCopy;
    String defaultedAtPreCopy;
    String deleted;
    String defaultedLater;
    try (HikariDataSource writable = MySqlDataSourceFactory.writable(run.source, 1);
        Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SET SESSION sql_mode = ''");
      List<String> identities = column(statement, "SELECT id FROM identities WHERE id IN (SELECT identity_id FROM"
          + " sessions) AND id IN (SELECT identity_id FROM identity_credentials) ORDER BY id LIMIT 3");
      assertEquals(3, identities.size(), "identities with sessions and credentials: " + identities);
      setAsideAtPreCopy = identities.get(0);
      deleted = identities.get(1);
      String kept = identities.get(2);
      statement.execute("UPDATE identities SET metadata_public = '" + DIRTY_JSON + "' WHERE id = '" + setAsideAtPreCopy
          + "'");
      defaultedAtPreCopy = column(statement, "SELECT id FROM sessions WHERE identity_id = '" + kept + "' ORDER BY id"
          + " LIMIT 1").get(0);
      statement.execute("UPDATE sessions SET authenticated_at = '0000-00-00 00:00:00' WHERE id = '" + defaultedAtPreCopy
          + "'");
      defaultedLater = column(statement, "SELECT id FROM sessions WHERE identity_id NOT IN ('" + setAsideAtPreCopy
          + "', '" + deleted + "') AND id <> '" + defaultedAtPreCopy + "' ORDER BY id LIMIT 1").get(0);
    }

    Path config = configDirectory.resolve("converge.yml");
    Files.writeString(config, "column-policy: \"sessions.authenticated_at:zero-dates=null\"\n"
        + "default: [\"sessions.authenticated_at=" + DEFAULT + "\"]\n", StandardCharsets.UTF_8);
    assertEquals(0, run.converge("migrate", "--config", config.toString(), "--quarantine", "identities:invalid-value"),
        run.output());
    assertTrue(run.out.toString().contains("Verification: PASS"), run.output());
    assertTrue(records().stream().anyMatch(change -> change.get("key").equals(key(setAsideAtPreCopy))),
        "the pre-copy set the dirty identity aside");
    assertTrue(Files.exists(workDirectory.resolve("quarantine").resolve("identity_credentials.csv")),
        "and its credentials with it");

    // The application goes on writing the source.
    try (HikariDataSource writable = MySqlDataSourceFactory.writable(run.source, 1);
        Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SET SESSION sql_mode = ''");
      statement.execute("INSERT INTO identities (id, nid, schema_id, traits, state, metadata_public, created_at,"
          + " updated_at) SELECT '" + NEW_IDENTITY + "', nid, schema_id, traits, state, '" + DIRTY_JSON + "', created_at,"
          + " updated_at FROM identities WHERE id = '" + deleted + "'");
      statement.execute("INSERT INTO sessions (id, issued_at, expires_at, authenticated_at, identity_id, token,"
          + " logout_token, active, aal, authentication_methods, nid, created_at, updated_at) SELECT '" + NEW_SESSION
          + "', issued_at, expires_at, authenticated_at, '" + NEW_IDENTITY + "', REPLACE(UUID(), '-', ''),"
          + " REPLACE(UUID(), '-', ''), active, aal, authentication_methods, nid, created_at, updated_at FROM sessions"
          + " WHERE id = '" + defaultedLater + "'");
      statement.execute("UPDATE identities SET metadata_public = NULL WHERE id = '" + setAsideAtPreCopy + "'");
      // MySQL's foreign keys cascade the delete to the identity's credentials, addresses and sessions.
      statement.execute("DELETE FROM identities WHERE id = '" + deleted + "'");
      statement.execute("UPDATE sessions SET authenticated_at = '0000-00-00 00:00:00' WHERE id = '" + defaultedLater
          + "'");
    }

    run.out.getBuffer().setLength(0);
    assertEquals(0, run.converge("sync"), run.output());
    String synced = run.out.toString();
    assertTrue(synced.contains("Proof: PASS"), synced);
    assertTrue(synced.contains("Decided: 2 row(s) quarantined (not in the target), 2 value(s) changed as decided"),
        synced);

    // The target: the source minus the two rows set aside, the zero dates as the default, by this test's SQL.
    Map<String, Set<String>> setAside = Map.of("identities", Set.of(NEW_IDENTITY), "sessions", Set.of(NEW_SESSION));
    try (Connection source = mysql(run); Connection target = postgres(run);
        Statement mysql = source.createStatement(); Statement postgres = target.createStatement()) {
      mysql.execute("SET time_zone = '+00:00'");
      postgres.execute("SET TIME ZONE 'UTC'");
      for (String table : FAMILY) {
        Set<String> expected = new TreeSet<>(column(mysql, "SELECT id FROM " + table));
        expected.removeAll(setAside.getOrDefault(table, Set.of()));
        assertEquals(expected, new TreeSet<>(column(postgres, "SELECT id::text FROM " + table)), table);
      }
      assertTrue(column(postgres, "SELECT id::text FROM identity_credentials WHERE identity_id = '" + setAsideAtPreCopy
          + "'").size() > 0, "the identity made clean came back with its credentials");
      Map<String, String> sourceTimes = new TreeMap<>();
      for (List<String> row : rows(mysql, "SELECT id, CAST(authenticated_at AS CHAR) FROM sessions")) {
        if (!row.get(0).equals(NEW_SESSION)) {
          sourceTimes.put(row.get(0), row.get(1).startsWith("0000-00-00") ? DEFAULT : row.get(1));
        }
      }
      Map<String, String> targetTimes = new TreeMap<>();
      rows(postgres, "SELECT id::text, to_char(authenticated_at, 'YYYY-MM-DD HH24:MI:SS') FROM sessions")
          .forEach(row -> targetTimes.put(row.get(0), row.get(1)));
      assertEquals(sourceTimes, targetTimes, "sessions.authenticated_at, zero dates as the default");
      assertEquals(DEFAULT, targetTimes.get(defaultedLater));
    }

    // The records: exactly what is decided now, nothing left over from the pre-copy.
    Set<String> expectedRecords = Set.of(
        "identities|" + key(NEW_IDENTITY) + "|quarantine: invalid-value",
        "sessions|" + key(NEW_SESSION) + "|quarantine: parent-quarantined",
        "sessions|" + key(defaultedAtPreCopy) + "|default",
        "sessions|" + key(defaultedLater) + "|default");
    List<String> lines = Files.readAllLines(workDirectory.resolve("changes.csv"), StandardCharsets.UTF_8);
    assertEquals(expectedRecords, summary(records()), String.join("\n", lines));
    assertEquals(5, lines.size(), "a header and one line each: " + lines);
    try (Stream<Path> files = Files.list(workDirectory.resolve("quarantine"))) {
      assertEquals(Set.of("identities.csv", "sessions.csv"), files.map(file -> file.getFileName().toString())
          .collect(Collectors.toSet()), "the pre-copy's files of tables with nothing set aside now are gone");
    }
    assertEquals(List.of(key(NEW_IDENTITY)), csv(workDirectory.resolve("quarantine").resolve("identities.csv")).stream()
        .map(row -> row.get("key")).toList());
    CSVRecord session = csv(workDirectory.resolve("quarantine").resolve("sessions.csv")).get(0);
    assertEquals(key(NEW_SESSION), session.get("key"));
    assertEquals("'" + NEW_IDENTITY + "'", session.get("identity_id"), "every source value of the row set aside");
    JsonNode report = new ObjectMapper().readTree(workDirectory.resolve("sync_report.json").toFile());
    Map<String, List<Long>> perTable = new TreeMap<>();
    report.get("tables").forEach(table -> perTable.put(table.get("table").asText(),
        List.of(table.get("quarantined").asLong(), table.get("changed").asLong())));
    assertEquals(List.of(1L, 0L), perTable.get("identities"));
    assertEquals(List.of(1L, 2L), perTable.get("sessions"));
    assertEquals(List.of(0L, 0L), perTable.get("identity_credentials"));
    String journal = Files.readString(workDirectory.resolve("run_journal.json"), StandardCharsets.UTF_8);
    assertTrue(journal.replace(" ", "").contains("\"quarantined\":1"), "the journal counts what was set aside");
    String markdown = Files.readString(workDirectory.resolve("sync_report.md"), StandardCharsets.UTF_8);
    assertTrue(markdown.contains("| decided differences | sessions | PASS | 1 row(s) quarantined, not loaded; 2 value(s)"
        + " changed as decided"), markdown);

    // Again: nothing to write, the same records.
    run.out.getBuffer().setLength(0);
    assertEquals(0, run.converge("sync"), run.output());
    assertTrue(run.out.toString().contains(" compared, 0 changed (0 inserted, 0 updated, 0 deleted)"), run.output());
    assertEquals(new TreeSet<>(lines), new TreeSet<>(Files.readAllLines(workDirectory.resolve("changes.csv"),
        StandardCharsets.UTF_8)), "a re-run records the same lines, once");
  }

  private static String key(String id) {
    return "id='" + id + "'";
  }

  private List<CSVRecord> records() throws Exception {
    return csv(workDirectory.resolve("changes.csv"));
  }

  /** table|key|decision of each line, the quarantine's rule cut to its code. */
  private static Set<String> summary(List<CSVRecord> records) {
    Set<String> lines = new TreeSet<>();
    for (CSVRecord record : records) {
      String rule = record.get("rule");
      String decision = rule.startsWith("quarantine: ") ? rule.substring(0, rule.indexOf(':', "quarantine: ".length()))
          : rule;
      lines.add(record.get("table") + "|" + record.get("key") + "|" + decision);
    }
    return lines;
  }

  private static List<CSVRecord> csv(Path file) throws Exception {
    try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8,
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
      return new ArrayList<>(parser.getRecords());
    }
  }

  private static List<String> column(Statement statement, String sql) throws SQLException {
    return rows(statement, sql).stream().map(row -> row.get(0)).toList();
  }

  private static List<List<String>> rows(Statement statement, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(sql)) {
      int width = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          row.add(result.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Connection mysql(Rehearsal run) throws SQLException {
    return DriverManager.getConnection("jdbc:mysql://" + run.source.host() + ":" + run.source.port() + "/"
        + run.source.database() + "?useSSL=false&allowPublicKeyRetrieval=true", run.source.user(), run.source.password());
  }

  private static Connection postgres(Rehearsal run) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + run.target.host() + ":" + run.target.port() + "/"
        + run.target.database(), run.target.user(), run.target.password());
  }
}

package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.failure.ErrorCode;
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
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-step cut-over on real servers: {@code migrate} pre-copies while a writer inserts, updates
 * and deletes rows of several source tables (the self-referencing {@code space} among them, whose
 * deletes cascade to its subspaces and members), the writer stops, {@code sync} writes the delta and
 * proves it — and the target equals the source row for row, compared here with this test's own SQL
 * and normalisation, not converge's checksum. A second sync changes nothing; a target row altered by
 * hand is repaired by the next.
 */
class SyncIT {

  @TempDir Path workDirectory;

  /** Each compared table: the key, then the columns as MySQL and as PostgreSQL render them comparably. */
  private record Compared(String table, List<String> mysql, List<String> postgres) {}

  private static final List<Compared> COMPARED = List.of(
      new Compared("location",
          List.of("id", "version", "city", "country", "addressLine1", "addressLine2", "stateOrProvince", "postalCode",
              mysqlTime("createdDate"), mysqlTime("updatedDate")),
          List.of("id::text", "version::text", "city", "country", "\"addressLine1\"", "\"addressLine2\"",
              "\"stateOrProvince\"", "\"postalCode\"", postgresTime("createdDate"), postgresTime("updatedDate"))),
      new Compared("space",
          List.of("id", "rowId", "version", "nameID", "level", "CAST(visibility AS CHAR)", "settingsStr", "parentSpaceId",
              "levelZeroSpaceID", "accountId", "authorizationId", "profileId", mysqlTime("updatedDate")),
          List.of("id::text", "\"rowId\"::text", "version::text", "\"nameID\"", "level::text", "visibility::text",
              "\"settingsStr\"", "\"parentSpaceId\"::text", "\"levelZeroSpaceID\"::text", "\"accountId\"::text",
              "\"authorizationId\"::text", "\"profileId\"::text", postgresTime("updatedDate"))),
      new Compared("space_members_user", List.of("CONCAT(spaceId, '/', userId)"),
          List.of("\"spaceId\"::text || '/' || \"userId\"::text")),
      new Compared("activity",
          List.of("id", "rowId", "version", "triggeredBy", "resourceID", "parentID", "collaborationID", "messageID",
              "CAST(visibility AS CHAR)", "description", "CAST(type AS CHAR)", mysqlTime("createdDate")),
          List.of("id::text", "\"rowId\"::text", "version::text", "\"triggeredBy\"::text", "\"resourceID\"::text",
              "\"parentID\"::text", "\"collaborationID\"::text", "\"messageID\"", "visibility::int::text", "description",
              "type::text", postgresTime("createdDate"))),
      new Compared("in_app_notification",
          List.of("id", "version", mysqlTime("triggeredAt"), "type", "CAST(state AS CHAR)", "category", "triggeredByID",
              "receiverID", "CAST(payload AS CHAR)"),
          List.of("id::text", "version::text", postgresTime("triggeredAt"), "type", "state::text", "category",
              "\"triggeredByID\"::text", "\"receiverID\"::text", "payload::text")),
      new Compared("profile", List.of("id", "locationId", "displayName"),
          List.of("id::text", "\"locationId\"::text", "\"displayName\"")));

  @Test
  void syncAfterALivePreCopyMakesTheTargetEqualTheSourceAndProvesIt() throws Exception {
    Rehearsal run = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(0.01), true, workDirectory);
    assertEquals(ExitStatus.of(ErrorCode.CONFIGURATION), run.converge("sync"), "no plan, no pre-copy: " + run.output());
    assertTrue(run.err.toString().contains("there is no plan in the work directory"), run.output());
    assertEquals(0, run.converge("plan"), run.output());
    // Out of order: the run's state machine refuses it before it starts, as in the shell, and journals nothing.
    String journal = Files.readString(workDirectory.resolve("run_journal.json"));
    assertEquals(ExitStatus.of(ErrorCode.CONFIGURATION), run.converge("sync"), run.output());
    assertTrue(run.err.toString().contains("sync cannot run yet: the target was never loaded (or was rolled back"
        + " since); pre-copy with migrate first"), run.output());
    assertEquals(journal, Files.readString(workDirectory.resolve("run_journal.json")), "the refusal is not journaled");

    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger writes = new AtomicInteger();
    AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    Thread writer = new Thread(() -> {
      try (Connection source = mysql(run)) {
        Random random = new Random(7);
        while (writing.get()) {
          write(source, random);
          writes.incrementAndGet();
        }
      } catch (Throwable e) {
        writerFailure.set(e);
      }
    }, "sync-it-writer");
    writer.start();
    int preCopy;
    try {
      // The pre-copy on a live source: its own verify may fail, the source moved on meanwhile.
      preCopy = run.converge("migrate", "--keep-plan");
      int before = writes.get();
      while (writes.get() < before + 40 && writerFailure.get() == null) {
        Thread.sleep(20);
      }
    } finally {
      writing.set(false);
      writer.join();
    }
    assertEquals(null, writerFailure.get(), "the writer failed");
    assertTrue(preCopy == 0 || preCopy == ExitStatus.of(ErrorCode.VERIFICATION), run.output());
    assertTrue(writes.get() > 80, "the writer wrote " + writes.get() + " times");

    run.out.getBuffer().setLength(0);
    assertEquals(0, run.converge("sync"), run.output());
    String synced = run.out.toString();
    assertTrue(synced.contains("Proof: PASS"), synced);
    assertTrue(synced.lines().anyMatch(line -> line.contains("synced space:")), "the self-referencing table moved: "
        + synced);
    assertSameRows(run);
    assertTrue(Files.readString(workDirectory.resolve("sync_report.md")).contains("result: **PASS**"));
    assertTrue(Files.readString(workDirectory.resolve("run_journal.json")).contains("\"changes\""),
        "the journal records what sync changed per table");

    // Verify after the sync compares with what the sync read, not with the pre-copy's files (which are stale).
    run.out.getBuffer().setLength(0);
    assertEquals(0, run.converge("verify"), run.output());
    String verified = run.out.toString();
    assertTrue(verified.contains(" table(s) were synced after the export"), verified);
    assertTrue(verified.contains("Verification: PASS"), verified);
    assertFalse(verified.contains("stale export"), "the source is where the sync read it: " + verified);

    run.out.getBuffer().setLength(0);
    assertEquals(0, run.converge("sync"), run.output());
    assertTrue(run.out.toString().contains(" compared, 0 changed (0 inserted, 0 updated, 0 deleted)"), run.output());

    String altered;
    try (Connection target = postgres(run); Statement statement = target.createStatement();
        ResultSet one = statement.executeQuery("SELECT id::text FROM location ORDER BY id LIMIT 1")) {
      one.next();
      altered = one.getString(1);
      assertEquals(1, target.createStatement().executeUpdate("UPDATE location SET city = 'altered by hand' WHERE id = '"
          + altered + "'"));
    }
    run.out.getBuffer().setLength(0);
    assertEquals(ExitStatus.of(ErrorCode.VERIFICATION), run.converge("verify"), run.output());
    assertTrue(run.out.toString().contains("FAIL location, content checksum: target "), run.output());
    assertTrue(Pattern.compile("id=" + altered + ": altered in the target \\(city: source ('[^']*'|NULL), sync \\1,"
        + " target 'altered by hand'\\)").matcher(run.out.toString()).find(), run.output());
    run.out.getBuffer().setLength(0);
    assertEquals(0, run.converge("sync"), run.output());
    assertTrue(run.out.toString().contains("1 changed (0 inserted, 1 updated, 0 deleted)"), run.output());
    assertSameRows(run);

    run.out.getBuffer().setLength(0);
    assertEquals(0, Main.run(new String[] {"report", "--work-dir", workDirectory.toString()},
        new java.io.PrintWriter(run.out, true), new java.io.PrintWriter(run.err, true)), run.output());
    assertTrue(Files.readString(workDirectory.resolve("run_report.md")).contains("Two-step cut-over"),
        "the downtime projection uses the measured sync");
  }

  /** One random write of the application: an insert, update or delete in one of four tables. */
  private static void write(Connection source, Random random) throws SQLException {
    try (Statement statement = source.createStatement()) {
      switch (random.nextInt(12)) {
        case 0 -> statement.executeUpdate("INSERT INTO location (id, version, city, country) VALUES (UUID(), 1,"
            + " 'Nieuw-Amsterdam " + random.nextInt(1000) + "', 'NL')");
        case 1 -> statement.executeUpdate("UPDATE location SET city = CONCAT('moved ', " + random.nextInt(1000)
            + "), version = version + 1 ORDER BY RAND() LIMIT 1");
        case 2 -> statement.executeUpdate("DELETE FROM location ORDER BY RAND() LIMIT 1");
        case 3 -> statement.executeUpdate("INSERT INTO space (id, version, nameID, level, settingsStr, parentSpaceId,"
            + " levelZeroSpaceID, accountId) SELECT UUID(), 1, CONCAT('sub-', LEFT(UUID(), 8), " + random.nextInt(1000)
            + "), level + 1, '{}', id, COALESCE(levelZeroSpaceID, id), accountId FROM space WHERE level < 2 ORDER BY RAND() LIMIT 1");
        case 4, 5 -> statement.executeUpdate("UPDATE space SET version = version + 1, settingsStr = CONCAT(settingsStr,"
            + " ' ') ORDER BY RAND() LIMIT 1");
        case 6 -> statement.executeUpdate("DELETE FROM space WHERE level > 0 ORDER BY RAND() LIMIT 1");
        case 7 -> statement.executeUpdate("INSERT INTO activity (id, version, triggeredBy, resourceID, collaborationID,"
            + " visibility, description, type) VALUES (UUID(), 1, UUID(), UUID(), UUID(), " + random.nextInt(2)
            + ", 'written during the pre-copy', 'update-sent')");
        case 8 -> statement.executeUpdate("UPDATE activity SET description = 'edited', visibility = 1 - visibility"
            + " ORDER BY RAND() LIMIT 1");
        case 9 -> statement.executeUpdate("DELETE FROM activity ORDER BY RAND() LIMIT 1");
        case 10 -> statement.executeUpdate("INSERT INTO in_app_notification (id, version, triggeredAt, type, category,"
            + " receiverID, payload) SELECT UUID(), 1, UTC_TIMESTAMP(), 'sync-it', 'member', id, JSON_OBJECT('n', "
            + random.nextInt(1000) + ", 'text', 'é \\\"quoted\\\"') FROM user ORDER BY RAND() LIMIT 1");
        default -> statement.executeUpdate("UPDATE in_app_notification SET state = 'read', payload = JSON_SET(payload,"
            + " '$.read', true) ORDER BY RAND() LIMIT 1");
      }
    }
  }

  /** Every compared table holds the same rows on both sides, read and normalised by this test alone. */
  private static void assertSameRows(Rehearsal run) throws Exception {
    try (Connection source = mysql(run); Connection target = postgres(run)) {
      try (Statement utc = target.createStatement()) {
        utc.execute("SET TIME ZONE 'UTC'");
      }
      for (Compared table : COMPARED) {
        Map<String, List<String>> mysqlRows = rows(source, "SELECT " + String.join(", ", table.mysql()) + " FROM `"
            + table.table() + "`", UnaryOperator.identity());
        Map<String, List<String>> postgresRows = rows(target, "SELECT " + String.join(", ", table.postgres())
            + " FROM \"" + table.table() + "\"", UnaryOperator.identity());
        assertEquals(mysqlRows.size(), postgresRows.size(), table.table() + ": row count");
        List<String> differing = new ArrayList<>();
        for (Map.Entry<String, List<String>> row : mysqlRows.entrySet()) {
          List<String> other = postgresRows.get(row.getKey());
          if (!sameRow(row.getValue(), other)) {
            differing.add(row.getKey() + ": source " + row.getValue() + ", target " + other);
          }
        }
        assertTrue(differing.isEmpty(), table.table() + ": " + differing.stream().limit(5).toList());
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Values equal as text; JSON documents (MySQL's and PostgreSQL's renderings) equal as parsed trees. */
  private static boolean sameRow(List<String> source, List<String> target) throws Exception {
    if (target == null || source.size() != target.size()) {
      return false;
    }
    for (int i = 0; i < source.size(); i++) {
      String s = source.get(i);
      String t = target.get(i);
      if (s != null && t != null && s.startsWith("{") && t.startsWith("{")) {
        if (!JSON.readTree(s).equals(JSON.readTree(t))) {
          return false;
        }
      } else if (!java.util.Objects.equals(s, t)) {
        return false;
      }
    }
    return true;
  }

  /** Rows by their first column (the key), sorted here: the two servers' orders of text keys differ. */
  private static Map<String, List<String>> rows(Connection connection, String sql, UnaryOperator<String> key)
      throws SQLException {
    Map<String, List<String>> rows = new TreeMap<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int width = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          row.add(result.getString(i));
        }
        rows.put(key.apply(row.get(0)), row);
      }
    }
    return rows;
  }

  private static String mysqlTime(String column) {
    return "DATE_FORMAT(" + column + ", '%Y-%m-%d %H:%i:%s.%f')";
  }

  private static String postgresTime(String column) {
    return "to_char(\"" + column + "\", 'YYYY-MM-DD HH24:MI:SS.US')";
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

package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.adapter.embedded.mysql.EmbeddedMySqlServer;
import dev.converge.adapter.embedded.mysql.MySqlFlavor;
import dev.converge.adapter.json.JsonManifestFileAdapter;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.manifest.TableFingerprint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source that keeps no binary log (and so no GTIDs) has no position to record: the manifest records
 * each table's fingerprint instead (row count, latest updated date), and {@code status} and
 * {@code import} compare it with the source now, saying what a fingerprint cannot see.
 */
class StaleExportWithoutBinaryLogIT {

  private static EmbeddedMySqlServer unlogged;

  @TempDir Path workDirectory;

  @BeforeAll
  static void startMySqlWithoutBinaryLog() {
    unlogged = EmbeddedMySqlServer.start(MySqlFlavor.MYSQL_8_0, List.of("--disable-log-bin"));
  }

  @AfterAll
  static void stop() {
    if (unlogged != null) {
      unlogged.close();
    }
  }

  @Test
  void fingerprintsShowWhatMovedSinceTheExportAndStatusSaysSoWithoutFailing() throws Exception {
    Rehearsal run = Rehearsal.of("alkemio", unlogged, DatasetOptions.clean(0.005), true, workDirectory);
    assertEquals("0", sql(run, "SELECT @@global.log_bin"), "the server keeps no binary log");
    assertEquals(0, run.converge("plan"), run.output());
    assertEquals(0, run.converge("export"), run.output());
    assertEquals(0, run.converge("validate"), run.output());

    Manifest manifest = new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest();
    for (var table : manifest.tables()) {
      assertNull(table.sourcePosition(), table.sourceTable());
      assertNotNull(table.fingerprint(), table.sourceTable());
      assertEquals(table.rows(), table.fingerprint().rows(), table.sourceTable());
    }
    TableFingerprint profile = manifest.table("profile").orElseThrow().fingerprint();
    assertEquals("updatedDate", profile.updatedColumn());
    assertEquals(sql(run, "SELECT CAST(MAX(updatedDate) AS CHAR) FROM profile"), profile.latest(),
        "the latest value as the source writes it");
    assertNull(manifest.table("space_members_user").orElseThrow().fingerprint().updatedColumn(),
        "a table without an updated-date column is told by its count alone");

    assertEquals(0, status(run, run.connectionOptions()), run.output());
    assertTrue(lastSourceLine(run).startsWith("Source: the export is current: every table has the row count and latest"
        + " updated date the export read (by fingerprint only"), run.output());
    assertTrue(lastSourceLine(run).contains("is not seen"), "it says what it cannot see: " + run.output());

    // What a fingerprint cannot see: a change that keeps the updated date (set explicitly to itself).
    String unseen = sql(run, "SELECT id FROM profile ORDER BY id DESC LIMIT 1");
    assertEquals(1, update(run, "UPDATE profile SET tagline = 'unseen', updatedDate = updatedDate WHERE id = '" + unseen
        + "'"));
    assertEquals(0, status(run, run.connectionOptions()), run.output());
    assertTrue(lastSourceLine(run).startsWith("Source: the export is current"), run.output());

    // The application's update sets updatedDate (ON UPDATE CURRENT_TIMESTAMP(6)); a row is deleted elsewhere.
    assertEquals(1, update(run, "UPDATE profile SET displayName = CONCAT(displayName, ' (renamed)') ORDER BY id LIMIT 1"));
    assertEquals(1, update(run, "DELETE FROM space_members_user LIMIT 1"));
    String latestNow = sql(run, "SELECT CAST(MAX(updatedDate) AS CHAR) FROM profile");

    assertEquals(0, status(run, run.connectionOptions()), run.output());
    String moved = lastSourceLine(run);
    assertTrue(moved.startsWith("Source: the source moved since the export was read at " + profile.readAt()), moved);
    assertTrue(moved.contains(" (2 of " + manifest.tables().size() + " table(s) (") && moved.contains("space_members_user ")
        && moved.contains("profile "), "the two tables moved are named: " + moved);
    assertTrue(moved.contains("profile " + profile.rows() + " rows, latest updatedDate " + profile.latest() + " then, "
        + profile.rows() + " rows, latest updatedDate " + latestNow + " now"), moved);
    assertTrue(moved.contains("by fingerprint only"), moved);

    JsonNode json = new ObjectMapper().readTree(statusJson(run));
    assertEquals("MOVED", json.at("/source/state").asText(), json.toString());
    assertEquals(moved.substring("Source: ".length()), json.at("/source/line").asText());

    assertEquals(ExitStatus.of(ErrorCode.VALIDATION), run.converge("import"), run.output());
    String refusal = run.err.toString().lines().filter(line -> line.contains("refusing to import a stale export"))
        .findFirst().orElseThrow(() -> new AssertionError(run.output()));
    assertTrue(refusal.contains(moved.substring("Source: ".length())), refusal);

    // Without a connection, and with a source that cannot be reached, status still answers from the work directory.
    assertEquals(0, status(run, List.of("--work-dir", workDirectory.toString())), run.output());
    assertTrue(lastSourceLine(run).startsWith("Source: not compared with the source: no source connection given"),
        run.output());
    List<String> unreachable = new ArrayList<>(run.connectionOptions());
    unreachable.set(unreachable.indexOf("--source-port") + 1, String.valueOf(freePort()));
    assertEquals(0, status(run, unreachable), run.output());
    assertTrue(lastSourceLine(run).startsWith("Source: the source could not be reached to compare the export with:"),
        run.output());

    assertEquals(0, run.converge("import", "--reuse-stale-export"), run.output());
    // verify reads every source row: it warns of the stale export and names the rows, the unseen one too.
    assertEquals(ExitStatus.of(ErrorCode.VERIFICATION), run.converge("verify"), run.output());
    assertTrue(run.out.toString().contains("Warning: stale export, the source moved since the export was read at "
        + profile.readAt()), run.output());
    assertTrue(run.out.toString().contains("changed in the source since the export"), run.output());
    assertTrue(run.out.toString().contains(unseen), "the change the fingerprint could not see: " + run.output());
  }

  private static int status(Rehearsal run, List<String> options) {
    List<String> args = new ArrayList<>(List.of("status"));
    args.addAll(options);
    return Main.run(args.toArray(String[]::new), new PrintWriter(run.out, true), new PrintWriter(run.err, true));
  }

  private static String statusJson(Rehearsal run) {
    StringWriter out = new StringWriter();
    List<String> args = new ArrayList<>(List.of("status", "--output", "json"));
    args.addAll(run.connectionOptions());
    assertEquals(0, Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(run.err, true)));
    return out.toString();
  }

  private static String lastSourceLine(Rehearsal run) {
    List<String> lines = run.out.toString().lines().filter(line -> line.startsWith("Source: ")).toList();
    assertTrue(!lines.isEmpty(), run.output());
    return lines.get(lines.size() - 1);
  }

  private static Connection connect(Rehearsal run) throws SQLException {
    return DriverManager.getConnection("jdbc:mysql://" + run.source.host() + ":" + run.source.port() + "/"
        + run.source.database() + "?useSSL=false&allowPublicKeyRetrieval=true", run.source.user(), run.source.password());
  }

  private static String sql(Rehearsal run, String query) throws SQLException {
    try (Connection source = connect(run); Statement statement = source.createStatement()) {
      statement.execute("SET time_zone = '+00:00'");
      try (ResultSet result = statement.executeQuery(query)) {
        result.next();
        return result.getString(1);
      }
    }
  }

  private static int update(Rehearsal run, String statement) throws SQLException {
    try (Connection source = connect(run); Statement update = source.createStatement()) {
      return update.executeUpdate(statement);
    }
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.adapter.json.JsonManifestFileAdapter;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.SourcePosition;
import dev.converge.domain.manifest.TableManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export the source has moved past is never loaded as current: with the binary log on (MySQL 8's
 * default), a row changed after the export makes {@code import} and a {@code migrate} re-run refuse it
 * in one line, and {@code --reuse-stale-export} lets a rehearsal go on.
 */
class StaleExportIT {

  @TempDir Path workDirectory;

  @Test
  void importRefusesAnExportTheSourceMovedPastUnlessToldToReuseIt() throws Exception {
    Rehearsal run = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(0.005), true, workDirectory);
    assertEquals(0, run.converge("plan"), run.output());
    // The application is quiet: four readers without a lock, proven one snapshot by the binary log.
    assertEquals(0, run.converge("export", "--snapshot-mode", "lock-free", "--parallel", "4"), run.output());
    assertTrue(run.out.toString().contains("4 readers sharing one snapshot, lock-free as asked: proven consistent by an"
        + " unchanged binary-log position binlog."), run.output());
    assertEquals(0, run.converge("validate"), run.output());
    for (TableManifest table : new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest().tables()) {
      assertEquals(SourcePosition.Kind.BINARY_LOG, table.sourcePosition().kind(), table.sourceTable());
    }

    // Another application's database on the same server moves the server's position: not this export's tables.
    writeAnotherDatabase(run);
    changeOneSourceRow(run);
    assertEquals(ExitStatus.of(ErrorCode.VALIDATION), run.converge("import"), run.output());
    String refusal = run.err.toString().lines().filter(line -> line.contains("stale export")).findFirst()
        .orElseThrow(() -> new AssertionError(run.output()));
    assertTrue(refusal.contains("refusing to import a stale export: the source moved since the export was read at"),
        refusal);
    assertTrue(refusal.contains("(profile) written since"), "only the table written since is named: " + refusal);
    assertTrue(refusal.contains("binary-log position binlog.") && refusal.contains(" then, binlog."), refusal);
    assertTrue(refusal.contains("--reuse-stale-export"), refusal);

    assertEquals(0, run.converge("import", "--reuse-stale-export"), run.output());
    assertTrue(run.err.toString().contains("importing a stale export (--reuse-stale-export): the source moved"),
        run.output());

    // verify reads the source again: the stale row fails the source check, and the warning says why.
    assertEquals(ExitStatus.of(ErrorCode.VERIFICATION), run.converge("verify"), run.output());
    assertTrue(run.out.toString().contains("changed in the source since the export"), run.output());
    assertTrue(run.out.toString().contains("Warning: stale export, the source moved since the export was read at"),
        run.output());
    assertTrue(Files.readString(workDirectory.resolve("verification_report.md")).contains("> **Stale export:** the source"
        + " moved"), "the report says so too");
  }

  @Test
  void aMigrateRerunRefusesTheStaleExportItWouldContinue() throws Exception {
    Rehearsal run = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(0.005), true, workDirectory);
    assertEquals(0, run.converge("migrate"), run.output());
    String firstRun = new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest().migrationId();

    changeOneSourceRow(run);
    assertEquals(ExitStatus.of(ErrorCode.VALIDATION), run.converge("migrate"), run.output());
    assertTrue(run.err.toString().contains("refusing to continue a stale export: the source moved since the export"
        + " was read at"), run.output());

    // Told to, the re-run continues the earlier export, and its verify names the row the source changed since.
    assertEquals(ExitStatus.of(ErrorCode.VERIFICATION), run.converge("migrate", "--reuse-stale-export"), run.output());
    assertTrue(run.out.toString().contains("changed in the source since the export"), run.output());
    assertEquals(firstRun, new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest().migrationId(),
        "told to, the re-run continues the earlier export");
  }

  /** Another application on the same MySQL server writes its own database. */
  private static void writeAnotherDatabase(Rehearsal run) throws SQLException {
    try (Connection source = DriverManager.getConnection("jdbc:mysql://" + run.source.host() + ":" + run.source.port()
            + "/" + run.source.database() + "?useSSL=false&allowPublicKeyRetrieval=true", run.source.user(),
            run.source.password());
        Statement statement = source.createStatement()) {
      statement.execute("CREATE DATABASE IF NOT EXISTS another_application");
      statement.execute("CREATE TABLE IF NOT EXISTS another_application.events (id INT AUTO_INCREMENT PRIMARY KEY)");
      assertEquals(1, statement.executeUpdate("INSERT INTO another_application.events () VALUES ()"));
    }
  }

  /** What the application does after the export: one value changed, so the binary log moves on. */
  private static void changeOneSourceRow(Rehearsal run) throws SQLException {
    try (Connection source = DriverManager.getConnection("jdbc:mysql://" + run.source.host() + ":" + run.source.port()
            + "/" + run.source.database() + "?useSSL=false&allowPublicKeyRetrieval=true", run.source.user(),
            run.source.password());
        Statement statement = source.createStatement()) {
      assertEquals(1, statement.executeUpdate("UPDATE profile SET displayName = CONCAT(displayName, ' (renamed)')"
          + " ORDER BY id LIMIT 1"));
    }
  }
}

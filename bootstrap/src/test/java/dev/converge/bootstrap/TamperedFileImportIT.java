package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.adapter.json.JsonManifestFileAdapter;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.TableManifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file edited after validate passed is not loaded: import digests the bytes it sends with COPY and
 * refuses the table before it commits (it used to load it, exit 0, and only verify noticed).
 */
class TamperedFileImportIT {

  @TempDir Path workDirectory;

  @Test
  void aFileEditedAfterValidationIsRefusedBeforeItsTableCommits() throws Exception {
    Rehearsal run = Rehearsal.of("kratos", EmbeddedServers.mySql(), DatasetOptions.clean(0.002), true, workDirectory);
    for (String phase : new String[] {"plan", "export", "validate"}) {
      assertEquals(0, run.converge(phase), phase + ": " + run.output());
    }
    TableManifest identities = new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest()
        .table("identities").orElseThrow();
    Path file = workDirectory.resolve(identities.files().get(0).name());
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    // Same rows, same columns: only the state of the first identity, as a hand edit would change it.
    String edited = lines.get(1).contains(",\"active\",") ? lines.get(1).replaceFirst(",\"active\",", ",\"inactive\",")
        : lines.get(1).replaceFirst(",\"inactive\",", ",\"active\",");
    assertTrue(!edited.equals(lines.get(1)), "the first identity has a state: " + lines.get(1));
    lines.set(1, edited);
    Files.write(file, lines, StandardCharsets.UTF_8);

    assertEquals(ExitStatus.of(ErrorCode.IMPORT), run.converge("import", "--parallel", "1"), run.output());
    assertTrue(run.err.toString().contains("table identities: " + file.getFileName() + " changed since it was"
        + " exported: the bytes sent have SHA-256 "), run.output());
    try (Connection target = ImportWithoutReplicationRoleIT.connect(run); Statement statement = target.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM identities")) {
      count.next();
      assertEquals(0, count.getLong(1), "nothing of the table was committed");
    }
  }

  /**
   * migrate no longer re-reads a part to validate it: the only read after the export is the load's,
   * whose digest still refuses a part changed between its export and its COPY. The target table is
   * held in SHARE mode (reads pass, writes wait) so that its load waits while the export finishes and
   * the test edits the part.
   */
  @Test
  void aPartEditedBetweenItsExportAndItsLoadInMigrateIsRefusedBeforeItsTableCommits() throws Exception {
    Rehearsal run = Rehearsal.of("kratos", EmbeddedServers.mySql(), DatasetOptions.clean(0.002), true, workDirectory);
    assertEquals(0, run.converge("plan"), run.output());
    ExecutorService background = Executors.newSingleThreadExecutor();
    try (Connection holder = ImportWithoutReplicationRoleIT.connect(run)) {
      holder.setAutoCommit(false);
      try (Statement statement = holder.createStatement()) {
        statement.execute("LOCK TABLE identities IN SHARE MODE");
      }
      Future<Integer> migrate = background.submit(() -> run.converge("migrate", "--keep-plan", "--parallel", "1"));
      TableManifest identities = exported(migrate, "identities");
      Path file = workDirectory.resolve(identities.files().get(0).name());
      String text = Files.readString(file, StandardCharsets.UTF_8);
      // Same rows, same columns, every value still valid: one state flipped, as a hand edit would change it.
      String edited = text.contains(",\"active\",") ? text.replaceFirst(",\"active\",", ",\"inactive\",")
          : text.replaceFirst(",\"inactive\",", ",\"active\",");
      assertTrue(!edited.equals(text), "an identity has a state");
      Files.writeString(file, edited, StandardCharsets.UTF_8);
      holder.rollback();

      assertEquals(ExitStatus.of(ErrorCode.IMPORT), migrate.get(5, TimeUnit.MINUTES), run.output());
      assertTrue(run.err.toString().contains("table identities: " + file.getFileName() + " changed since it was"
          + " exported: the bytes sent have SHA-256 "), run.output());
    } finally {
      background.shutdownNow();
    }
    try (Connection target = ImportWithoutReplicationRoleIT.connect(run); Statement statement = target.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM identities")) {
      count.next();
      assertEquals(0, count.getLong(1), "nothing of the table was committed");
    }
  }

  /** The table's manifest entry once the running migrate's export has finished it. */
  private TableManifest exported(Future<Integer> migrate, String table) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      if (migrate.isDone()) {
        throw new AssertionError("migrate ended before " + table + " was exported: exit " + migrate.get());
      }
      try {
        var stored = new JsonManifestFileAdapter(workDirectory).latest();
        if (stored.isPresent() && stored.get().manifest().table(table).isPresent()) {
          return stored.get().manifest().table(table).get();
        }
      } catch (RuntimeException e) {
        // The manifest is being replaced; read it again.
      }
      Thread.sleep(50);
    }
    throw new AssertionError(table + " was not exported within 3 minutes");
  }
}

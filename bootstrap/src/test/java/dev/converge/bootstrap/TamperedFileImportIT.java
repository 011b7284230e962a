package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.adapter.csv.JsonManifestFileAdapter;
import dev.converge.application.dataset.DatasetOptions;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.TableManifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
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
}

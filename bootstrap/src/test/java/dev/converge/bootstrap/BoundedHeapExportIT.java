package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.adapter.json.JsonManifestFileAdapter;
import dev.converge.dataset.DatasetOptions;
import dev.converge.dataset.GeneratedTable;
import dev.converge.dataset.ReferenceDataset;
import dev.converge.dataset.ReferenceDatasets;
import dev.converge.domain.manifest.TableManifest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs in its own JVM with {@code -Xmx96m} (see bootstrap/pom.xml): exporting and validating a
 * table several times larger than the whole heap must work, because rows stream from the source
 * to the file one at a time.
 */
class BoundedHeapExportIT {

  private static final long HEAP_LIMIT = 128L << 20;

  @TempDir Path workDirectory;

  @Test
  void aTableSeveralTimesLargerThanTheHeapExportsAndValidates() {
    long heap = Runtime.getRuntime().maxMemory();
    assertTrue(heap <= HEAP_LIMIT, "this test proves nothing with a heap of " + (heap >> 20) + " MB");
    ReferenceDataset alkemio = ReferenceDatasets.byName("alkemio").orElseThrow();
    ReferenceDataset policiesOnly = new OnlyTable(alkemio, "authorization_policy");
    Rehearsal run = Rehearsal.of(policiesOnly, EmbeddedServers.mySql(), DatasetOptions.clean(0.2), true, workDirectory);

    assertEquals(0, run.converge("plan"), run.output());
    // One file for the whole table, so that a single stream is proved to dwarf the heap.
    assertEquals(0, run.converge("export", "--part-size", "1GiB"), run.output());
    assertEquals(0, run.converge("validate"), run.output());

    TableManifest policies = new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest()
        .table("authorization_policy").orElseThrow();
    assertEquals(1, policies.files().size());
    long bytes = policies.files().get(0).bytes();
    assertTrue(bytes > 2 * heap, "the file (" + (bytes >> 20) + " MB) must dwarf the heap (" + (heap >> 20) + " MB)");
  }

  /** A reference dataset with one table generated (the schema is still the whole dataset's). */
  private record OnlyTable(ReferenceDataset dataset, String table) implements ReferenceDataset {
    @Override
    public String name() {
      return dataset.name();
    }

    @Override
    public String mysqlSchemaResource() {
      return dataset.mysqlSchemaResource();
    }

    @Override
    public String postgresMigrationLocation() {
      return dataset.postgresMigrationLocation();
    }

    @Override
    public List<GeneratedTable> tables() {
      return dataset.tables().stream().filter(generated -> generated.name().equals(table)).toList();
    }
  }
}

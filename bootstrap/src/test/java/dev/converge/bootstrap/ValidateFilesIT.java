package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.adapter.csv.CsvTableFileReader;
import dev.converge.adapter.csv.CsvTableFileWriter;
import dev.converge.adapter.json.JsonManifestFileAdapter;
import dev.converge.adapter.json.JsonPlanFileAdapter;
import dev.converge.adapter.json.JsonRunJournalAdapter;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.plan.ColumnPlan;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseRun;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code converge validate} passes intact files and names every damage with its file, line, column and value. */
class ValidateFilesIT {

  @TempDir Path workDirectory;

  private int manifestTables() {
    return new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest().tables().size();
  }

  @Test
  void intactFilesPassAndEveryKindOfDamageIsLocated() throws Exception {
    Rehearsal run = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(0.001), true, workDirectory);
    assertEquals(0, run.converge("plan"), run.output());
    assertEquals(0, run.converge("export"), run.output());
    // Files only: the work directory is all validate needs — no database options, no password, no server.
    StringWriter alone = new StringWriter();
    StringWriter errors = new StringWriter();
    assertEquals(0, Main.run(new String[] {"validate", "--work-dir", workDirectory.toString()},
        new PrintWriter(alone, true), new PrintWriter(errors, true)), alone + "\n" + errors);
    assertTrue(alone.toString().contains("Validation: passed"), alone + "\n" + errors);
    PhaseRun validated = new JsonRunJournalAdapter(workDirectory).load().orElseThrow().latest(Phase.VALIDATE)
        .orElseThrow();
    assertTrue(validated.succeeded() && validated.tables().size() == manifestTables(), validated.toString());

    MigrationPlan plan = new JsonPlanFileAdapter(workDirectory).load().orElseThrow();
    Manifest manifest = new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest();
    // An edited uuid, keeping the CSV well-formed.
    String user = rewrite(plan, manifest, "user", rows -> {
      rows.get(0)[column(plan, "user", "id")] = "not-a-uuid";
      return rows;
    });
    // A duplicated row: its key repeats, and the row count no longer matches.
    String account = rewrite(plan, manifest, "account", rows -> {
      rows.add(rows.get(0).clone());
      return rows;
    });
    // NULL where the target says NOT NULL.
    String space = rewrite(plan, manifest, "space", rows -> {
      rows.get(1)[column(plan, "space", "nameID")] = null;
      return rows;
    });
    // A file cut short in the middle of a record.
    Path policies = workDirectory.resolve(file(manifest, "authorization_policy"));
    try (RandomAccessFile cut = new RandomAccessFile(policies.toFile(), "rw")) {
      cut.setLength(cut.length() / 2);
    }
    // A file that is gone.
    Files.delete(workDirectory.resolve(file(manifest, "callout")));

    assertEquals(ExitStatus.of(ErrorCode.VALIDATION), run.converge("validate"), run.output());
    String out = run.out.toString();
    assertTrue(out.contains(user + " line 2, column id, value 'not-a-uuid': not a lower-case uuid"), out);
    assertTrue(out.contains(user + ": its SHA-256 differs from the manifest's"), out);
    long accountRows = manifest.table("account").orElseThrow().rows();
    assertTrue(out.contains(account + " line " + (accountRows + 2) + ", column id, value"), out);
    assertTrue(out.contains("the primary key repeats line 2"), out);
    assertTrue(out.contains(account + ": " + (accountRows + 1) + " rows where the manifest says " + accountRows), out);
    assertTrue(out.contains(space + " line 3, column nameID, value NULL: NULL in a NOT NULL column"), out);
    assertTrue(out.lines().anyMatch(line -> line.contains(file(manifest, "authorization_policy") + " line ")
        && (line.contains("not valid CSV") || line.contains("values where the header has"))), out);
    assertTrue(out.contains(file(manifest, "callout") + ": the file is missing"), out);
    assertTrue(out.contains("Validation: FAILED"), out);
  }

  private static int column(MigrationPlan plan, String table, String target) {
    List<ColumnPlan> columns = plan.table(table).orElseThrow().columns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).target().name().equals(target)) {
        return i;
      }
    }
    throw new AssertionError(table + " has no column " + target);
  }

  private static String file(Manifest manifest, String table) {
    return manifest.table(table).orElseThrow().files().get(0).name();
  }

  /** Reads a table's file, changes its rows, writes it back in converge's dialect; returns its name. */
  private String rewrite(MigrationPlan plan, Manifest manifest, String table, UnaryOperator<List<String[]>> change) {
    Path path = workDirectory.resolve(file(manifest, table));
    List<String[]> rows = new ArrayList<>();
    CsvTableFileReader.forEachRow(path, row -> rows.add(row.values()));
    TablePlan planned = plan.table(table).orElseThrow();
    try (CsvTableFileWriter writer = CsvTableFileWriter.open(path,
        planned.columns().stream().map(c -> c.target().name()).toList())) {
      change.apply(rows).forEach(writer::write);
      writer.finish();
    }
    return path.getFileName().toString();
  }
}

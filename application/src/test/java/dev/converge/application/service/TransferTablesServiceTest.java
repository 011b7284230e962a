package dev.converge.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.port.in.ExportTablesReport;
import dev.converge.application.port.in.Parallelism;
import dev.converge.application.port.in.TransferTablesCommand;
import dev.converge.application.port.in.TransferTablesReport;
import dev.converge.application.port.in.TransferTablesUseCase;
import dev.converge.application.port.in.ValidateFilesReport;
import dev.converge.application.port.out.LoadTargetTablesPort;
import dev.converge.application.port.out.ReadTableFilesPort;
import dev.converge.application.port.out.RecordImportPort;
import dev.converge.application.port.out.RecordValidationPort;
import dev.converge.application.port.out.ReportProgressPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.application.port.out.WriteTableFilesPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.manifest.TableManifest;
import dev.converge.domain.plan.ForeignKeyStrategy;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.MigrationPlanner;
import dev.converge.domain.plan.PlanSettings;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.SourceTable;
import dev.converge.domain.schema.TargetColumn;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline with hand-written fakes of every out-port: what reaches the target, and how it stops. */
class TransferTablesServiceTest {

  private static final SourceColumn ID = new SourceColumn("id", 1, "char", "char(36)", false, 36L, null, null, null,
      false, false, false, "utf8mb4_0900_ai_ci", List.of());
  private static final SourceColumn FLAG = new SourceColumn("isOpen", 2, "tinyint", "tinyint", false, null, 3, 0, null,
      false, false, false, null, List.of());
  private static final TargetColumn UUID = new TargetColumn("id", 1, "uuid", "uuid", null, null, null, false, false, false,
      null, false, List.of(), false);
  private static final TargetColumn BOOL = new TargetColumn("isOpen", 2, "bool", "boolean", null, null, null, false, false,
      false, null, false, List.of(), false);
  private static final List<String> TABLES = List.of("alpha", "beta", "gamma");
  private static final int ROWS = 20;

  @TempDir Path workDirectory;

  /** alpha is estimated large enough to be read as key ranges side by side; the others are read whole. */
  private final SourceSchema source = new SourceSchema("app", "8.0.31", TABLES.stream()
      .map(name -> new SourceTable(name, List.of(ID, FLAG), List.of("id"), List.of(), List.of(),
          name.equals("alpha") ? 10 * KeyRangeReads.SPLIT_ROWS : ROWS)).toList());
  private final TargetSchema target = new TargetSchema("public", "17.5", TABLES.stream()
      .map(name -> new TargetTable(name, List.of(UUID, BOOL), List.of("id"), List.of(), List.of(), List.of(), List.of()))
      .toList());
  private final MigrationPlan plan = new MigrationPlanner(PlanSettings.defaults()).plan(source, target, Map.of(), true);
  private final Map<String, String> files = new ConcurrentHashMap<>();
  private final Map<String, Manifest> manifests = new LinkedHashMap<>();
  private final AtomicReference<RecordValidationPort.Verdict> verdict = new AtomicReference<>();
  private final Map<String, Long> committed = new ConcurrentHashMap<>();
  private final Map<String, List<String>> copied = new ConcurrentHashMap<>();
  private final AtomicBoolean finished = new AtomicBoolean();
  /** Tables whose sequences and statistics were done in their lane, and those left to the finish. */
  private final Set<String> settled = ConcurrentHashMap.newKeySet();
  private final List<String> finishedWith = Collections.synchronizedList(new ArrayList<>());
  private final List<String> stages = Collections.synchronizedList(new ArrayList<>());
  /** What the validation's and the load's bars were told: "validate started alpha 100", "import finished beta 20" … */
  private final List<String> bars = Collections.synchronizedList(new ArrayList<>());
  /** Files whose bytes "change" between the export and the load: their SHA-256 differs when sent. */
  private final Set<String> tampered = ConcurrentHashMap.newKeySet();
  /** The export's files read back through the read port. */
  private final List<String> fileReads = Collections.synchronizedList(new ArrayList<>());
  /** The source reads: table and key range. */
  private final List<String> reads = Collections.synchronizedList(new ArrayList<>());
  /** Files gone between their export and their check. */
  private final Set<String> vanished = ConcurrentHashMap.newKeySet();
  /** Tables whose load the target refuses. */
  private final Set<String> refused = ConcurrentHashMap.newKeySet();

  /** The source's rows of a table, in key order. */
  private static List<Object[]> sourceRows(String table) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(new Object[] {String.format("%08d-d9cb-469f-a165-%012d", TABLES.indexOf(table), i), i % 2 == 0 ? "1" : "0"});
    }
    return rows;
  }

  private TransferTablesReport transfer() {
    StorePlanPort plans = new StorePlanPort() {
      @Override
      public String save(MigrationPlan saved) {
        return "plan.json";
      }

      @Override
      public Optional<MigrationPlan> load() {
        return Optional.of(plan);
      }
    };
    StreamSourceRowsPort snapshots = readers -> new StreamSourceRowsPort.Snapshot() {
      @Override
      public int readers() {
        return readers;
      }

      @Override
      public String description() {
        return "test snapshot";
      }

      @Override
      public long stream(StreamSourceRowsPort.TableRead table, Consumer<Object[]> sink) {
        reads.add(table.table() + " " + table.range().describe());
        long count = 0;
        for (Object[] row : sourceRows(table.table())) {
          String id = (String) row[0];
          StreamSourceRowsPort.KeyRange range = table.range();
          if ((range.from() == null || id.compareTo((String) range.from()) >= 0)
              && (range.to() == null || id.compareTo((String) range.to()) < 0)) {
            sink.accept(row);
            count++;
          }
        }
        return count;
      }

      @Override
      public List<StreamSourceRowsPort.KeyRange> split(StreamSourceRowsPort.TableRead table, int ranges) {
        List<StreamSourceRowsPort.KeyRange> split = new ArrayList<>();
        Object from = null;
        for (int i = 1; i < ranges; i++) {
          Object to = sourceRows(table.table()).get(i * ROWS / ranges)[0];
          split.add(new StreamSourceRowsPort.KeyRange(from, to));
          from = to;
        }
        split.add(new StreamSourceRowsPort.KeyRange(from, null));
        return split;
      }

      @Override
      public void close() {}
    };
    InMemoryFiles tableFiles = new InMemoryFiles();
    StoreManifestPort store = new StoreManifestPort() {
      @Override
      public synchronized String save(Manifest manifest, String fileName) {
        manifests.put(fileName, manifest);
        return fileName;
      }

      @Override
      public synchronized Optional<Stored> latest() {
        return manifests.entrySet().stream().reduce((a, b) -> b).map(e -> new Stored(e.getValue(), e.getKey()));
      }
    };
    RecordValidationPort verdicts = new RecordValidationPort() {
      @Override
      public void save(Verdict saved) {
        verdict.set(saved);
      }

      @Override
      public Optional<Verdict> latest() {
        return Optional.ofNullable(verdict.get());
      }
    };
    RecordImportPort journal = new InMemoryImports() {
      @Override
      public void markSynced(String migrationId, List<dev.converge.domain.manifest.TableManifest> tables) {
        throw new AssertionError("migrate never syncs");
      }
    };
    ReportProgressPort silent = new ReportProgressPort() {
      @Override
      public void started(String table, long estimatedRows) {}

      @Override
      public void progressed(String table, long rows, long bytes) {}

      @Override
      public void finished(String table, long rows, long bytes, Duration elapsed) {}

      @Override
      public ReportProgressPort stage(String stage) {
        return new ReportProgressPort() {
          private final Map<String, Long> shown = new ConcurrentHashMap<>();

          @Override
          public void started(String table, long estimatedRows) {
            bars.add(stage + " started " + table + " " + estimatedRows);
          }

          @Override
          public void progressed(String table, long rows, long bytes) {
            long before = shown.getOrDefault(table, 0L);
            if (rows < before || bytes <= 0) {
              bars.add(stage + " went back " + table + " " + rows + " after " + before);
            }
            shown.put(table, rows);
          }

          @Override
          public void finished(String table, long rows, long bytes, Duration elapsed) {
            bars.add(stage + " finished " + table + " " + rows + (shown.getOrDefault(table, 0L) == rows ? "" : " (bar at "
                + shown.get(table) + ")"));
          }
        };
      }
    };
    DatabaseEndpoint endpoint = new DatabaseEndpoint("h", 1, "app", "u", "secret");
    ConnectionSettings settings = new ConnectionSettings(endpoint, endpoint, "public", workDirectory);
    Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC);
    ExportTablesService export = new ExportTablesService(plans, () -> source, () -> target, snapshots, Optional::empty,
        tableFiles, store, silent, settings, clock, new InMemoryChanges(), new InMemoryLookups(), (table, columns, rows) -> 0);
    ValidateFilesService validation = new ValidateFilesService(plans, store, tableFiles, verdicts, clock);
    ImportTablesService imports = new ImportTablesService(plans, store, verdicts, () -> target, new FakeTarget(),
        List::of, journal, tableFiles, silent, settings, Optional::empty, new InMemorySchemaRows());
    return new TransferTablesService(plans, export, validation, imports, silent, workDirectory, clock).transfer(
        new TransferTablesCommand(new Parallelism(2), new Parallelism(2), 200, 5, false, false), new TransferTablesUseCase.Stages() {
          @Override
          public void exported(ExportTablesReport report, Instant at, Map<String, Duration> tables) {
            stages.add("exported " + report.manifest().complete());
          }

          @Override
          public void validated(ValidateFilesReport report, Instant at, Map<String, Duration> tables) {
            stages.add("validated " + report.passed());
          }
        });
  }

  @Test
  void everyTableArrivesPartByPartInOneCommitAndTheVerdictAndJournalAreWhatThePhasesLeave() {
    TransferTablesReport report = assertTimeoutPreemptively(Duration.ofSeconds(30), this::transfer);
    Manifest manifest = report.export().manifest();
    assertTrue(manifest.complete());
    for (String table : TABLES) {
      TableManifest exported = manifest.table(table).orElseThrow();
      assertTrue(exported.files().size() > 2, table + " in parts: " + exported.files());
      if (table.equals("alpha")) {
        // Its two ranges' parts come from two readers at once: every one, in one transaction, in any order.
        assertEquals(Set.copyOf(exported.files().stream().map(TableManifest.DataFile::name).toList()),
            Set.copyOf(copied.get(table)), table + ": every part in its one transaction");
        assertEquals(exported.files().size(), copied.get(table).size());
      } else {
        assertEquals(exported.files().stream().map(TableManifest.DataFile::name).toList(), copied.get(table),
            table + ": every part, in order, in its one transaction");
      }
      assertEquals(ROWS, committed.get(table));
      dev.converge.domain.plan.RowDigest whole = new dev.converge.domain.plan.RowDigest(plan.table(table).orElseThrow());
      sourceRows(table).forEach(whole::add);
      assertEquals(whole.checksum().hex(), exported.contentChecksum(), table + ": the checksum of the table read whole");
      assertEquals(ROWS, exported.rows());
    }
    assertEquals(List.of("alpha [00000000-d9cb-469f-a165-000000000010, …)",
        "alpha […, 00000000-d9cb-469f-a165-000000000010)"), reads.stream().filter(r -> r.startsWith("alpha")).sorted().toList(),
        "alpha, the largest, read as two key ranges (one per reader)");
    assertTrue(reads.containsAll(List.of("beta […, …)", "gamma […, …)")), reads.toString());
    assertEquals(Set.copyOf(TABLES), settled, "each table's sequences and statistics done in its lane");
    assertEquals(List.of(), finishedWith, "nothing left for the finish");
    assertTrue(finished.get(), "foreign keys back once every table is in");
    RecordValidationPort.Verdict saved = verdict.get();
    assertTrue(saved.passed());
    assertEquals(manifest.migrationId(), saved.migrationId());
    assertEquals(manifest.exportFinished(), saved.exportFinished(), "the verdict is on the finished manifest");
    assertEquals(List.of("exported true", "validated true"), stages);
    assertEquals(3 * ROWS, report.imported().rows());
  }

  @Test
  void aPartChangedAfterItsExportIsRefusedByItsLoadAndItsTableIsNeverCommitted() {
    tampered.add("beta_20261122_101530.2.csv");
    ConvergeException failure = assertThrows(ConvergeException.class,
        () -> assertTimeoutPreemptively(Duration.ofSeconds(30), this::transfer));
    assertEquals(ErrorCode.IMPORT, failure.code());
    assertTrue(failure.getMessage().contains("table beta") && failure.getMessage().contains("beta_20261122_101530.2.csv")
        && failure.getMessage().contains("SHA-256"), failure.getMessage());
    assertFalse(committed.containsKey("beta"), "a table with a changed part is never committed");
    assertFalse(finished.get());
  }

  @Test
  void aPartGoneBeforeItsCheckFailsValidationAndItsTableIsNeverCommitted() {
    vanished.add("gamma_20261122_101530.3.csv");
    ConvergeException failure = assertThrows(ConvergeException.class,
        () -> assertTimeoutPreemptively(Duration.ofSeconds(30), this::transfer));
    assertEquals(ErrorCode.VALIDATION, failure.code());
    assertTrue(failure.getMessage().contains("table gamma") && failure.getMessage().contains("gamma_20261122_101530.3.csv")
        && failure.getMessage().contains("missing"), failure.getMessage());
    assertFalse(committed.containsKey("gamma"), "a table with a missing part is never committed");
    assertTrue(verdict.get() == null, "no verdict on files that did not all pass");
    assertFalse(finished.get());
  }

  @Test
  void theValidationAndTheLoadOfEveryTableHaveTheirOwnBarThatEndsAtTheTablesRows() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), this::transfer);
    for (String table : TABLES) {
      long estimated = table.equals("alpha") ? 10 * KeyRangeReads.SPLIT_ROWS : ROWS;
      for (String stage : List.of("validate", "import")) {
        assertTrue(bars.contains(stage + " started " + table + " " + estimated), stage + " " + table + ": " + bars);
        assertTrue(bars.contains(stage + " finished " + table + " " + ROWS), stage + " " + table + ": " + bars);
      }
    }
    assertEquals(4 * TABLES.size(), bars.size(), "a bar never goes back, and ends at the rows it finished with: " + bars);
  }

  @Test
  void theChecksOfMigrateReadNoExportedByteOnlyTheLoadDoes() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), this::transfer);
    assertEquals(List.of(), fileReads, "the pipeline's checks parse no part again");
  }

  @Test
  void aRowTheTargetRefusesIsTheReportedFailureAndNothingOfItsTableIsCommitted() {
    refused.add("gamma");
    ConvergeException failure = assertThrows(ConvergeException.class,
        () -> assertTimeoutPreemptively(Duration.ofSeconds(30), this::transfer));
    assertEquals(ErrorCode.IMPORT, failure.code());
    assertTrue(failure.getMessage().contains("gamma refused"), failure.getMessage());
    assertFalse(committed.containsKey("gamma"));
    assertFalse(finished.get());
  }

  /** The work directory's files in memory, in converge's dialect reduced to what these rows need. */
  private final class InMemoryFiles implements WriteTableFilesPort, ReadTableFilesPort {

    @Override
    public TableFile create(String fileName, List<String> header) {
      StringBuilder content = new StringBuilder(String.join(",", header)).append('\n');
      return new TableFile() {
        private long rows;

        @Override
        public void write(String[] values) {
          content.append(String.join(",", values)).append('\n');
          rows++;
        }

        @Override
        public long bytes() {
          return content.length();
        }

        @Override
        public WrittenTableFile finish() {
          files.put(fileName, content.toString());
          return new WrittenTableFile(fileName, rows, content.length(), digest(content.toString()));
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public void delete(String fileName) {
      files.remove(fileName);
    }

    @Override
    public List<String> names() {
      return List.copyOf(files.keySet());
    }

    @Override
    public Optional<String> sha256(String fileName) {
      return Optional.ofNullable(files.get(fileName)).map(TransferTablesServiceTest::digest);
    }

    @Override
    public boolean exists(String fileName) {
      return files.containsKey(fileName) && !vanished.contains(fileName);
    }

    @Override
    public List<String> header(String fileName) {
      return Arrays.asList(files.get(fileName).split("\n")[0].split(","));
    }

    @Override
    public Read read(String fileName, Consumer<Row> rows) {
      fileReads.add(fileName);
      String[] lines = files.get(fileName).split("\n");
      for (int i = 1; i < lines.length; i++) {
        rows.accept(new Row(i + 1, lines[i].split(",")));
      }
      return new Read(lines.length - 1, tampered.contains(fileName) ? digest("changed") : digest(files.get(fileName)));
    }
  }

  /** The target: a load takes every part its table is given, and commits only when there is none left. */
  private final class FakeTarget implements LoadTargetTablesPort {

    @Override
    public LoadSession open(ForeignKeyStrategy strategy, List<String> tables) {
      return new LoadSession() {
        @Override
        public long load(TableLoad table, java.util.function.LongConsumer sent) {
          List<String> parts = new ArrayList<>();
          long rows = 0;
          try {
            Optional<Part> part;
            while ((part = table.parts().next()).isPresent()) {
              if (refused.contains(table.table())) {
                throw new ConvergeException(ErrorCode.IMPORT, table.table() + " refused");
              }
              String name = part.get().file().getFileName().toString();
              // As PostgresCopyAdapter does: the digest of the bytes sent against the manifest's.
              String sentDigest = tampered.contains(name) ? digest("changed") : digest(files.get(name));
              if (!sentDigest.equals(part.get().sha256())) {
                throw new ConvergeException(ErrorCode.IMPORT, "table " + table.table() + ": " + name + " changed since"
                    + " it was exported: the bytes sent have SHA-256 " + sentDigest);
              }
              parts.add(name);
              rows += part.get().rows();
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConvergeException(ErrorCode.IMPORT, table.table() + ": cancelled", e);
          }
          copied.put(table.table(), parts);
          committed.put(table.table(), rows);
          return rows;
        }

        @Override
        public void settle(String table) {
          settled.add(table);
        }

        @Override
        public void finish(List<String> tables) {
          finishedWith.addAll(tables);
          finished.set(true);
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public void emptyTables(List<String> tables) {}
  }

  private static String digest(String content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

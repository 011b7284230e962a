package dev.converge.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.application.port.in.Parallelism;
import dev.converge.application.port.in.VerifyMigrationCommand;
import dev.converge.application.port.in.VerifyMigrationReport;
import dev.converge.application.port.in.VerifyMigrationReport.Check;
import dev.converge.application.port.in.VerifyMigrationReport.TableVerdict;
import dev.converge.application.port.out.CheckTargetIntegrityPort;
import dev.converge.application.port.out.ReadTableFilesPort;
import dev.converge.application.port.out.ReadTargetRowsPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.manifest.StreamedRowHashes;
import dev.converge.domain.plan.RowDigest;
import dev.converge.domain.manifest.TableManifest;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.MigrationPlanner;
import dev.converge.domain.plan.PlanSettings;
import dev.converge.domain.schema.ForeignKey;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.SourceTable;
import dev.converge.domain.schema.TargetColumn;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import dev.converge.domain.verification.RowDivergence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Verify's three-way comparison of source, export and target, with hand-written fakes of every out-port. */
class VerifyMigrationServiceTest {

  private static final SourceColumn ID = new SourceColumn("id", 1, "char", "char(36)", false, 36L, null, null, null,
      false, false, false, "utf8mb4_0900_ai_ci", List.of());
  private static final SourceColumn FLAG = new SourceColumn("isOpen", 2, "tinyint", "tinyint", false, null, 3, 0, null,
      false, false, false, null, List.of());
  private static final TargetColumn UUID = new TargetColumn("id", 1, "uuid", "uuid", null, null, null, false, false, false,
      null, false, List.of(), false);
  private static final TargetColumn BOOL = new TargetColumn("isOpen", 2, "bool", "boolean", null, null, null, false, false,
      false, null, false, List.of(), false);
  private static final String FILE = "space_20261121_101530.csv";

  private final SourceSchema sourceSchema = new SourceSchema("app", "8.0.31",
      List.of(new SourceTable("space", List.of(ID, FLAG), List.of("id"), List.of(), List.of(), 4)));
  private final TargetSchema targetSchema = new TargetSchema("public", "17.5",
      List.of(new TargetTable("space", List.of(UUID, BOOL), List.of("id"), List.of(), List.of(), List.of(), List.of())));
  private MigrationPlan plan;

  /** The source now: MySQL's text, upper-case uuids (converted to lower case on the way, as export does). */
  private final List<Object[]> sourceRows = new ArrayList<>(List.of(
      new Object[] {key(1).toUpperCase(), "1"}, new Object[] {key(2).toUpperCase(), "0"},
      new Object[] {key(3).toUpperCase(), "1"}, new Object[] {key(4).toUpperCase(), "0"}));
  /** The export's CSV rows, written from the source as it was. */
  private final List<String[]> exportRows = new ArrayList<>();
  /** The target: PostgreSQL's own text. */
  private final List<String[]> targetRows = new ArrayList<>();
  private Manifest manifest;
  private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong sourceRowsStreamed = new java.util.concurrent.atomic.AtomicLong();
  private long memoryBudget = VerifyMigrationCommand.DEFAULT_MEMORY_BUDGET;
  private Runnable sourceStarts = () -> {};
  private Runnable targetStarts = () -> {};
  private String markdown;
  private Object json;

  VerifyMigrationServiceTest() {
    migrate(PlanSettings.defaults());
  }

  /** Plans with {@code settings}, then exports the source as it is now and loads the target from the export. */
  private void migrate(PlanSettings settings) {
    plan = new MigrationPlanner(settings).plan(sourceSchema, targetSchema, Map.of(), true);
    exportRows.clear();
    targetRows.clear();
    RowDigest digest = new RowDigest(plan.tables().get(0));
    for (Object[] row : sourceRows) {
      exportRows.add(digest.add(row).clone());
    }
    for (String[] row : exportRows) {
      targetRows.add(new String[] {row[0], row[1].equals("true") ? "t" : "f"});
    }
    manifest = new Manifest("m-1", "mysql", "postgres", plan.sourceFingerprint(), plan.targetFingerprint(), java.time.Instant.EPOCH,
        java.time.Instant.EPOCH.plusSeconds(60),
        true, List.of(new TableManifest("space", "space", List.of(), List.of(new TableManifest.DataFile(FILE, 4, 100, "x")),
            digest.checksum().rows(), digest.checksum().hex(), "snapshot", null)));
  }

  private static String key(int n) {
    return "0f8fad5b-d9cb-469f-a165-70867728950" + n;
  }

  private VerifyMigrationReport verify() {
    StorePlanPort plans = new StorePlanPort() {
      @Override
      public String save(MigrationPlan saved) {
        throw new AssertionError("verify never saves a plan");
      }

      @Override
      public Optional<MigrationPlan> load() {
        return Optional.of(plan);
      }
    };
    StoreManifestPort manifests = new StoreManifestPort() {
      @Override
      public String save(Manifest saved, String fileName) {
        throw new AssertionError("verify never saves a manifest");
      }

      @Override
      public Optional<Stored> latest() {
        return Optional.of(new Stored(manifest, "migration_manifest.json"));
      }
    };
    StreamSourceRowsPort source = readers -> new StreamSourceRowsPort.Snapshot() {
      @Override
      public int readers() {
        return readers;
      }

      @Override
      public String description() {
        return "test snapshot";
      }

      @Override
      public long stream(StreamSourceRowsPort.TableRead table, Consumer<Object[]> rows) {
        StreamSourceRowsPort.KeyRange range = table.range();
        reads.computeIfAbsent("source " + table.table() + (range == StreamSourceRowsPort.KeyRange.ALL ? "" : " range"),
            name -> new AtomicInteger()).incrementAndGet();
        sourceStarts.run();
        Object[] reused = new Object[2];
        long count = 0;
        // The rows are held in key order, as the source streams them; a range is [from, to) of the key.
        for (Object[] row : sourceRows) {
          String rowKey = (String) row[0];
          if (range.from() != null && rowKey.compareTo((String) range.from()) < 0
              || range.to() != null && rowKey.compareTo((String) range.to()) >= 0) {
            continue;
          }
          System.arraycopy(row, 0, reused, 0, 2);
          rows.accept(reused);
          count++;
        }
        sourceRowsStreamed.addAndGet(count);
        return count;
      }

      @Override
      public void close() {}
    };
    ReadTargetRowsPort target = (table, columns, rows) -> {
      reads.computeIfAbsent("target " + table, name -> new AtomicInteger()).incrementAndGet();
      targetStarts.run();
      String[] reused = new String[2];
      for (String[] row : targetRows) {
        System.arraycopy(row, 0, reused, 0, 2);
        rows.accept(reused);
      }
      return targetRows.size();
    };
    CheckTargetIntegrityPort integrity = new CheckTargetIntegrityPort() {
      @Override
      public Orphans orphans(String table, ForeignKey foreignKey, int examples) {
        throw new AssertionError("no foreign keys");
      }

      @Override
      public SequenceState sequence(String table, String column, String sequence) {
        throw new AssertionError("no sequences");
      }
    };
    ReadTableFilesPort files = new ReadTableFilesPort() {
      @Override
      public boolean exists(String fileName) {
        return fileName.equals(FILE);
      }

      @Override
      public List<String> header(String fileName) {
        return List.of("id", "isOpen");
      }

      @Override
      public Read read(String fileName, Consumer<Row> rows) {
        reads.computeIfAbsent("file " + fileName, name -> new AtomicInteger()).incrementAndGet();
        long line = 1;
        for (String[] row : exportRows) {
          rows.accept(new Row(++line, row.clone()));
        }
        return new Read(exportRows.size(), "x");
      }
    };
    return new VerifyMigrationService(plans, manifests, source, target, () -> targetSchema, integrity,
        (name, text, report) -> {
          markdown = text;
          json = report;
          return name + ".md";
        }, files, location -> {
          throw new AssertionError("no checklist");
        }, (database, sql, timeout, rows) -> {
          throw new AssertionError("no checklist");
        }, (sql, timeout, rows) -> {
          throw new AssertionError("no checklist");
        }, Optional::empty, changes, lookups, imports)
        .verify(new VerifyMigrationCommand(5, List.of(), Map.of(), Duration.ofSeconds(5), new Parallelism(2),
            memoryBudget));
  }

  private final InMemoryChanges changes = new InMemoryChanges();
  private final InMemoryImports imports = new InMemoryImports();
  private final InMemoryLookups lookups = new InMemoryLookups();

  private static Check check(VerifyMigrationReport report, String name) {
    return report.checks().stream().filter(check -> check.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void anUntouchedMigrationPassesThreeWaysReadingTheSourceAndTheTargetOnceEach() {
    VerifyMigrationReport report = verify();

    assertTrue(report.passed(), report.checks().toString());
    assertEquals(List.of("row count", "source content", "content checksum"),
        report.checks().stream().map(Check::name).toList());
    TableVerdict space = report.tables().get(0);
    assertEquals(space.export(), space.source());
    assertEquals(space.export(), space.target());
    assertEquals(4, space.source().rows());
    assertEquals(new VerifyMigrationReport.SourceChanges(0, 0, 0), space.sourceChanges());
    assertTrue(space.passed());
    assertTrue(space.differences().isEmpty());
    assertEquals(1, reads.get("source space").get());
    assertEquals(1, reads.get("target space").get());
    assertEquals(null, reads.get("file " + FILE), "a source equal to its export: the export's files are not read");
    assertEquals(VerifyMigrationReport.Decided.NONE, space.decided(), "no decision: nothing expected");
    assertTrue(markdown.contains("| space | 4 | 4 | 4 | 0 | 0 | 0 | `" + space.source().checksum() + "` |"), markdown);
    assertEquals(report.tables(), ((VerifyMigrationReport) json).tables(), "the JSON carries the sides as fields");
  }

  @Test
  void aSourceRowChangedOneDeletedAndOneInsertedSinceTheExportAreNamedAsChangedInTheSource() {
    sourceRows.set(0, new Object[] {key(1).toUpperCase(), "0"});
    sourceRows.remove(1);
    sourceRows.add(new Object[] {key(9).toUpperCase(), "1"});

    VerifyMigrationReport report = verify();

    assertFalse(report.passed());
    assertTrue(check(report, "row count").passed(), "one deleted and one inserted: the counts agree");
    assertTrue(check(report, "content checksum").passed(), "the target still equals the export");
    Check sourceContent = check(report, "source content");
    assertFalse(sourceContent.passed());
    String detail = sourceContent.detail();
    assertTrue(detail.contains("since the export the source changed 1, inserted 1 and deleted 1 row(s)"), detail);
    assertTrue(detail.contains("id=" + key(1) + ": changed in the source since the export"
        + " (isOpen: source 'f', export 't', target 't')"), detail);
    assertTrue(detail.contains("id=" + key(9) + ": inserted in the source since the export"
        + " (in the source, not in the export or the target)"), detail);
    assertTrue(detail.contains("id=" + key(2) + ": deleted in the source since the export"
        + " (in the export and the target, not in the source)"), detail);
    TableVerdict space = report.tables().get(0);
    assertEquals(new VerifyMigrationReport.SourceChanges(1, 1, 1), space.sourceChanges());
    assertEquals(3, space.differences().size());
    RowDivergence changed = space.differences().stream().filter(row -> row.key().equals(List.of(key(1))))
        .findFirst().orElseThrow();
    assertEquals(List.of(RowDivergence.Kind.CHANGED_IN_SOURCE), changed.kinds());
    assertEquals(List.of(new RowDivergence.ColumnValues("isOpen", "f", "t", "t")), changed.columns());
    assertEquals(1, reads.get("source space").get(), "read once: the changes are found from the hashes it kept");
    assertEquals(1, reads.get("source space range").get(), "the one chunk holding the rows to show, read back");
    assertEquals(1, reads.get("target space").get(), "the target equals the export: not read again for its values");
  }

  @Test
  void aLargeTableThatChangedIsReadOnceAndOnlyTheChunkHoldingTheChangedRowIsReadBack() {
    manyRows(10_000);
    sourceRows.set(9_000, new Object[] {manyKey(9_000).toUpperCase(), "1"});

    VerifyMigrationReport report = verify();

    Check sourceContent = check(report, "source content");
    assertFalse(sourceContent.passed());
    assertTrue(sourceContent.detail().contains("id=" + manyKey(9_000) + ": changed in the source since the export"
        + " (isOpen: source 't', export 'f', target 'f')"), sourceContent.detail());
    assertEquals(new VerifyMigrationReport.SourceChanges(1, 0, 0), report.tables().get(0).sourceChanges());
    assertEquals(1, reads.get("source space").get());
    assertEquals(1, reads.get("source space range").get());
    assertEquals(10_000 + (10_000 - 2 * StreamedRowHashes.CHUNK_ROWS), sourceRowsStreamed.get(),
        "the whole table once, then only the last chunk (rows 8,192 to 9,999), which holds the changed row");
  }

  @Test
  void aChangedTableLargerThanItsShareOfTheMemoryBudgetIsReadASecondTimeToNameItsRows() {
    manyRows(70_000);
    sourceRows.set(5, new Object[] {manyKey(5).toUpperCase(), "1"});
    sourceRows.remove(6);
    memoryBudget = 1L << 20; // 65,536 rows of 16 bytes for the one table read at a time

    VerifyMigrationReport report = verify();

    Check sourceContent = check(report, "source content");
    assertTrue(sourceContent.detail().contains("id=" + manyKey(5) + ": changed in the source since the export"),
        sourceContent.detail());
    assertTrue(sourceContent.detail().contains("id=" + manyKey(6) + ": deleted in the source since the export"),
        sourceContent.detail());
    assertEquals(new VerifyMigrationReport.SourceChanges(1, 0, 1), report.tables().get(0).sourceChanges());
    assertEquals(2, reads.get("source space").get(), "too large to keep its hashes: read again, by key");
    assertEquals(null, reads.get("source space range"));
  }

  @Test
  void aSyncedTableTooLargeForTheMemoryBudgetSaysWhyItsRowsAreNotNamed() {
    manyRows(70_000);
    imports.markSynced("m-1", List.of(manifest.tables().get(0)));
    targetRows.get(3)[1] = "t";
    memoryBudget = 1L << 20;

    VerifyMigrationReport report = verify();

    Check content = check(report, "content checksum");
    assertFalse(content.passed());
    assertTrue(content.detail().contains("the table is too large for its share of --memory-budget to be compared by"
        + " key"), content.detail());
    assertEquals(List.of(), report.tables().get(0).differences());
  }

  @Test
  void aSyncedTableWhoseSourceCanNoLongerBeConvertedSaysSoNotThatItIsTooLarge() {
    imports.markSynced("m-1", List.of(manifest.tables().get(0)));
    sourceRows.set(1, new Object[] {key(2).toUpperCase(), "2"});

    VerifyMigrationReport report = verify();

    Check sourceContent = check(report, "source content");
    assertFalse(sourceContent.passed());
    assertTrue(sourceContent.detail().contains("cannot convert"), sourceContent.detail());
    assertFalse(report.tables().get(0).note() != null && report.tables().get(0).note().contains("memory-budget"),
        report.tables().get(0).note());
  }

  /** A source of {@code count} rows in key order (every isOpen false), exported and loaded. */
  private void manyRows(int count) {
    sourceRows.clear();
    for (int i = 0; i < count; i++) {
      sourceRows.add(new Object[] {manyKey(i).toUpperCase(), "0"});
    }
    migrate(PlanSettings.defaults());
  }

  private static String manyKey(int n) {
    return "0f8fad5b-d9cb-469f-a165-" + String.format(java.util.Locale.ROOT, "%012d", n);
  }

  @Test
  void aTableSyncedAfterTheExportIsComparedWithTheSourceAsTheSyncReadItNotWithThePreCopysFiles() {
    // The source changed after the export (the pre-copy); sync made the target equal to it and journaled what it read.
    sourceRows.set(0, new Object[] {key(1).toUpperCase(), "0"});
    targetRows.get(0)[1] = "f";
    RowDigest digest = new RowDigest(plan.tables().get(0));
    sourceRows.forEach(digest::add);
    String sync = "synced at 2026-12-03T07:00:00Z from test snapshot";
    imports.markSynced("m-1", List.of(new TableManifest("space", "space", List.of(), List.of(),
        digest.checksum().rows(), digest.checksum().hex(), sync, null)));

    VerifyMigrationReport report = verify();

    assertTrue(report.passed(), report.checks().toString());
    assertEquals(sync, report.tables().get(0).synced());
    assertTrue(check(report, "source content").detail().contains(", sync " + digest.checksum().hex()),
        check(report, "source content").detail());
    assertTrue(markdown.contains("**Synced:** 1 of 1 table(s) were synced after the export"), markdown);
    assertTrue(markdown.contains("| space (synced) |"), markdown);

    targetRows.get(1)[1] = "t";
    targetRows.remove(3);
    targetRows.add(new String[] {key(7), "f"});
    reads.clear();
    VerifyMigrationReport altered = verify();

    assertFalse(altered.passed());
    assertTrue(check(altered, "source content").passed(), "the source is still what the sync read");
    Check content = check(altered, "content checksum");
    assertFalse(content.passed());
    String detail = content.detail();
    assertTrue(detail.contains("id=" + key(2) + ": altered in the target (isOpen: source 'f', sync 'f', target 't')"),
        detail);
    assertTrue(detail.contains("id=" + key(4) + ": deleted in the target since the sync"
        + " (in the source and the sync, not in the target)"), detail);
    assertTrue(detail.contains("id=" + key(7) + ": added in the target (in the target, not in the source or the sync)"),
        detail);
    assertTrue(markdown.contains("altered in the target (isOpen: source 'f', sync 'f', target 't')"), markdown);
    assertEquals(1, reads.get("source space").get(), "the source is read once; its rows to show are read back by range");
    assertEquals(1, reads.get("source space range").get());
    assertEquals(null, reads.get("file " + FILE), "the pre-copy's files are not read");
  }

  @Test
  void aSourceThatMovedSinceTheSyncIsNamedByKeyAgainstTheTargetTheSyncLeft() {
    RowDigest digest = new RowDigest(plan.tables().get(0));
    sourceRows.forEach(digest::add);
    String sync = "synced at 2026-12-03T07:00:00Z from test snapshot";
    imports.markSynced("m-1", List.of(new TableManifest("space", "space", List.of(), List.of(),
        digest.checksum().rows(), digest.checksum().hex(), sync, null)));
    sourceRows.set(0, new Object[] {key(1).toUpperCase(), "0"});
    sourceRows.remove(1);
    sourceRows.add(new Object[] {key(9).toUpperCase(), "1"});

    VerifyMigrationReport report = verify();

    assertTrue(check(report, "content checksum").passed(), "the target is what the sync left");
    Check sourceContent = check(report, "source content");
    assertFalse(sourceContent.passed());
    String detail = sourceContent.detail();
    assertTrue(detail.contains("since the sync the source changed 1, inserted 1 and deleted 1 row(s)"), detail);
    assertTrue(detail.contains("id=" + key(1) + ": changed in the source since the sync"
        + " (isOpen: source 'f', sync 't', target 't')"), detail);
    assertTrue(detail.contains("id=" + key(9) + ": inserted in the source since the sync"
        + " (in the source, not in the sync or the target)"), detail);
    assertTrue(detail.contains("id=" + key(2) + ": deleted in the source since the sync"
        + " (in the sync and the target, not in the source)"), detail);

    targetRows.get(2)[1] = "f";
    VerifyMigrationReport both = verify();

    assertFalse(both.passed());
    assertTrue(check(both, "content checksum").detail().contains("both the source and the target moved since the sync"),
        check(both, "content checksum").detail());
  }

  @Test
  void aTargetRowAlteredAndOneLostAreNamedAsAlteredInTheTargetAndLostInTheLoad() {
    targetRows.set(2, new String[] {key(3), "f"});
    targetRows.remove(3);

    VerifyMigrationReport report = verify();

    assertTrue(check(report, "source content").passed());
    assertFalse(check(report, "row count").passed());
    Check content = check(report, "content checksum");
    assertFalse(content.passed());
    assertTrue(content.detail().contains("id=" + key(3) + ": altered in the target"
        + " (isOpen: source 't', export 't', target 'f')"), content.detail());
    assertTrue(content.detail().contains("id=" + key(4) + ": lost in the load"
        + " (in the source and the export, not in the target)"), content.detail());
    assertEquals(1, reads.get("source space").get());
  }

  @Test
  void aSourceValueThePlanCannotConvertAnyMoreFailsTheSourceCheckNamingKeyColumnAndValue() {
    sourceRows.set(1, new Object[] {key(2).toUpperCase(), "2"});

    VerifyMigrationReport report = verify();

    Check sourceContent = check(report, "source content");
    assertFalse(sourceContent.passed());
    assertTrue(sourceContent.detail().contains("the source now holds a value the plan cannot convert: table space, row id='"
        + key(2).toUpperCase() + "', column isOpen: value '2' rejected"), sourceContent.detail());
    assertFalse(check(report, "row count").passed(), "the source was not read to its end");
    assertNotNull(report.tables().get(0).sourceFailure());
    assertNull(report.tables().get(0).sourceChanges());
    assertTrue(check(report, "content checksum").passed());
  }

  @Test
  void aValueAPolicyOfThePlanChangedAtTheExportIsChangedAlikeAgainAndIsNoDifference() {
    sourceRows.set(1, new Object[] {key(2).toUpperCase(), "2"});
    migrate(new PlanSettings(Map.of(), java.util.Set.of(), new ValuePolicies(ValuePolicies.BooleanPolicy.NONZERO_IS_TRUE,
        ValuePolicies.ZeroDatePolicy.REJECT, ValuePolicies.NulBytePolicy.REJECT, ValuePolicies.OverlongPolicy.REJECT,
        ValuePolicies.InvalidUuidPolicy.REJECT), Map.of(), Map.of()));

    VerifyMigrationReport report = verify();

    assertEquals("true", exportRows.get(1)[1], "the policy mapped 2 to true at the export");
    assertTrue(report.passed(), report.checks().toString());
    assertEquals(new VerifyMigrationReport.SourceChanges(0, 0, 0), report.tables().get(0).sourceChanges());
  }

  @Test
  void theSourceAndTheTargetAreReadAtTheSameTime() {
    CountDownLatch sourceStarted = new CountDownLatch(1);
    CountDownLatch targetStarted = new CountDownLatch(1);
    List<String> waitedInVain = new java.util.concurrent.CopyOnWriteArrayList<>();
    sourceStarts = () -> {
      sourceStarted.countDown();
      awaitOrNote(targetStarted, "the source waited for the target", waitedInVain);
    };
    targetStarts = () -> {
      targetStarted.countDown();
      awaitOrNote(sourceStarted, "the target waited for the source", waitedInVain);
    };

    assertTrue(verify().passed());
    assertEquals(List.of(), waitedInVain);
  }

  private static void awaitOrNote(CountDownLatch latch, String note, List<String> notes) {
    try {
      if (!latch.await(5, TimeUnit.SECONDS)) {
        notes.add(note);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      notes.add(note);
    }
  }
}

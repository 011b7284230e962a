package dev.converge.application.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.application.port.in.Parallelism;
import dev.converge.application.port.in.SyncTablesCommand;
import dev.converge.application.port.in.SyncTablesReport;
import dev.converge.application.port.in.SyncTablesReport.TableSync;
import dev.converge.application.port.in.VerifyMigrationReport.Check;
import dev.converge.application.port.out.ApplyTableChangesPort;
import dev.converge.application.port.out.ApplyTableChangesPort.Applied;
import dev.converge.application.port.out.CheckTargetIntegrityPort;
import dev.converge.application.port.out.LoadTargetTablesPort;
import dev.converge.application.port.out.ReadTargetRowsPort;
import dev.converge.application.port.out.RecordImportPort;
import dev.converge.application.port.out.ReportProgressPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.plan.ForeignKeyStrategy;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.MigrationPlanner;
import dev.converge.domain.plan.PlanSettings;
import dev.converge.domain.plan.RowDecisions;
import dev.converge.domain.schema.ForeignKey;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.SourceTable;
import dev.converge.domain.schema.TargetColumn;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/**
 * sync's delta and proof with hand-written fakes of every out-port: the target is a map of rows in
 * PostgreSQL's text, which the fake apply port changes as PostgreSQL would (export's CSV values in,
 * PostgreSQL's text out).
 */
class SyncTablesServiceTest {

  private static final SourceColumn ID = new SourceColumn("id", 1, "char", "char(36)", false, 36L, null, null, null,
      false, false, false, "utf8mb4_0900_ai_ci", List.of());
  private static final SourceColumn FLAG = new SourceColumn("isOpen", 2, "tinyint", "tinyint", false, null, 3, 0, null,
      false, false, false, null, List.of());
  private static final TargetColumn UUID = new TargetColumn("id", 1, "uuid", "uuid", null, null, null, false, false, false,
      null, false, List.of(), false);
  private static final TargetColumn BOOL = new TargetColumn("isOpen", 2, "bool", "boolean", null, null, null, false, false,
      false, null, false, List.of(), false);

  /** The source: MySQL's text, upper-case uuids (export writes them in lower case). */
  private final List<Object[]> source = new ArrayList<>();
  /** The target by key: PostgreSQL's own text. */
  private final Map<String, String[]> target = new TreeMap<>();
  private boolean primaryKey = true;
  private RowDecisions decisions = RowDecisions.NONE;
  /** changes.csv and quarantine/ as the pre-copy's export left them, and as sync rewrites them. */
  private final InMemoryChanges records = new InMemoryChanges();
  private boolean imported = true;
  private boolean corruptWrites;
  private int loadSessions;
  private final List<String> finished = new ArrayList<>();
  private final List<String> transactions = new ArrayList<>();
  private String markdown;
  private final Map<String, Map<String, dev.converge.domain.manifest.TableManifest>> syncJournal = new TreeMap<>();
  /** Runs after the source's second-last row (streamed in reverse: the row at index 1). */
  private Runnable afterChangedSourceRow = () -> {};
  private int closedUncommitted;
  private int changesOpened;
  /** Run as each side's read of the table begins. */
  private Runnable beforeSourceRead = () -> {};
  private Runnable beforeTargetRead = () -> {};

  SyncTablesServiceTest() {
    for (int n = 1; n <= 6; n++) {
      source.add(new Object[] {key(n).toUpperCase(), n % 2 == 0 ? "1" : "0"});
      target.put(key(n), new String[] {key(n), n % 2 == 0 ? "t" : "f"});
    }
  }

  private static String key(int n) {
    return "0f8fad5b-d9cb-469f-a165-70867728950" + n;
  }

  @Test
  void aTargetEqualToTheSourceIsProvenAndNothingIsWritten() {
    SyncTablesReport report = sync();

    TableSync table = report.tables().get(0);
    assertTrue(report.passed(), table.detail());
    assertEquals(6, table.equalRows());
    assertFalse(table.written());
    assertEquals(List.of(), transactions, "no transaction for a table that is the same");
    assertEquals(0, loadSessions, "no foreign keys touched, no sequences reset");
    assertTrue(markdown.contains("result: **PASS**"), markdown);
  }

  @Test
  void exactlyTheDifferingRowsAreDeletedUpdatedAndInsertedThenProven() {
    source.set(2, new Object[] {key(3).toUpperCase(), "1"});
    source.removeIf(row -> row[0].equals(key(2).toUpperCase()));
    source.add(new Object[] {key(7).toUpperCase(), "1"});
    target.put(key(5), new String[] {key(5), "t"});

    SyncTablesReport report = sync();

    TableSync table = report.tables().get(0);
    assertTrue(report.passed(), table.detail());
    assertEquals(List.of(1L, 2L, 1L, 3L), List.of(table.inserted(), table.updated(), table.deleted(), table.equalRows()),
        table.detail());
    assertEquals(1, transactions.size(), "one transaction for the table");
    List<String> written = new ArrayList<>(List.of(transactions.get(0).substring("space: ".length()).split(", ")));
    Collections.sort(written);
    assertEquals(List.of("put " + key(3), "put " + key(5), "put " + key(7), "remove " + key(2)), written);
    Map<String, String[]> expected = new TreeMap<>();
    for (Object[] row : source) {
      String id = ((String) row[0]).toLowerCase();
      expected.put(id, new String[] {id, row[1].equals("1") ? "t" : "f"});
    }
    assertEquals(text(expected), text(target), "the target equals the source");
    assertEquals(1, loadSessions);
    dev.converge.domain.manifest.TableManifest journaled = syncJournal.get("m-1").get("space");
    assertEquals(List.of(table.sourceRows(), table.sourceChecksum()), List.of(journaled.rows(),
        journaled.contentChecksum()), "the sync journal holds what the target now equals: the source as sync read it");
    assertEquals(List.of(), journaled.files(), "the export's files describe the pre-copy, not the synced table");
    assertEquals(6, journaled.fingerprint().rows(), "a source without a position: the table's fingerprint as read");
    assertEquals(List.of("space"), finished, "the sequences of the written table are reset");

    transactions.clear();
    SyncTablesReport again = sync();
    assertFalse(again.tables().get(0).written(), "a second sync writes nothing");
    assertEquals(List.of(), transactions);
  }

  @Test
  void rowsThatDoNotReadBackAsTheSourcesFailTheProof() {
    source.set(0, new Object[] {key(1).toUpperCase(), "1"});
    corruptWrites = true;

    SyncTablesReport report = sync();

    TableSync table = report.tables().get(0);
    assertFalse(report.passed());
    assertFalse(table.proven());
    assertTrue(table.detail().contains("the 1 rows written read back as 1 rows, checksum"), table.detail());
    assertTrue(markdown.contains("**FAIL**"), markdown);
  }

  @Test
  void aTableWithoutPrimaryKeyIsReloadedWholeWhenItDiffersAndSaysSo() {
    primaryKey = false;
    source.add(new Object[] {key(7).toUpperCase(), "1"});

    SyncTablesReport report = sync();

    TableSync table = report.tables().get(0);
    assertTrue(table.proven(), table.detail());
    assertEquals("no primary key", table.fullReload());
    assertEquals(List.of(7L, 6L), List.of(table.inserted(), table.deleted()));
    assertTrue(table.detail().startsWith("no primary key: reloaded whole"), table.detail());
    assertEquals(7, target.size());

    SyncTablesReport again = sync();
    assertFalse(again.tables().get(0).written(), again.tables().get(0).detail());
    assertTrue(again.tables().get(0).detail().startsWith("no primary key: compared whole, equal"));
  }

  /**
   * Each side's read waits, as it begins, for the other's to begin too: read one after the other, the
   * first side would wait in vain. Returns, per side, whether it met the other.
   */
  private List<Boolean> bothSidesMeet() {
    java.util.concurrent.CountDownLatch bothReading = new java.util.concurrent.CountDownLatch(2);
    List<Boolean> metTheOther = Collections.synchronizedList(new ArrayList<>());
    Runnable meet = () -> {
      bothReading.countDown();
      try {
        metTheOther.add(bothReading.await(10, java.util.concurrent.TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    beforeSourceRead = meet;
    beforeTargetRead = meet;
    return metTheOther;
  }

  @Test
  void theTwoSidesOfATableComparedWholeAreReadAtTheSameTime() {
    primaryKey = false;
    List<Boolean> metTheOther = bothSidesMeet();

    assertTrue(sync().tables().get(0).proven());
    assertEquals(List.of(true, true), metTheOther);
  }

  @Test
  void theTwoSidesOfATableComparedByKeyAreReadAtTheSameTime() {
    List<Boolean> metTheOther = bothSidesMeet();
    source.set(0, new Object[] {key(1).toUpperCase(), "1"});

    TableSync table = sync().tables().get(0);

    assertTrue(table.proven(), table.detail());
    assertEquals(List.of(true, true), metTheOther);
    assertEquals(List.of(0L, 1L, 0L, 5L), List.of(table.inserted(), table.updated(), table.deleted(), table.equalRows()),
        table.detail());
  }

  @Test
  void aTableWhoseKeysDoNotFitWhenReadAtOnceIsRolledBackAndComparedInPasses() {
    // 1 MiB of budget holds about 46,000 keys read at once, 61,000 in passes: 50,000 fit only the latter.
    source.clear();
    target.clear();
    for (int n = 0; n < 50_000; n++) {
      String id = String.format(java.util.Locale.ROOT, "%08x-0000-4000-8000-%012x", n, n);
      source.add(new Object[] {id.toUpperCase(), n == 77 ? "1" : "0"});
      target.put(id, new String[] {id, "f"});
    }

    TableSync table = sync().tables().get(0);

    assertTrue(table.proven(), table.detail());
    assertEquals(List.of(0L, 1L, 0L, 49_999L), List.of(table.inserted(), table.updated(), table.deleted(),
        table.equalRows()), table.detail());
    assertEquals(2, changesOpened, "the attempt with both sides at once was closed uncommitted, then one in passes");
    assertEquals(List.of("space: put 00000077-0000-4000-8000-000000000077".replace("77", "4d")), transactions);
  }

  @Test
  void aTargetSideThatFailsStopsTheTableWithItsOwnFailureAndCommitsNothing() {
    primaryKey = false;
    source.add(new Object[] {key(7).toUpperCase(), "1"});
    beforeTargetRead = () -> {
      throw new ConvergeException(ErrorCode.IMPORT, "the target's read of space failed");
    };

    ConvergeException failed = assertThrows(ConvergeException.class, this::sync);

    assertTrue(failed.getMessage().contains("the target's read of space failed"), failed.getMessage());
    assertEquals(List.of(), transactions, "nothing committed");
  }

  @Test
  void anInterruptedSyncRollsTheOpenTableBackAndCommitsNothing() {
    source.set(0, new Object[] {key(1).toUpperCase(), "1"});
    source.set(1, new Object[] {key(2).toUpperCase(), "0"});
    Thread phase = Thread.currentThread();
    afterChangedSourceRow = () -> {
      // Ctrl-C: the phase's thread is interrupted; the table's worker is then stopped in turn.
      phase.interrupt();
      long until = System.nanoTime() + 5_000_000_000L;
      while (!Thread.currentThread().isInterrupted() && System.nanoTime() < until) {
        Thread.onSpinWait();
      }
    };
    Map<String, List<String>> before = text(target);

    ConvergeException stopped = assertThrows(ConvergeException.class, this::sync);
    Thread.interrupted();

    assertTrue(stopped.getMessage().contains("interrupted; run the phase again"), stopped.getMessage());
    assertEquals(List.of(), transactions, "nothing committed");
    assertEquals(1, closedUncommitted, "the open table's changes were closed (rolled back)");
    assertEquals(before, text(target));
  }

  @Test
  void aRowTheDecisionsSetAsideIsDeletedFromTheTargetAndRecordedOnceAndComesBackWhenItIsClean() {
    decisions = new RowDecisions(Map.of("space", java.util.Set.of(RowDecisions.NOT_NULL)), Map.of());
    // The export recorded an earlier row set aside, which the source has since made clean.
    source.set(0, new Object[] {key(1).toUpperCase(), "1"});
    target.remove(key(1));
    records.quarantined.put("space", new ArrayList<>(List.of(List.of("id='" + key(1).toUpperCase() + "'", "x", "x"))));
    records.changes.add(new dev.converge.domain.plan.ValueChange("space", "id='" + key(1).toUpperCase() + "'", "isOpen",
        "NULL", "(quarantined)", "quarantine: not-null: NULL in a NOT NULL column"));
    // And a row the pre-copy loaded that the source now holds with a NULL the target refuses.
    source.set(3, new Object[] {key(4).toUpperCase(), null});

    SyncTablesReport report = sync();

    TableSync table = report.tables().get(0);
    assertTrue(report.passed(), table.detail() + " " + report.checks());
    assertEquals(List.of(1L, 0L, 1L, 1L), List.of(table.inserted(), table.updated(), table.deleted(),
        table.quarantined()), table.detail());
    assertEquals(Map.of("quarantine: not-null", 1L), table.decided());
    assertFalse(target.containsKey(key(4)), "the row set aside is not in the target");
    assertEquals(List.of("t"), List.of(target.get(key(1))[1]), "the row made clean is loaded");
    assertEquals(List.of("id='" + key(4).toUpperCase() + "'"), records.changes.stream()
        .map(dev.converge.domain.plan.ValueChange::key).toList(), "the records: exactly the row set aside now");
    assertEquals(List.of("id='" + key(4).toUpperCase() + "'", "'" + key(4).toUpperCase() + "'", "NULL"),
        records.quarantined.get("space").get(0), "with every source value");
    Check decided = report.checks().stream().filter(check -> check.name().equals("decided differences")).findFirst()
        .orElseThrow();
    assertTrue(decided.passed() && decided.detail().startsWith("1 row(s) quarantined, not loaded"), decided.detail());

    List<dev.converge.domain.plan.ValueChange> before = List.copyOf(records.changes);
    transactions.clear();
    SyncTablesReport again = sync();
    assertFalse(again.tables().get(0).written(), again.tables().get(0).detail());
    assertEquals(before, records.changes, "a re-run records the same, not twice");
    assertEquals(1, again.tables().get(0).quarantined());
  }

  @Test
  void aDefaultIsWrittenInItsDecidedFormAndRecordedAndTheProofExpectsIt() {
    decisions = new RowDecisions(Map.of(), Map.of("space.isOpen", "1"));
    source.set(1, new Object[] {key(2).toUpperCase(), null});
    target.put(key(2), new String[] {key(2), "f"});

    SyncTablesReport report = sync();

    TableSync table = report.tables().get(0);
    assertTrue(report.passed(), table.detail() + " " + report.checks());
    assertEquals(List.of(0L, 1L, 0L, 1L), List.of(table.inserted(), table.updated(), table.deleted(), table.changed()),
        table.detail());
    assertEquals("t", target.get(key(2))[1], "the default, as PostgreSQL holds it");
    assertEquals(1, records.changes.size(), records.changes.toString());
    assertEquals(List.of("isOpen", "NULL", "'1'", "default"), List.of(records.changes.get(0).column(),
        records.changes.get(0).before(), records.changes.get(0).after(), records.changes.get(0).rule()));
    assertTrue(markdown.contains("as decided: 0 row(s) quarantined, 1 value(s) changed"), markdown);

    assertFalse(sync().tables().get(0).written(), "the decided value is the target's: nothing to write again");
    assertEquals(1, records.changes.size(), "still recorded once");
  }

  @Test
  void aTableThatFailsKeepsItsEarlierRecords() {
    decisions = new RowDecisions(Map.of(), Map.of("space.isOpen", "1"));
    records.changes.add(new dev.converge.domain.plan.ValueChange("space", "id='x'", "isOpen", "NULL", "'1'", "default"));
    source.set(1, new Object[] {key(2).toUpperCase(), null});
    beforeTargetRead = () -> {
      throw new ConvergeException(ErrorCode.IMPORT, "the target's read of space failed");
    };

    assertThrows(ConvergeException.class, this::sync);

    assertEquals(List.of("id='x'"), records.changes.stream().map(dev.converge.domain.plan.ValueChange::key).toList(),
        "nothing committed: the records stay the export's");
    assertEquals(1, records.rewrites, "the rewrite was closed all the same");
  }

  @Test
  void aTargetNeverLoadedIsRefused() {
    imported = false;
    ConvergeException refused = assertThrows(ConvergeException.class, this::sync);
    assertEquals(ErrorCode.CONFIGURATION, refused.code());
    assertTrue(refused.getMessage().contains("the target was never loaded from this work directory"),
        refused.getMessage());
  }

  private static Map<String, List<String>> text(Map<String, String[]> rows) {
    Map<String, List<String>> text = new TreeMap<>();
    rows.forEach((key, row) -> text.put(key, List.of(row)));
    return text;
  }

  private Map<String, dev.converge.domain.plan.ExistingRows> existingRows = PlanSettings.defaults().existingRows();
  private Map<String, Long> keptRows = Map.of();

  @Test
  void aTableWhoseTargetKeepsItsOwnRowsIsRefusedBeforeAnythingIsRead() {
    for (dev.converge.domain.plan.ExistingRows handling : List.of(dev.converge.domain.plan.ExistingRows.KEEP,
        dev.converge.domain.plan.ExistingRows.MERGE_BY_PRIMARY_KEY)) {
      existingRows = Map.of("space", handling);
      keptRows = Map.of("space", 2L);
      ConvergeException refused = assertThrows(ConvergeException.class, this::sync);
      assertTrue(refused.getMessage().startsWith("table space: the target keeps its own 2 row(s) there (--existing-rows space="
          + handling.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "), which sync would delete"),
          refused.getMessage());
    }
    existingRows = Map.of("space", dev.converge.domain.plan.ExistingRows.TRUNCATE);
    assertDoesNotThrow(this::sync, "a truncated table holds only what was loaded");
  }

  private SyncTablesReport sync() {
    SourceSchema sourceSchema = new SourceSchema("app", "8.0.31", List.of(new SourceTable("space", List.of(ID, FLAG),
        primaryKey ? List.of("id") : List.of(), List.of(), List.of(), 4)));
    TargetSchema targetSchema = new TargetSchema("public", "17.5", List.of(new TargetTable("space", List.of(UUID, BOOL),
        primaryKey ? List.of("id") : List.of(), List.of(), List.of(), List.of(), List.of())));
    PlanSettings defaults = PlanSettings.defaults();
    MigrationPlan plan = new MigrationPlanner(new PlanSettings(defaults.excludedTables(), defaults.ignoredColumns(),
        defaults.policies(), defaults.columnPolicies(), existingRows, decisions))
        .plan(sourceSchema, targetSchema, keptRows, true);
    StorePlanPort plans = new StorePlanPort() {
      @Override
      public String save(MigrationPlan saved) {
        throw new AssertionError("sync never saves a plan");
      }

      @Override
      public Optional<MigrationPlan> load() {
        return Optional.of(plan);
      }
    };
    Manifest manifest = new Manifest("m-1", "mysql", "postgres", plan.sourceFingerprint(), plan.targetFingerprint(),
        java.time.Instant.EPOCH, java.time.Instant.EPOCH.plusSeconds(60), true, List.of());
    StoreManifestPort manifests = new StoreManifestPort() {
      @Override
      public String save(Manifest saved, String fileName) {
        throw new AssertionError("sync never saves a manifest");
      }

      @Override
      public Optional<Stored> latest() {
        return Optional.of(new Stored(manifest, "migration_manifest.json"));
      }
    };
    RecordImportPort imports = new RecordImportPort() {
      @Override
      public Map<String, Long> committed(String migrationId) {
        return imported && migrationId.equals("m-1") ? Map.of("space", 6L) : Map.of();
      }

      @Override
      public void markCommitted(String migrationId, String table, long rows) {
        throw new AssertionError("sync never records an import");
      }

      @Override
      public void markSynced(String migrationId, List<dev.converge.domain.manifest.TableManifest> tables) {
        tables.forEach(table -> syncJournal.computeIfAbsent(migrationId, id -> new TreeMap<>())
            .put(table.sourceTable(), table));
      }

      @Override
      public Map<String, dev.converge.domain.manifest.TableManifest> synced(String migrationId) {
        return syncJournal.getOrDefault(migrationId, Map.of());
      }

      @Override
      public void forget(String migrationId) {
        throw new AssertionError("sync never forgets an import");
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
      public long stream(StreamSourceRowsPort.TableRead table, Consumer<Object[]> rows) {
        beforeSourceRead.run();
        // In the reverse of the target's order: the two sides share no order.
        Object[] reused = new Object[2];
        for (int i = source.size() - 1; i >= 0; i--) {
          System.arraycopy(source.get(i), 0, reused, 0, 2);
          rows.accept(reused);
          if (i == 1) {
            afterChangedSourceRow.run();
          }
        }
        return source.size();
      }

      @Override
      public void close() {}
    };
    ReadTargetRowsPort targetRows = (table, columns, rows) -> {
      beforeTargetRead.run();
      for (String[] row : List.copyOf(target.values())) {
        rows.accept(columns.size() == 2 ? row.clone() : new String[] {row[0]});
      }
      return target.size();
    };
    ApplyTableChangesPort changes = change -> new ApplyTableChangesPort.TableChanges() {
      {
        changesOpened++;
      }

      private final List<String[]> put = new ArrayList<>();
      private final List<String> removed = new ArrayList<>();
      private final List<String> touched = new ArrayList<>();
      private boolean committed;

      @Override
      public void put(String[] values) {
        put.add(values.clone());
      }

      @Override
      public void remove(String[] key) {
        removed.add(key[0]);
      }

      @Override
      public Applied commit() {
        List<String> line = new ArrayList<>();
        put.forEach(row -> line.add("put " + row[0]));
        removed.forEach(key -> line.add("remove " + key));
        transactions.add(change.table() + ": " + String.join(", ", line));
        committed = true;
        long deleted = 0;
        long updated = 0;
        if (change.fullReload()) {
          deleted = target.size();
          target.clear();
        }
        for (String key : removed) {
          deleted += target.remove(key) == null ? 0 : 1;
          touched.add(key);
        }
        for (String[] row : put) {
          // export's CSV value of a boolean is true/false; PostgreSQL prints t/f.
          String flag = corruptWrites ? "f" : row[1].equals("true") ? "t" : "f";
          updated += target.put(row[0], new String[] {row[0], flag}) == null ? 0 : 1;
          touched.add(row[0]);
        }
        return new Applied(change.fullReload() ? put.size() : put.size() - updated, change.fullReload() ? 0 : updated,
            deleted);
      }

      @Override
      public long readBack(Consumer<String[]> rows) {
        List<String[]> found = new ArrayList<>();
        if (change.fullReload()) {
          found.addAll(target.values());
        } else {
          touched.stream().map(target::get).filter(java.util.Objects::nonNull).forEach(found::add);
        }
        found.forEach(row -> rows.accept(row.clone()));
        return found.size();
      }

      @Override
      public void close() {
        if (!put.isEmpty() && !committed) {
          closedUncommitted++;
        }
      }
    };
    LoadTargetTablesPort loads = new LoadTargetTablesPort() {
      @Override
      public LoadSession open(ForeignKeyStrategy strategy, List<String> tables) {
        loadSessions++;
        return new LoadSession() {
          @Override
          public long load(TableLoad table, LongConsumer sent) {
            throw new AssertionError("sync loads no files");
          }

          @Override
          public void settle(String table) {
            throw new AssertionError("sync settles its tables in finish");
          }

          @Override
          public void finish(List<String> loaded) {
            finished.addAll(loaded);
          }

          @Override
          public void close() {}
        };
      }

      @Override
      public void emptyTables(List<String> tables) {
        throw new AssertionError("sync empties no table");
      }
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
    ReportProgressPort progress = new ReportProgressPort() {
      @Override
      public void started(String table, long estimatedRows) {}

      @Override
      public void progressed(String table, long rows, long bytes) {}

      @Override
      public void finished(String table, long rows, long bytes, Duration elapsed) {}
    };
    Map<String, Object> saved = new LinkedHashMap<>();
    SyncTablesReport report = new SyncTablesService(plans, manifests, imports, () -> targetSchema, snapshots, targetRows,
        changes, loads, integrity, (name, text, json) -> {
          markdown = text;
          saved.put(name, json);
          return name + ".md";
        }, progress, records, new InMemoryLookups()).sync(new SyncTablesCommand(new Parallelism(2), 1L << 20, 5));
    assertEquals("sync_report.md", report.savedAs());
    assertNull(((SyncTablesReport) saved.get("sync_report")).savedAs(), "the JSON is the report as written");
    return report;
  }
}

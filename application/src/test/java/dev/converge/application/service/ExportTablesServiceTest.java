package dev.converge.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.port.in.ExportTablesCommand;
import dev.converge.application.port.in.Parallelism;
import dev.converge.application.port.in.SnapshotMode;
import dev.converge.application.port.in.ExportTablesReport;
import dev.converge.application.port.out.ReportProgressPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.application.port.out.WriteTableFilesPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.PlanBlockedException;
import dev.converge.domain.failure.RowRejectedException;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.manifest.SourcePosition;
import dev.converge.domain.manifest.TableFingerprint;
import dev.converge.domain.manifest.TableManifest;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.RowDecisions;
import dev.converge.domain.plan.ValueChange;
import dev.converge.domain.plan.MigrationPlanner;
import dev.converge.domain.plan.PlanSettings;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.SourceTable;
import dev.converge.domain.schema.TargetColumn;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ExportTablesServiceTest {

  private static final SourceColumn ID = new SourceColumn("id", 1, "char", "char(36)", false, 36L, null, null, null,
      false, false, false, "utf8mb4_0900_ai_ci", List.of());
  private static final SourceColumn FLAG = new SourceColumn("isOpen", 2, "tinyint", "tinyint", false, null, 3, 0, null,
      false, false, false, null, List.of());
  private static final TargetColumn UUID = new TargetColumn("id", 1, "uuid", "uuid", null, null, null, false, false, false,
      null, false, List.of(), false);
  private static final TargetColumn BOOL = new TargetColumn("isOpen", 2, "bool", "boolean", null, null, null, false, false,
      false, null, false, List.of(), false);
  private static final List<String> TABLES = List.of("alpha", "beta", "gamma");

  private SourceSchema source = new SourceSchema("app", "8.0.31", TABLES.stream()
      .map(name -> new SourceTable(name, List.of(ID, FLAG), List.of("id"), List.of(), List.of(), 2)).toList());
  private TargetSchema target = new TargetSchema("public", "17.5", TABLES.stream()
      .map(name -> new TargetTable(name, List.of(UUID, BOOL), List.of("id"), List.of(), List.of(), List.of(), List.of()))
      .toList());
  private MigrationPlan plan = new MigrationPlanner(PlanSettings.defaults()).plan(source, target, Map.of(), true);
  private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
  private final Map<String, String> files = new ConcurrentHashMap<>();
  private final List<String> streamed = new ArrayList<>();
  private final Map<String, Manifest> manifests = new LinkedHashMap<>();
  private SourcePosition position = new SourcePosition(SourcePosition.Kind.BINARY_LOG, "binlog.000001:157",
      Instant.parse("2026-11-21T10:15:30Z"));

  ExportTablesServiceTest() {
    for (String table : TABLES) {
      rows.put(table, new ArrayList<>(List.of(
          new Object[] {"0F8FAD5B-D9CB-469F-A165-70867728950" + table.length(), "1"},
          new Object[] {"1f8fad5b-d9cb-469f-a165-70867728950e", "0"})));
    }
  }

  private ExportTablesReport export(ExportTablesCommand command) {
    return export(command, ExportTablesService.Listener.NONE);
  }

  private final InMemoryChanges changes = new InMemoryChanges();
  private final InMemoryLookups lookups = new InMemoryLookups();
  /** The target's kept rows by target table, as PostgreSQL's text of the planned columns. */
  private final Map<String, List<String[]>> keptRows = new java.util.HashMap<>();
  private final dev.converge.application.port.out.ReadTargetRowsPort targetRows = (table, columns, rows) -> {
    List<String[]> kept = keptRows.getOrDefault(table, List.of());
    kept.forEach(rows);
    return kept.size();
  };
  private java.util.function.Predicate<Manifest> resumeFinished = manifest -> false;

  private ExportTablesReport export(ExportTablesCommand command, ExportTablesService.Listener listener) {
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
      public Optional<SourcePosition> position() {
        return Optional.ofNullable(position);
      }

      @Override
      public long stream(StreamSourceRowsPort.TableRead table, Consumer<Object[]> sink) {
        synchronized (streamed) {
          streamed.add(table.table());
        }
        rows.get(table.table()).forEach(sink);
        return rows.get(table.table()).size();
      }

      @Override
      public void close() {}
    };
    WriteTableFilesPort tableFiles = new WriteTableFilesPort() {
      @Override
      public TableFile create(String fileName, List<String> header) {
        StringBuilder content = new StringBuilder(String.join(",", header)).append('\n');
        return new TableFile() {
          private long written;

          @Override
          public void write(String[] values) {
            content.append(String.join(",", java.util.Arrays.stream(values).map(String::valueOf).toList())).append('\n');
            written++;
          }

          @Override
          public long bytes() {
            return content.length();
          }

          @Override
          public WrittenTableFile finish() {
            files.put(fileName, content.toString());
            return new WrittenTableFile(fileName, written, content.length(), digest(content.toString()));
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
        return Optional.ofNullable(files.get(fileName)).map(ExportTablesServiceTest::digest);
      }
    };
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
    ReportProgressPort silent = new ReportProgressPort() {
      @Override
      public void started(String table, long estimatedRows) {}

      @Override
      public void progressed(String table, long rowsSoFar, long bytes) {}

      @Override
      public void finished(String table, long rowsDone, long bytes, Duration elapsed) {}
    };
    DatabaseEndpoint endpoint = new DatabaseEndpoint("h", 1, "app", "u", "secret");
    return new ExportTablesService(plans, () -> source, () -> target, snapshots, () -> Optional.ofNullable(position),
        tableFiles, store, silent,
        new ConnectionSettings(endpoint, endpoint, "public", Path.of("work")),
        Clock.fixed(Instant.parse("2026-11-21T10:15:30Z"), ZoneOffset.UTC), changes, lookups, targetRows)
        .export(command, listener, false, resumeFinished);
  }

  private static String digest(String content) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyTableIsExportedInPlanOrderWithConvertedValuesAndNoSecretInTheManifest() {
    ExportTablesReport report = export(new ExportTablesCommand(new Parallelism(2), false));
    Manifest manifest = report.manifest();
    assertTrue(manifest.complete());
    assertEquals(TABLES, manifest.tables().stream().map(t -> t.sourceTable()).toList());
    assertEquals(6, manifest.rows());
    assertTrue(files.get("alpha_20261121_101530.csv").contains("0f8fad5b-d9cb-469f-a165-708677289505,true"),
        files.toString());
    assertFalse(manifest.toString().contains("secret"));
    assertEquals("migration_manifest_20261121_101530.json", report.savedAs());
  }

  @Test
  void theContentChecksumDoesNotDependOnRowOrder() {
    String before = export(new ExportTablesCommand(new Parallelism(1), true)).manifest().tables().get(0).contentChecksum();
    java.util.Collections.reverse(rows.get("alpha"));
    String after = export(new ExportTablesCommand(new Parallelism(1), true)).manifest().tables().get(0).contentChecksum();
    assertEquals(before, after);
  }

  @Test
  void aChangedSourceSchemaOrABlockedPlanStopsTheExportBeforeItReadsARow() {
    source = new SourceSchema("app", "8.0.31", source.tables().subList(0, 2));
    ConvergeException changed = assertThrows(ConvergeException.class, () -> export(new ExportTablesCommand(new Parallelism(1), false)));
    assertEquals(ErrorCode.PLAN_BLOCKED, changed.code());
    assertTrue(changed.getMessage().contains("source schema changed"));
    plan = new MigrationPlanner(PlanSettings.defaults()).plan(source,
        new TargetSchema("public", "17.5", target.tables().subList(0, 1)), Map.of(), true);
    assertThrows(PlanBlockedException.class, () -> export(new ExportTablesCommand(new Parallelism(1), false)));
    assertTrue(streamed.isEmpty());
  }

  @Test
  void aRejectedValueStopsEveryTableAndNamesTableKeyColumnValueAndRule() {
    rows.get("beta").add(new Object[] {"2f8fad5b-d9cb-469f-a165-70867728950e", "2"});
    RowRejectedException rejected = assertThrows(RowRejectedException.class, () -> export(new ExportTablesCommand(new Parallelism(1), false)));
    assertEquals("beta", rejected.table());
    assertEquals("id='2f8fad5b-d9cb-469f-a165-70867728950e'", rejected.key());
    assertEquals("isOpen", rejected.column());
    assertEquals("'2'", rejected.value());
    assertTrue(rejected.rule().contains("0 or 1"));
    Manifest interrupted = manifests.values().iterator().next();
    assertFalse(interrupted.complete());
    assertEquals(List.of("alpha"), interrupted.tables().stream().map(t -> t.sourceTable()).toList());
    assertFalse(streamed.contains("gamma"), "after the failure no other table is read");
  }

  @Test
  void aNullInANotNullColumnStopsTheExportNamingTheRowBeforeTheTableIsFinished() {
    rows.get("alpha").add(new Object[] {"2f8fad5b-d9cb-469f-a165-70867728950e", null});

    RowRejectedException rejected = assertThrows(RowRejectedException.class, () -> export(new ExportTablesCommand(new Parallelism(1), false)));

    assertEquals("alpha", rejected.table());
    assertEquals("id='2f8fad5b-d9cb-469f-a165-70867728950e'", rejected.key());
    assertEquals("isOpen", rejected.column());
    assertEquals("NULL", rejected.value());
    assertEquals("NULL in a NOT NULL column", rejected.rule());
    assertTrue(manifests.values().iterator().next().tables().isEmpty(), "alpha is not recorded as exported");
  }

  @Test
  void twoKeysMySqlHeldApartButTheTargetsUuidFoldsTogetherStopTheExportUnderThePrimaryKey() {
    rows.get("alpha").add(new Object[] {"1F8FAD5B-D9CB-469F-A165-70867728950E", "1"});

    RowRejectedException rejected = assertThrows(RowRejectedException.class, () -> export(new ExportTablesCommand(new Parallelism(1), false)));

    assertEquals("alpha", rejected.table());
    assertEquals("id='1F8FAD5B-D9CB-469F-A165-70867728950E'", rejected.key());
    assertEquals("id", rejected.column());
    assertTrue(rejected.rule().startsWith("repeats an earlier row's value under the target's unique key id (id), compared"
        + " ignoring case"), rejected.rule());
    assertTrue(rejected.value().contains("same key as row #2"), rejected.value());
  }

  @Test
  void aDuplicateUnderAUniqueKeyOnlyTheTargetHasStopsTheExport() {
    target = new TargetSchema("public", "17.5", TABLES.stream()
        .map(name -> new TargetTable(name, List.of(UUID, BOOL), List.of("id"), List.of(List.of("isOpen")), List.of(),
            List.of(), List.of()))
        .toList());
    plan = new MigrationPlanner(PlanSettings.defaults()).plan(source, target, Map.of(), true);
    rows.get("alpha").add(new Object[] {"2f8fad5b-d9cb-469f-a165-70867728950e", "1"});

    RowRejectedException rejected = assertThrows(RowRejectedException.class, () -> export(new ExportTablesCommand(new Parallelism(1), false)));

    assertEquals("id='2f8fad5b-d9cb-469f-a165-70867728950e'", rejected.key());
    assertEquals("isOpen", rejected.column());
    assertEquals("repeats an earlier row's value under the target's unique key isOpen (isOpen)", rejected.rule());
    assertTrue(rejected.getMessage().startsWith("table alpha, row id='2f8fad5b-d9cb-469f-a165-70867728950e', column isOpen:"
        + " value '1' (same key as row #1"), rejected.getMessage());
  }

  @Test
  void aQuarantinedTableSetsItsRefusedRowsAsideWithTheirReasonAndLoadsTheRest() {
    plan = new MigrationPlanner(new PlanSettings(PlanSettings.DEFAULT_EXCLUSIONS, java.util.Set.of(),
        dev.converge.domain.conversion.ValuePolicies.STRICT, Map.of(), Map.of(),
        new RowDecisions(Map.of("beta", java.util.Set.of(RowDecisions.INVALID_VALUE)), Map.of())))
        .plan(source, target, Map.of(), true);
    rows.get("beta").add(new Object[] {"2f8fad5b-d9cb-469f-a165-70867728950e", "2"});

    Manifest manifest = export(new ExportTablesCommand(new Parallelism(1), false)).manifest();

    assertTrue(manifest.complete());
    TableManifest beta = manifest.table("beta").orElseThrow();
    assertEquals(2, beta.rows(), "the quarantined row is not in the file");
    assertEquals(1, beta.quarantined());
    assertEquals(List.of(new ValueChange("beta", "id='2f8fad5b-d9cb-469f-a165-70867728950e'", "isOpen", "'2'",
        ValueChange.QUARANTINED, "quarantine: invalid-value: a boolean must be 0 or 1 (policy booleans: nonzero-is-true"
            + " maps other values to true)")), changes.changes);
    assertEquals(List.of(List.of("id='2f8fad5b-d9cb-469f-a165-70867728950e'", "'2f8fad5b-d9cb-469f-a165-70867728950e'",
        "'2'")), changes.quarantined.get("beta"));
    assertFalse(files.values().stream().anyMatch(content -> content.contains("2f8fad5b")), files.toString());
  }

  @Test
  void aQuarantineForOneRuleStillStopsAtAnother() {
    plan = new MigrationPlanner(new PlanSettings(PlanSettings.DEFAULT_EXCLUSIONS, java.util.Set.of(),
        dev.converge.domain.conversion.ValuePolicies.STRICT, Map.of(), Map.of(),
        new RowDecisions(Map.of("beta", java.util.Set.of(RowDecisions.UNIQUE)), Map.of())))
        .plan(source, target, Map.of(), true);
    rows.get("beta").add(new Object[] {"2f8fad5b-d9cb-469f-a165-70867728950e", null});

    RowRejectedException rejected = assertThrows(RowRejectedException.class, () -> export(new ExportTablesCommand(new Parallelism(1), false)));

    assertEquals("NULL in a NOT NULL column", rejected.rule());
  }

  @Test
  void aDefaultStandsForANullAndEveryReplacedNullIsListed() {
    plan = new MigrationPlanner(new PlanSettings(PlanSettings.DEFAULT_EXCLUSIONS, java.util.Set.of(),
        dev.converge.domain.conversion.ValuePolicies.STRICT, Map.of(), Map.of(),
        new RowDecisions(Map.of(), Map.of("gamma.isOpen", "0")))).plan(source, target, Map.of(), true);
    assertFalse(plan.hasBlockers(), plan.blockers().toString());
    rows.get("gamma").add(new Object[] {"2f8fad5b-d9cb-469f-a165-70867728950e", null});

    Manifest manifest = export(new ExportTablesCommand(new Parallelism(1), false)).manifest();

    assertEquals(3, manifest.table("gamma").orElseThrow().rows());
    assertEquals(1, manifest.table("gamma").orElseThrow().changed());
    assertEquals(List.of(new ValueChange("gamma", "id='2f8fad5b-d9cb-469f-a165-70867728950e'", "isOpen", "NULL", "'0'",
        RowDecisions.DEFAULT)), changes.changes);
    assertTrue(files.values().stream().anyMatch(content -> content.contains("2f8fad5b-d9cb-469f-a165-70867728950e,false")),
        files.toString());
  }

  @Test
  void aDefaultForANullableColumnOrOneTheTypeRefusesIsABlockerNamingTableColumnAndWhy() {
    TargetColumn nullableBool = new TargetColumn("isOpen", 2, "bool", "boolean", null, null, null, true, false, false,
        null, false, List.of(), false);
    TargetSchema nullable = new TargetSchema("public", "17.5", List.of(new TargetTable("alpha", List.of(UUID, nullableBool),
        List.of("id"), List.of(), List.of(), List.of(), List.of())));
    SourceSchema one = new SourceSchema("app", "8.0.31", List.of(source.tables().get(0)));
    MigrationPlan planned = new MigrationPlanner(new PlanSettings(PlanSettings.DEFAULT_EXCLUSIONS, java.util.Set.of(),
        dev.converge.domain.conversion.ValuePolicies.STRICT, Map.of(), Map.of(),
        new RowDecisions(Map.of(), Map.of("alpha.isOpen", "0")))).plan(one, nullable, Map.of(), true);
    assertEquals(List.of("--default alpha.isOpen=0 cannot apply: target column isOpen accepts NULL, so a NULL is loaded"
        + " as it is; remove the default"), planned.blockers().stream().map(b -> b.reason()).toList());

    MigrationPlan refused = new MigrationPlanner(new PlanSettings(PlanSettings.DEFAULT_EXCLUSIONS, java.util.Set.of(),
        dev.converge.domain.conversion.ValuePolicies.STRICT, Map.of(), Map.of(),
        new RowDecisions(Map.of(), Map.of("alpha.isOpen", "7")))).plan(source, target, Map.of(), true);
    assertEquals(1, refused.blockers().size(), refused.blockers().toString());
    assertEquals("isOpen", refused.blockers().get(0).column());
    assertTrue(refused.blockers().get(0).reason().startsWith("--default alpha.isOpen=7: the target column refuses this"
        + " value: a boolean must be 0 or 1"), refused.blockers().toString());
  }

  private static final String LOOKUP = "SELECT COALESCE((SELECT flag FROM legacy WHERE word = ?), ?)";

  private void planWithMap(java.util.Set<String> quarantine) {
    plan = new MigrationPlanner(new PlanSettings(PlanSettings.DEFAULT_EXCLUSIONS, java.util.Set.of(),
        dev.converge.domain.conversion.ValuePolicies.STRICT, Map.of(), Map.of(),
        new RowDecisions(quarantine == null ? Map.of() : Map.of("gamma", quarantine), Map.of(),
            Map.of("gamma.isOpen", LOOKUP)))).plan(source, target, Map.of(), true);
    assertFalse(plan.hasBlockers(), plan.blockers().toString());
  }

  @Test
  void aMappedColumnLoadsTheLookupsAnswerListsEachChangedValueAndAsksTheSourceOncePerValue() {
    planWithMap(null);
    lookups.answer(LOOKUP, "1", "1").answer(LOOKUP, "0", "0").answer(LOOKUP, "yes", "1");
    rows.get("gamma").add(new Object[] {"2f8fad5b-d9cb-469f-a165-70867728950e", "yes"});
    rows.get("gamma").add(new Object[] {"3f8fad5b-d9cb-469f-a165-70867728950e", "yes"});

    Manifest manifest = export(new ExportTablesCommand(new Parallelism(1), false)).manifest();

    assertEquals(4, manifest.table("gamma").orElseThrow().rows());
    assertEquals(2, manifest.table("gamma").orElseThrow().changed());
    assertEquals(List.of(new ValueChange("gamma", "id='2f8fad5b-d9cb-469f-a165-70867728950e'", "isOpen", "'yes'", "'1'",
        "map: " + LOOKUP), new ValueChange("gamma", "id='3f8fad5b-d9cb-469f-a165-70867728950e'", "isOpen", "'yes'", "'1'",
        "map: " + LOOKUP)), changes.changes);
    assertEquals("map", changes.changes.get(0).decision());
    assertEquals(3, lookups.asked, "each distinct value once: 1, 0, yes");
    assertEquals(1, lookups.opened);
    assertEquals(1, lookups.closed, "the read-only session ends with the export");
    assertTrue(files.values().stream().anyMatch(content -> content.contains("3f8fad5b-d9cb-469f-a165-70867728950e,true")),
        files.toString());
  }

  @Test
  void aValueTheMapFindsNoRowOrSeveralForStopsTheExportByKeyUnlessUnmappedRowsAreQuarantined() {
    planWithMap(null);
    lookups.answer(LOOKUP, "1", "1").answer(LOOKUP, "0", "0").answer(LOOKUP, "both", "1", "0");
    rows.get("gamma").add(new Object[] {"2f8fad5b-d9cb-469f-a165-70867728950e", "both"});

    RowRejectedException rejected = assertThrows(RowRejectedException.class, () -> export(new ExportTablesCommand(new Parallelism(1), false)));

    assertEquals("id='2f8fad5b-d9cb-469f-a165-70867728950e'", rejected.key());
    assertEquals("isOpen", rejected.column());
    assertEquals("the column's map lookup found several rows for the value (" + LOOKUP + ")", rejected.rule());

    planWithMap(java.util.Set.of(RowDecisions.UNMAPPED));
    Manifest manifest = export(new ExportTablesCommand(new Parallelism(1), false)).manifest();
    assertEquals(1, manifest.table("gamma").orElseThrow().quarantined());
    assertEquals("quarantine: unmapped", changes.changes.get(0).decision());
  }

  @Test
  void underKeepARowCollidingWithOneTheTargetHoldsIsSetAsideWhenExistingRowCollisionsAreQuarantined() {
    target = new TargetSchema("public", "17.5", TABLES.stream()
        .map(name -> new TargetTable(name, List.of(UUID, BOOL), List.of("id"), List.of(List.of("isOpen")), List.of(),
            List.of(), List.of()))
        .toList());
    plan = new MigrationPlanner(new PlanSettings(PlanSettings.DEFAULT_EXCLUSIONS, java.util.Set.of(),
        dev.converge.domain.conversion.ValuePolicies.STRICT, Map.of(),
        Map.of("beta", dev.converge.domain.plan.ExistingRows.KEEP),
        new RowDecisions(Map.of("beta", java.util.Set.of(RowDecisions.EXISTING_ROW)), Map.of())))
        .plan(source, target, Map.of("beta", 1L), true);
    assertFalse(plan.hasBlockers(), plan.blockers().toString());
    // The target already holds isOpen = true under another id.
    keptRows.put("beta", List.<String[]>of(new String[] {"9f8fad5b-d9cb-469f-a165-70867728950e", "true"}));

    Manifest manifest = export(new ExportTablesCommand(new Parallelism(1), false)).manifest();

    TableManifest beta = manifest.table("beta").orElseThrow();
    assertEquals(1, beta.rows());
    assertEquals(1, beta.quarantined());
    assertEquals(List.of("quarantine: existing-row"), changes.changes.stream().map(ValueChange::decision).toList());
    assertEquals("id='0F8FAD5B-D9CB-469F-A165-708677289504'",
        changes.changes.get(0).key());
  }

  @Test
  void underMergeARowWhoseKeyTheTargetKeepsWithOtherContentIsNotExportedButRecordedAndAnIdenticalOneIsExported() {
    plan = new MigrationPlanner(new PlanSettings(PlanSettings.DEFAULT_EXCLUSIONS, java.util.Set.of(),
        dev.converge.domain.conversion.ValuePolicies.STRICT, Map.of(),
        Map.of("beta", dev.converge.domain.plan.ExistingRows.MERGE_BY_PRIMARY_KEY), RowDecisions.NONE))
        .plan(source, target, Map.of("beta", 2L), true);
    assertFalse(plan.hasBlockers(), plan.blockers().toString());
    // The target keeps the first row as the source holds it, and the second with another flag.
    keptRows.put("beta", List.<String[]>of(new String[] {"0f8fad5b-d9cb-469f-a165-708677289504", "true"},
        new String[] {"1f8fad5b-d9cb-469f-a165-70867728950e", "true"}));

    Manifest manifest = export(new ExportTablesCommand(new Parallelism(1), false)).manifest();

    TableManifest beta = manifest.table("beta").orElseThrow();
    assertEquals(1, beta.rows(), "the identical row is exported: the merge skips it at the load");
    assertEquals(1, beta.merged());
    assertEquals(0, beta.changed());
    assertEquals(List.of(new ValueChange("beta", "id='1f8fad5b-d9cb-469f-a165-70867728950e'", "isOpen", "'0'", "'true'",
        dev.converge.domain.plan.TableScan.MERGED_RULE)), changes.changes);
    assertEquals(1, changes.opened, "recorded from the start of one export");
    assertEquals(0, manifest.table("alpha").orElseThrow().merged(), "only the merged table");
  }

  @Test
  void exportRefusesDecisionsThePlanWasNotMadeWith() {
    ConvergeException refused = assertThrows(ConvergeException.class, () -> export(new ExportTablesCommand(new Parallelism(1), false,
        ExportTablesCommand.DEFAULT_PART_BYTES, SnapshotMode.AUTO, ExportTablesCommand.DEFAULT_SNAPSHOT_LOCK_TIMEOUT, false,
        new RowDecisions(Map.of("beta", java.util.Set.of()), Map.of()))));

    assertEquals(ErrorCode.CONFIGURATION, refused.code());
    assertTrue(refused.getMessage().contains("give them to converge plan"), refused.getMessage());
    assertTrue(streamed.isEmpty());
  }

  @Test
  void inASelfReferencingTableTheChildrenOfASetAsideRowFollowItTransitivelyWhereverTheyComeInKeyOrder() {
    SourceColumn parentId = new SourceColumn("parentId", 3, "char", "char(36)", true, 36L, null, null, null, false,
        false, false, "utf8mb4_0900_ai_ci", List.of());
    TargetColumn parentUuid = new TargetColumn("parentId", 3, "uuid", "uuid", null, null, null, true, false, false, null,
        false, List.of(), false);
    source = new SourceSchema("app", "8.0.31", List.of(
        new SourceTable("alpha", List.of(ID, FLAG, parentId), List.of("id"), List.of(), List.of(), 5)));
    target = new TargetSchema("public", "17.5", List.of(
        new TargetTable("alpha", List.of(UUID, BOOL, parentUuid), List.of("id"), List.of(),
            List.of(new dev.converge.domain.schema.ForeignKey("alpha_parent", List.of("parentId"), "alpha", List.of("id"),
                "")), List.of(), List.of())));
    plan = new MigrationPlanner(new PlanSettings(PlanSettings.DEFAULT_EXCLUSIONS, java.util.Set.of(),
        dev.converge.domain.conversion.ValuePolicies.STRICT, Map.of(), Map.of(),
        new RowDecisions(Map.of("alpha", java.util.Set.of(RowDecisions.INVALID_VALUE)), Map.of())))
        .plan(source, target, Map.of(), true);
    String child = "1f8fad5b-d9cb-469f-a165-70867728950e";
    String good = "2f8fad5b-d9cb-469f-a165-70867728950e";
    String bad = "3f8fad5b-d9cb-469f-a165-70867728950e";
    String grandchild = "0f8fad5b-d9cb-469f-a165-70867728950e";
    // Key order: the grandchild first, then its parent, then the good row, then the bad row they descend from.
    rows.put("alpha", new ArrayList<>(List.of(new Object[] {grandchild, "1", child}, new Object[] {child, "1", bad},
        new Object[] {good, "0", null}, new Object[] {bad, "5", good})));

    Manifest manifest = export(new ExportTablesCommand(new Parallelism(1), false)).manifest();

    TableManifest alpha = manifest.table("alpha").orElseThrow();
    assertEquals(1, alpha.rows(), "only the good row is loaded");
    assertEquals(3, alpha.quarantined());
    assertEquals(List.of("id='" + grandchild + "'", "id='" + child + "'", "id='" + bad + "'"),
        changes.changes.stream().map(ValueChange::key).toList());
    assertEquals(List.of("quarantine: parent-quarantined", "quarantine: parent-quarantined", "quarantine: invalid-value"),
        changes.changes.stream().map(ValueChange::decision).toList());
    assertTrue(changes.changes.get(0).rule().endsWith("its parent in alpha itself (foreign key alpha_parent) was set aside"),
        changes.changes.get(0).rule());
  }

  @Test
  void theChildrenOfAQuarantinedRowFollowItUnderTheTargetsForeignKeysEvenWhenReadInParallel() {
    SourceColumn parentId = new SourceColumn("parentId", 3, "char", "char(36)", true, 36L, null, null, null, false,
        false, false, "utf8mb4_0900_ai_ci", List.of());
    TargetColumn parentUuid = new TargetColumn("parentId", 3, "uuid", "uuid", null, null, null, true, false, false, null,
        false, List.of(), false);
    source = new SourceSchema("app", "8.0.31", List.of(
        new SourceTable("alpha", List.of(ID, FLAG), List.of("id"), List.of(), List.of(), 2),
        new SourceTable("beta", List.of(ID, FLAG, parentId), List.of("id"), List.of(), List.of(), 2),
        new SourceTable("gamma", List.of(ID, FLAG, parentId), List.of("id"), List.of(), List.of(), 2)));
    target = new TargetSchema("public", "17.5", List.of(
        new TargetTable("alpha", List.of(UUID, BOOL), List.of("id"), List.of(), List.of(), List.of(), List.of()),
        new TargetTable("beta", List.of(UUID, BOOL, parentUuid), List.of("id"), List.of(),
            List.of(new dev.converge.domain.schema.ForeignKey("beta_alpha", List.of("parentId"), "alpha", List.of("id"), "")),
            List.of(), List.of()),
        new TargetTable("gamma", List.of(UUID, BOOL, parentUuid), List.of("id"), List.of(),
            List.of(new dev.converge.domain.schema.ForeignKey("gamma_beta", List.of("parentId"), "beta", List.of("id"), "")),
            List.of(), List.of())));
    plan = new MigrationPlanner(new PlanSettings(PlanSettings.DEFAULT_EXCLUSIONS, java.util.Set.of(),
        dev.converge.domain.conversion.ValuePolicies.STRICT, Map.of(), Map.of(),
        new RowDecisions(Map.of("alpha", java.util.Set.of()), Map.of()))).plan(source, target, Map.of(), true);
    String bad = "3f8fad5b-d9cb-469f-a165-70867728950e";
    String child = "4f8fad5b-d9cb-469f-a165-70867728950e";
    String good = "0f8fad5b-d9cb-469f-a165-70867728950e";
    rows.put("alpha", new ArrayList<>(List.of(new Object[] {good, "1"}, new Object[] {bad.toUpperCase(), "5"})));
    // The child names its parent in another case, as MySQL's case-insensitive collation let it.
    rows.put("beta", new ArrayList<>(List.of(new Object[] {child, "1", bad}, new Object[] {"5f8fad5b-d9cb-469f-a165-70867728950e", "1", good})));
    rows.put("gamma", new ArrayList<>(List.of(new Object[] {"6f8fad5b-d9cb-469f-a165-70867728950e", "0", child},
        new Object[] {"7f8fad5b-d9cb-469f-a165-70867728950e", "0", null})));

    Manifest manifest = export(new ExportTablesCommand(new Parallelism(3), false)).manifest();

    assertEquals(List.of(1L, 1L, 1L), manifest.tables().stream().map(TableManifest::quarantined).toList());
    assertEquals(List.of(1L, 1L, 1L), manifest.tables().stream().map(TableManifest::rows).toList());
    assertEquals(List.of("quarantine: invalid-value", "quarantine: parent-quarantined", "quarantine: parent-quarantined"),
        changes.changes.stream().map(change -> change.rule().substring(0, change.rule().indexOf(':', 12))).toList());
    assertEquals(List.of("id='" + bad.toUpperCase() + "'", "id='" + child + "'", "id='6f8fad5b-d9cb-469f-a165-70867728950e'"),
        changes.changes.stream().map(ValueChange::key).toList());
  }

  @Test
  void aResumeIsRefusedInOneLineWhenTheSourceMovedSinceTheKeptTablesWereReadUnlessToldToReuseThem() {
    rows.get("beta").add(new Object[] {"2f8fad5b-d9cb-469f-a165-70867728950e", "2"});
    assertThrows(RowRejectedException.class, () -> export(new ExportTablesCommand(new Parallelism(1), false)));
    rows.get("beta").remove(2);
    SourcePosition then = position;
    position = new SourcePosition(SourcePosition.Kind.BINARY_LOG, "binlog.000001:913", Instant.parse("2026-11-21T10:20:00Z"));

    ConvergeException refused = assertThrows(ConvergeException.class, () -> export(new ExportTablesCommand(new Parallelism(1), false)));
    assertEquals(ErrorCode.VALIDATION, refused.code());
    assertEquals("refusing to continue a stale export: the source moved since the export was read at"
        + " 2026-11-21T10:15:30Z (all 1 table(s)): binary-log position binlog.000001:157 then, binlog.000001:913 now;"
        + " export again (converge export --restart) or, for a rehearsal that may load old data, pass"
        + " --reuse-stale-export", refused.getMessage());

    ExportTablesReport reused = export(new ExportTablesCommand(new Parallelism(1), false, ExportTablesCommand.DEFAULT_PART_BYTES,
        SnapshotMode.AUTO, Duration.ofSeconds(5), true));
    assertEquals(List.of("alpha"), reused.reusedTables());
    assertTrue(reused.staleReused().isPresent());
    assertEquals(then, reused.manifest().table("alpha").orElseThrow().sourcePosition(), "each table keeps its own");
    assertEquals(position, reused.manifest().table("beta").orElseThrow().sourcePosition());
  }

  @Test
  void aSourceWithoutPositionGetsEachTablesFingerprintTakenInTheSnapshotInstead() {
    position = null;
    rows.get("beta").add(new Object[] {"2f8fad5b-d9cb-469f-a165-70867728950e", "1"});

    Manifest manifest = export(new ExportTablesCommand(new Parallelism(2), false)).manifest();

    assertEquals(List.of(new TableFingerprint(2, null, null, Instant.parse("2026-11-21T10:15:30Z")),
        new TableFingerprint(3, null, null, Instant.parse("2026-11-21T10:15:30Z")), new TableFingerprint(2, null, null,
        Instant.parse("2026-11-21T10:15:30Z"))), manifest.tables().stream().map(TableManifest::fingerprint).toList(),
        "the row count alone: these tables have no updated-date column");
    assertEquals(java.util.Collections.nCopies(3, null), manifest.tables().stream().map(TableManifest::sourcePosition)
        .toList());
  }

  @Test
  void aResumeOfAnUnmovedSourceIsNotStale() {
    rows.get("beta").add(new Object[] {"2f8fad5b-d9cb-469f-a165-70867728950e", "2"});
    assertThrows(RowRejectedException.class, () -> export(new ExportTablesCommand(new Parallelism(1), false)));
    rows.get("beta").remove(2);
    position = new SourcePosition(position.kind(), position.value(), Instant.parse("2026-11-21T10:20:00Z"));
    ExportTablesReport resumed = export(new ExportTablesCommand(new Parallelism(1), false));
    assertEquals(List.of("alpha"), resumed.reusedTables());
    assertTrue(resumed.staleReused().isEmpty());
  }

  @Test
  void aResumedExportRecordsThePolicyChangesOfTheTablesItStillExportsOnceAndKeepsTheFinishedOnes() {
    dev.converge.domain.conversion.ValuePolicies lenient = new dev.converge.domain.conversion.ValuePolicies(
        dev.converge.domain.conversion.ValuePolicies.BooleanPolicy.NONZERO_IS_TRUE,
        dev.converge.domain.conversion.ValuePolicies.ZeroDatePolicy.REJECT,
        dev.converge.domain.conversion.ValuePolicies.NulBytePolicy.REJECT,
        dev.converge.domain.conversion.ValuePolicies.OverlongPolicy.REJECT,
        dev.converge.domain.conversion.ValuePolicies.InvalidUuidPolicy.REJECT);
    plan = new MigrationPlanner(new PlanSettings(PlanSettings.DEFAULT_EXCLUSIONS, java.util.Set.of(), lenient, Map.of(),
        Map.of())).plan(source, target, Map.of(), true);
    rows.get("alpha").add(new Object[] {"2f8fad5b-d9cb-469f-a165-70867728950e", "2"});
    rows.get("beta").add(new Object[] {"3f8fad5b-d9cb-469f-a165-70867728950e", "7"});
    rows.get("beta").add(new Object[] {"not a uuid", "1"});
    assertThrows(RowRejectedException.class, () -> export(new ExportTablesCommand(new Parallelism(1), false)));
    assertEquals(List.of("alpha", "beta"), changes.changes.stream().map(ValueChange::table).toList(),
        "the stopped table's change was written before it stopped");
    rows.get("beta").remove(3);

    ExportTablesReport resumed = export(new ExportTablesCommand(new Parallelism(1), false));

    assertEquals(List.of("alpha"), resumed.reusedTables());
    assertTrue(resumed.manifest().complete());
    assertEquals(List.of("id='2f8fad5b-d9cb-469f-a165-70867728950e'", "id='3f8fad5b-d9cb-469f-a165-70867728950e'"),
        changes.changes.stream().map(ValueChange::key).toList(), "each change once: alpha's kept, beta's rewritten");
    assertEquals(1, changes.rewrites);
  }

  @Test
  void aResumedExportKeepsIntactTablesAndRedoesDamagedOnes() {
    rows.get("beta").add(new Object[] {"2f8fad5b-d9cb-469f-a165-70867728950e", "2"});
    assertThrows(RowRejectedException.class, () -> export(new ExportTablesCommand(new Parallelism(1), false)));
    rows.get("beta").remove(2);
    streamed.clear();

    ExportTablesReport resumed = export(new ExportTablesCommand(new Parallelism(1), false));
    assertEquals(List.of("alpha"), resumed.reusedTables());
    assertEquals(List.of("beta", "gamma"), streamed);
    assertTrue(resumed.manifest().complete());

    files.put("alpha_20261121_101530.csv", "damaged");
    manifests.put("migration_manifest_20261121_101530.json", new Manifest(resumed.manifest().migrationId(),
        resumed.manifest().source(), resumed.manifest().target(), resumed.manifest().sourceFingerprint(),
        resumed.manifest().targetFingerprint(), resumed.manifest().exportStarted(), null, false,
        resumed.manifest().tables()));
    streamed.clear();
    ExportTablesReport again = export(new ExportTablesCommand(new Parallelism(1), false));
    assertEquals(List.of("beta", "gamma"), again.reusedTables());
    assertEquals(List.of("alpha"), streamed, "only the damaged table is read again");
  }

  @Test
  void aResumeRemovesThePartsOfUnfinishedTablesAndHalfWrittenFilesAKilledExportLeft() {
    rows.get("beta").add(new Object[] {"2f8fad5b-d9cb-469f-a165-70867728950e", "2"});
    assertThrows(RowRejectedException.class, () -> export(new ExportTablesCommand(new Parallelism(1), false)));
    rows.get("beta").remove(2);
    // What a kill leaves beside the manifest: a finished part of an unfinished table (an earlier
    // stamp), a half-written one (listed under its final name), and a file converge does not own.
    files.put("beta_20261121_090000.csv", "part 1 of an unfinished beta");
    files.put("gamma_20261121_090000.2.csv", "half-written");
    files.put("notes.csv", "the operator's");

    ExportTablesReport resumed = export(new ExportTablesCommand(new Parallelism(1), false));
    assertTrue(resumed.manifest().complete());
    assertFalse(files.containsKey("beta_20261121_090000.csv"), files.keySet().toString());
    assertFalse(files.containsKey("gamma_20261121_090000.2.csv"), files.keySet().toString());
    assertTrue(files.containsKey("notes.csv"), "a file that is no table's part stays");
    assertEquals(java.util.Set.of("alpha_20261121_101530.csv", "beta_20261121_101530.csv", "gamma_20261121_101530.csv",
        "notes.csv"), files.keySet());
  }

  @Test
  void aTableIsSplitIntoPartsHandedOverInOrderWithTheSameChecksumAsOneFile() {
    for (int i = 0; i < 5; i++) {
      rows.get("beta").add(new Object[] {"2f8fad5b-d9cb-469f-a165-7086772895" + (10 + i), i % 2 == 0 ? "1" : "0"});
    }
    String whole = export(new ExportTablesCommand(new Parallelism(1), true)).manifest().table("beta").orElseThrow().contentChecksum();
    files.clear();
    List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
    ExportTablesReport report = export(new ExportTablesCommand(new Parallelism(1), true, 100), new ExportTablesService.Listener() {
      @Override
      public void part(dev.converge.domain.plan.TablePlan table, dev.converge.domain.manifest.TableManifest.DataFile file) {
        assertTrue(files.containsKey(file.name()), "a part is handed over only once it is finished: " + file.name());
        events.add(file.name() + ":" + file.rows());
      }

      @Override
      public void exported(dev.converge.domain.plan.TablePlan table, dev.converge.domain.manifest.TableManifest manifest) {
        events.add(table.sourceTable() + " done");
      }
    });
    dev.converge.domain.manifest.TableManifest beta = report.manifest().table("beta").orElseThrow();
    // A 10-byte header and 42 or 43 bytes a row: a part ends after the row that reaches 100 bytes.
    assertEquals(List.of(3L, 3L, 1L), beta.files().stream().map(f -> f.rows()).toList());
    assertEquals(List.of("beta_20261121_101530.csv", "beta_20261121_101530.2.csv", "beta_20261121_101530.3.csv"),
        beta.files().stream().map(f -> f.name()).toList());
    assertEquals(7, beta.rows());
    assertEquals(whole, beta.contentChecksum(), "the content checksum covers the table, whatever its parts");
    int done = events.indexOf("beta done");
    assertEquals(List.of("beta_20261121_101530.csv:3", "beta_20261121_101530.2.csv:3", "beta_20261121_101530.3.csv:1"),
        events.subList(done - 3, done));
    beta.files().forEach(file -> assertTrue(files.get(file.name()).startsWith("id,isOpen\n"), "every part has the header"));
  }

  @Test
  void aFailingTableLeavesNoPartBehind() {
    for (int i = 0; i < 5; i++) {
      rows.get("beta").add(new Object[] {"2f8fad5b-d9cb-469f-a165-7086772895" + (10 + i), "1"});
    }
    rows.get("beta").add(new Object[] {"2f8fad5b-d9cb-469f-a165-70867728950f", "7"});
    List<String> seenAtFailure = new ArrayList<>();
    assertThrows(RowRejectedException.class, () -> export(new ExportTablesCommand(new Parallelism(1), true, 100),
        new ExportTablesService.Listener() {
          @Override
          public void failed(dev.converge.domain.plan.TablePlan table, RuntimeException failure) {
            assertTrue(failure instanceof RowRejectedException, failure.toString());
            files.keySet().stream().filter(name -> name.startsWith("beta")).forEach(seenAtFailure::add);
          }
        }));
    assertEquals(2, seenAtFailure.size(), "the listener hears of the failure before the finished parts go");
    assertTrue(files.keySet().stream().noneMatch(name -> name.startsWith("beta")), files.keySet().toString());
  }

  @Test
  void aFinishedExportIsContinuedOnlyWhenTheCallerAsks() {
    String first = export(new ExportTablesCommand(new Parallelism(1), false)).manifest().migrationId();
    streamed.clear();
    assertTrue(!first.equals(export(new ExportTablesCommand(new Parallelism(1), false)).manifest().migrationId()),
        "a finished export is not resumed by converge export");
    assertEquals(TABLES, streamed);
    streamed.clear();
    resumeFinished = manifest -> true;
    ExportTablesReport resumed = export(new ExportTablesCommand(new Parallelism(1), false));
    assertEquals(TABLES, resumed.reusedTables(), "migrate keeps a finished export whose load had begun");
    assertTrue(streamed.isEmpty());
    assertTrue(resumed.manifest().complete());
  }

  @Test
  void parallelismBeyondWhatThePoolsHoldIsAConfigurationError() {
    ConvergeException tooMany = assertThrows(ConvergeException.class, () -> new Parallelism(33));
    assertEquals(ErrorCode.CONFIGURATION, tooMany.code());
    assertTrue(tooMany.getMessage().contains("1 to 32"), tooMany.getMessage());
    assertEquals(32, new ExportTablesCommand(new Parallelism(32), false).parallelism().tables());
  }
}

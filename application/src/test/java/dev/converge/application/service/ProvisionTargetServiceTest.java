package dev.converge.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.application.port.in.ProvisionTargetCommand;
import dev.converge.application.port.in.ProvisionTargetReport;
import dev.converge.application.port.out.ApplyTargetMigrationsPort;
import dev.converge.application.port.out.InspectTargetPort;
import dev.converge.application.port.out.ReadMigrationVersionsPort;
import dev.converge.application.port.out.RunProvisioningCommandPort;
import dev.converge.domain.plan.PlanSettings;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.SourceTable;
import dev.converge.domain.schema.TargetColumn;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProvisionTargetServiceTest {

  private final List<String> applied = new ArrayList<>();
  private final List<List<String>> commandsRun = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();
  private final InMemorySchemaRows schemaRows = new InMemorySchemaRows();
  private int commandStatus;
  private List<String> targetTables = List.of("space", "user", "flyway_schema_history");
  private String historyTable = "schema_migration";
  /** The history table's columns, as both sides have them: a table without the column a tool uses is not its history. */
  private Set<String> historyColumns = Set.of("version");
  private Optional<Set<String>> sourceVersions = Optional.of(Set.of("1", "2", "3"));
  private Optional<Set<String>> targetVersions = Optional.of(Set.of("1", "2", "3"));

  private final ApplyTargetMigrationsPort migrations = location -> {
    applied.add(location);
    return new ApplyTargetMigrationsPort.AppliedMigrations(2, "2");
  };
  private final RunProvisioningCommandPort commands = (command, log) -> {
    commandsRun.add(command);
    logs.add(log);
    return commandStatus;
  };
  private final InspectTargetPort inspection = new InspectTargetPort() {
    @Override
    public Map<String, Long> countRows(List<String> tables) {
      Map<String, Long> counts = new LinkedHashMap<>();
      tables.forEach(table -> counts.put(table, table.equals("user") ? 0L : 3L));
      return counts;
    }

    @Override
    public boolean maySetReplicationRole() {
      return true;
    }
  };

  private ProvisionTargetReport provision(ProvisionTargetCommand command) {
    SourceColumn id = new SourceColumn("id", 1, "int", "int", false, null, null, null, null, false, false, false, null, List.of());
    TargetColumn targetId = new TargetColumn("id", 1, "int4", "integer", null, null, null, false, false, false, null, false,
        List.of(), false);
    SourceSchema source = new SourceSchema("app", "8.0.31", List.of(
        new SourceTable("space", List.of(id), List.of("id"), List.of(), List.of(), 1),
        new SourceTable("User", List.of(id), List.of("id"), List.of(), List.of(), 1),
        new SourceTable("migrations_typeorm", List.of(id), List.of("id"), List.of(), List.of(), 1),
        new SourceTable("legacy_audit", List.of(id), List.of("id"), List.of(), List.of(), 1)));
    TargetSchema target = new TargetSchema("public", "17.5", targetTables.stream()
        .map(name -> new TargetTable(name, List.of(targetId), List.of("id"), List.of(), List.of(), List.of(), List.of()))
        .toList());
    ReadMigrationVersionsPort sourceReader = (table, column) -> table.equals(historyTable)
        && historyColumns.contains(column) ? sourceVersions : Optional.empty();
    ReadMigrationVersionsPort targetReader = (table, column) -> table.equals(historyTable)
        && historyColumns.contains(column) ? targetVersions : Optional.empty();
    return new ProvisionTargetService(migrations, commands, () -> source, () -> target, inspection, sourceReader,
        targetReader, schemaRows, Path.of("work", "logs"), Clock.fixed(Instant.parse("2026-11-21T10:15:30Z"), ZoneOffset.UTC))
        .provision(command);
  }

  private static PlanSettings excludingLegacy() {
    return PlanSettings.defaults().withExcludedTable("legacy_audit", "retired feature");
  }

  @Test
  void aFlywayLocationIsAppliedAndItsVersionChecked() {
    ProvisionTargetReport report = provision(new ProvisionTargetCommand("classpath:db", List.of(), "2", List.of(), Set.of(), excludingLegacy()));
    assertEquals(List.of("classpath:db"), applied);
    assertEquals(ProvisionTargetCommand.Mode.FLYWAY, report.mode());
    assertEquals(2, report.migrationsApplied());
    assertTrue(report.contractHolds(), report.problems().toString());
    assertEquals(targetTables, List.copyOf(schemaRows.kept.keySet()), "what the schema phase left is kept for rollback");

    ProvisionTargetReport wrongVersion = provision(new ProvisionTargetCommand("classpath:db", List.of(), "3", List.of(), Set.of(), excludingLegacy()));
    assertEquals(List.of("the target is at Flyway version 2, not the expected 3"), wrongVersion.problems());
  }

  @Test
  void theOperatorsCommandRunsWithItsOutputInATimestampedLog() {
    ProvisionTargetReport report = provision(new ProvisionTargetCommand(null, List.of("kratos", "migrate", "sql", "-e", "--yes"),
        null, List.of(), Set.of(), excludingLegacy()));
    assertEquals(List.of(List.of("kratos", "migrate", "sql", "-e", "--yes")), commandsRun);
    assertEquals(Path.of("work", "logs", "provision_20261121_101530.log"), logs.get(0));
    assertTrue(report.contractHolds());
    assertTrue(applied.isEmpty());
  }

  @Test
  void aFailingCommandBreaksTheContractAndPointsAtItsLog() {
    commandStatus = 3;
    ProvisionTargetReport report = provision(new ProvisionTargetCommand(null, List.of("migrate"), null, List.of(), Set.of(), excludingLegacy()));
    assertFalse(report.contractHolds());
    assertTrue(schemaRows.kept.isEmpty(), "a schema whose provisioning failed is no state to roll back to");
    assertTrue(report.problems().get(0).contains("exited with status 3") && report.problems().get(0).contains("provision_"),
        report.problems().toString());
  }

  @Test
  void aSourceTableWithoutTargetTableBreaksTheContractUnlessExcluded() {
    ProvisionTargetReport report = provision(new ProvisionTargetCommand(null, List.of(), null, List.of(), Set.of(), PlanSettings.defaults()));
    assertEquals(ProvisionTargetCommand.Mode.ALREADY_PROVISIONED, report.mode());
    assertEquals(List.of("legacy_audit"), report.missingTables(), "User matches user; migrations_typeorm is excluded by default");
    assertTrue(provision(new ProvisionTargetCommand(null, List.of(), null, List.of(), Set.of(), excludingLegacy())).contractHolds());
  }

  @Test
  void rowsAlreadyInTheTargetAreReportedPerTable() {
    ProvisionTargetReport report = provision(new ProvisionTargetCommand(null, List.of(), null, List.of(), Set.of(), excludingLegacy()));
    assertEquals(Map.of("space", 3L, "flyway_schema_history", 3L), report.existingRows());
  }

  @Test
  void theApplicationsHistoryIsRecognisedWithoutBeingNamedAndMustBeAtTheSourcesRelease() {
    ProvisionTargetReport same = provision(command(List.of(), Set.of()));
    assertTrue(same.contractHolds(), same.problems().toString());
    assertEquals("3", same.histories().get(0).newestShared(), "schema_migration was found without --compare-versions");

    targetVersions = Optional.of(Set.of("1", "2", "3", "4"));
    ProvisionTargetReport newerTarget = provision(command(List.of(), Set.of()));
    assertEquals(1, newerTarget.problems().size());
    assertTrue(newerTarget.problems().get(0).contains("the target has 1 migration(s) the source has not run")
        && newerTarget.problems().get(0).contains("Upgrade the source"), newerTarget.problems().toString());

    targetVersions = Optional.of(Set.of("1"));
    ProvisionTargetReport olderTarget = provision(command(List.of(), Set.of()));
    assertTrue(olderTarget.problems().get(0).contains("the source has run 2 migration(s) the target lacks"),
        olderTarget.problems().toString());
    assertTrue(provision(command(List.of(), Set.of("2", "3"))).contractHolds(),
        "releases the operator accepted are reported, not held against the run");
  }

  @Test
  void aNamedHistoryTableMustExistOnBothSides() {
    historyTable = "app_versions";
    historyColumns = Set.of("tag");
    targetVersions = Optional.empty();

    ProvisionTargetReport report = provision(command(List.of("app_versions.tag"), Set.of()));

    assertTrue(report.problems().get(0).contains(
        "app_versions.tag: the migration-history table app_versions (with its column tag) is missing in the target"),
        report.problems().toString());
    assertTrue(provision(command(List.of(), Set.of())).contractHolds(), "an unnamed, unknown table is not looked for");
  }

  @Test
  void aTableNamedLikeAHistoryIsOneOnlyWithTheColumnThatToolUses() {
    // Laravel's history is `migrations`(migration, batch), TypeORM's default `migrations`(timestamp, name).
    historyTable = "migrations";
    historyColumns = Set.of("id", "migration", "batch");
    sourceVersions = Optional.of(Set.of("2014_10_12_000000_create_users_table", "2024_01_01_000000_create_shop"));
    targetVersions = Optional.of(Set.of("2014_10_12_000000_create_users_table"));

    ProvisionTargetReport laravel = provision(command(List.of(), Set.of()));
    assertEquals(1, laravel.problems().size(), laravel.problems().toString());
    assertTrue(laravel.problems().get(0).startsWith("migrations.migration: ")
        && laravel.problems().get(0).contains("the source has run 1 migration(s) the target lacks"),
        laravel.problems().toString());

    historyColumns = Set.of("id", "route", "season");
    assertTrue(provision(command(List.of(), Set.of())).contractHolds(),
        "an application's own `migrations` table (of birds, say) is data, not a history");
  }

  private ProvisionTargetCommand command(List<String> historyTables, Set<String> accepted) {
    return new ProvisionTargetCommand(null, List.of(), null, historyTables, accepted, excludingLegacy());
  }
}

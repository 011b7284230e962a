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
  private int commandStatus;
  private List<String> targetTables = List.of("space", "user", "flyway_schema_history");
  private Optional<Set<String>> sourceVersions = Optional.of(Set.of("1", "2", "3"));
  private Optional<Set<String>> targetVersions = Optional.of(Set.of("1", "2", "3", "4"));

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
    ReadMigrationVersionsPort sourceReader = (table, column) -> sourceVersions;
    ReadMigrationVersionsPort targetReader = (table, column) -> targetVersions;
    return new ProvisionTargetService(migrations, commands, () -> source, () -> target, inspection, sourceReader,
        targetReader, Path.of("work", "logs"), Clock.fixed(Instant.parse("2026-11-21T10:15:30Z"), ZoneOffset.UTC))
        .provision(command);
  }

  private static PlanSettings excludingLegacy() {
    return PlanSettings.defaults().withExcludedTable("legacy_audit", "retired feature");
  }

  @Test
  void aFlywayLocationIsAppliedAndItsVersionChecked() {
    ProvisionTargetReport report = provision(new ProvisionTargetCommand("classpath:db", List.of(), "2", null, Set.of(), excludingLegacy()));
    assertEquals(List.of("classpath:db"), applied);
    assertEquals(ProvisionTargetCommand.Mode.FLYWAY, report.mode());
    assertEquals(2, report.migrationsApplied());
    assertTrue(report.contractHolds(), report.problems().toString());

    ProvisionTargetReport wrongVersion = provision(new ProvisionTargetCommand("classpath:db", List.of(), "3", null, Set.of(), excludingLegacy()));
    assertEquals(List.of("the target is at Flyway version 2, not the expected 3"), wrongVersion.problems());
  }

  @Test
  void theOperatorsCommandRunsWithItsOutputInATimestampedLog() {
    ProvisionTargetReport report = provision(new ProvisionTargetCommand(null, List.of("kratos", "migrate", "sql", "-e", "--yes"),
        null, null, Set.of(), excludingLegacy()));
    assertEquals(List.of(List.of("kratos", "migrate", "sql", "-e", "--yes")), commandsRun);
    assertEquals(Path.of("work", "logs", "provision_20261121_101530.log"), logs.get(0));
    assertTrue(report.contractHolds());
    assertTrue(applied.isEmpty());
  }

  @Test
  void aFailingCommandBreaksTheContractAndPointsAtItsLog() {
    commandStatus = 3;
    ProvisionTargetReport report = provision(new ProvisionTargetCommand(null, List.of("migrate"), null, null, Set.of(), excludingLegacy()));
    assertFalse(report.contractHolds());
    assertTrue(report.problems().get(0).contains("exited with status 3") && report.problems().get(0).contains("provision_"),
        report.problems().toString());
  }

  @Test
  void aSourceTableWithoutTargetTableBreaksTheContractUnlessExcluded() {
    ProvisionTargetReport report = provision(new ProvisionTargetCommand(null, List.of(), null, null, Set.of(), PlanSettings.defaults()));
    assertEquals(ProvisionTargetCommand.Mode.ALREADY_PROVISIONED, report.mode());
    assertEquals(List.of("legacy_audit"), report.missingTables(), "User matches user; migrations_typeorm is excluded by default");
    assertTrue(provision(new ProvisionTargetCommand(null, List.of(), null, null, Set.of(), excludingLegacy())).contractHolds());
  }

  @Test
  void rowsAlreadyInTheTargetAreReportedPerTable() {
    ProvisionTargetReport report = provision(new ProvisionTargetCommand(null, List.of(), null, null, Set.of(), excludingLegacy()));
    assertEquals(Map.of("space", 3L, "flyway_schema_history", 3L), report.existingRows());
  }

  @Test
  void migrationVersionsAreComparedBothWaysAndOnlyMissingTargetVersionsBreakTheContract() {
    ProvisionTargetReport newer = provision(new ProvisionTargetCommand(null, List.of(), null, "schema_migration.version",
        Set.of(), excludingLegacy()));
    assertEquals(Set.of("4"), newer.missingInSource());
    assertTrue(newer.contractHolds());

    targetVersions = Optional.of(Set.of("1"));
    ProvisionTargetReport older = provision(new ProvisionTargetCommand(null, List.of(), null, "schema_migration", Set.of(), excludingLegacy()));
    assertEquals(Set.of("2", "3"), older.missingInTarget());
    assertEquals(1, older.problems().size());
    assertTrue(older.problems().get(0).contains("lacks 2 version(s) the source has: 2, 3"), older.problems().toString());

    ProvisionTargetReport accepted = provision(new ProvisionTargetCommand(null, List.of(), null, "schema_migration",
        Set.of("2", "3"), excludingLegacy()));
    assertTrue(accepted.contractHolds(), "versions the operator accepted are reported, not blocking");
    assertEquals(Set.of("2", "3"), accepted.missingInTarget());

    targetVersions = Optional.empty();
    assertTrue(provision(new ProvisionTargetCommand(null, List.of(), null, "schema_migration", Set.of(), excludingLegacy()))
        .problems().get(0).contains("missing in the target"));
  }
}

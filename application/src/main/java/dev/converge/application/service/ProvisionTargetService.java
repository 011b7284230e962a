package dev.converge.application.service;

import dev.converge.application.port.in.ProvisionTargetCommand;
import dev.converge.application.port.in.ProvisionTargetReport;
import dev.converge.application.port.in.ProvisionTargetUseCase;
import dev.converge.application.port.out.ApplyTargetMigrationsPort;
import dev.converge.application.port.out.ApplyTargetMigrationsPort.AppliedMigrations;
import dev.converge.application.port.out.InspectTargetPort;
import dev.converge.application.port.out.KeepSchemaRowsPort;
import dev.converge.application.port.out.ReadMigrationVersionsPort;
import dev.converge.application.port.out.ReadSourceSchemaPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.application.port.out.RunProvisioningCommandPort;
import dev.converge.domain.schema.NameMatch;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.SourceTable;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Schema first: the target gets its schema from the application's own migrations (a Flyway
 * location, or the operator's command), or is taken as already provisioned; then the contract is
 * checked: every table the migration needs exists, the version is the expected one, the
 * application's own migration history is at the source's release ({@link MigrationHistories}), and
 * seeded rows are reported.
 */
public final class ProvisionTargetService implements ProvisionTargetUseCase {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

  private final ApplyTargetMigrationsPort migrations;
  private final RunProvisioningCommandPort commands;
  private final ReadSourceSchemaPort sourceSchema;
  private final ReadTargetSchemaPort targetSchema;
  private final InspectTargetPort target;
  private final ReadMigrationVersionsPort sourceVersions;
  private final ReadMigrationVersionsPort targetVersions;
  private final KeepSchemaRowsPort schemaRows;
  private final Path logDirectory;
  private final Clock clock;

  public ProvisionTargetService(ApplyTargetMigrationsPort migrations, RunProvisioningCommandPort commands,
      ReadSourceSchemaPort sourceSchema, ReadTargetSchemaPort targetSchema, InspectTargetPort target,
      ReadMigrationVersionsPort sourceVersions, ReadMigrationVersionsPort targetVersions, KeepSchemaRowsPort schemaRows,
      Path logDirectory, Clock clock) {
    this.migrations = Objects.requireNonNull(migrations, "migrations");
    this.commands = Objects.requireNonNull(commands, "commands");
    this.sourceSchema = Objects.requireNonNull(sourceSchema, "sourceSchema");
    this.targetSchema = Objects.requireNonNull(targetSchema, "targetSchema");
    this.target = Objects.requireNonNull(target, "target");
    this.sourceVersions = Objects.requireNonNull(sourceVersions, "sourceVersions");
    this.targetVersions = Objects.requireNonNull(targetVersions, "targetVersions");
    this.schemaRows = Objects.requireNonNull(schemaRows, "schemaRows");
    this.logDirectory = Objects.requireNonNull(logDirectory, "logDirectory");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ProvisionTargetReport provision(ProvisionTargetCommand command) {
    List<String> problems = new ArrayList<>();
    int applied = 0;
    String version = null;
    String commandLog = null;
    switch (command.mode()) {
      case FLYWAY -> {
        AppliedMigrations result = migrations.apply(command.flywayLocation());
        applied = result.executed();
        version = result.version();
        if (command.expectedVersion() != null && !command.expectedVersion().equals(version)) {
          problems.add("the target is at Flyway version " + version + ", not the expected " + command.expectedVersion());
        }
      }
      case COMMAND -> {
        Path log = logDirectory.resolve("provision_" + STAMP.format(clock.instant()) + ".log");
        commandLog = log.toString();
        int status = commands.run(command.command(), log);
        if (status != 0) {
          problems.add("the provisioning command " + command.command() + " exited with status " + status
              + "; its output is in " + log);
        }
      }
      case ALREADY_PROVISIONED -> {
        // Nothing to run: the operator says the schema is there; the checks below hold them to it.
      }
    }
    SourceSchema source = sourceSchema.readSourceSchema();
    TargetSchema targetTables = targetSchema.readTargetSchema();
    List<String> missing = new ArrayList<>();
    for (SourceTable table : source.tables()) {
      if (!command.settings().excludedTables().containsKey(table.name()) && !hasTable(targetTables, table.name())) {
        missing.add(table.name());
        problems.add("source table " + table.name() + " has no target table (exclude it with a reason if it must not be copied)");
      }
    }
    Map<String, Long> existingRows = new LinkedHashMap<>();
    target.countRows(targetTables.tables().stream().map(TargetTable::name).toList()).forEach((table, rows) -> {
      if (rows > 0) {
        existingRows.put(table, rows);
      }
    });
    MigrationHistories.Result histories = new MigrationHistories(sourceVersions, targetVersions)
        .compare(command.versionTables(), command.acceptedMissingVersions());
    histories.problems().forEach(problem -> problems.add(problem.toString()));
    if (problems.isEmpty()) {
      // What the schema phase leaves is what rollback restores; kept once per table, so running the
      // schema phase again on a loaded target (a new work directory, say) does not take the load for it.
      schemaRows.keepOnce(targetTables.tables().stream().map(TargetTable::name).toList());
    }
    return new ProvisionTargetReport(command.mode(), applied, version, commandLog, missing, existingRows,
        histories.comparisons(), problems);
  }

  private static boolean hasTable(TargetSchema schema, String name) {
    return NameMatch.find(schema.tables(), TargetTable::name, name).isPresent();
  }

}

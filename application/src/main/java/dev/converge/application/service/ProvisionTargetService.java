package dev.converge.application.service;

import dev.converge.application.port.in.ProvisionTargetCommand;
import dev.converge.application.port.in.ProvisionTargetReport;
import dev.converge.application.port.in.ProvisionTargetUseCase;
import dev.converge.application.port.out.ApplyTargetMigrationsPort;
import dev.converge.application.port.out.ApplyTargetMigrationsPort.AppliedMigrations;
import dev.converge.application.port.out.InspectTargetPort;
import dev.converge.application.port.out.ReadMigrationVersionsPort;
import dev.converge.application.port.out.ReadSourceSchemaPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.application.port.out.RunProvisioningCommandPort;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Schema first: the target gets its schema from the application's own migrations (a Flyway
 * location, or the operator's command), or is taken as already provisioned; then the contract is
 * checked: every table the migration needs exists, the version is the expected one, the
 * application's own migration history matches the source's, and seeded rows are reported.
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
  private final Path logDirectory;
  private final Clock clock;

  public ProvisionTargetService(ApplyTargetMigrationsPort migrations, RunProvisioningCommandPort commands,
      ReadSourceSchemaPort sourceSchema, ReadTargetSchemaPort targetSchema, InspectTargetPort target,
      ReadMigrationVersionsPort sourceVersions, ReadMigrationVersionsPort targetVersions, Path logDirectory, Clock clock) {
    this.migrations = Objects.requireNonNull(migrations, "migrations");
    this.commands = Objects.requireNonNull(commands, "commands");
    this.sourceSchema = Objects.requireNonNull(sourceSchema, "sourceSchema");
    this.targetSchema = Objects.requireNonNull(targetSchema, "targetSchema");
    this.target = Objects.requireNonNull(target, "target");
    this.sourceVersions = Objects.requireNonNull(sourceVersions, "sourceVersions");
    this.targetVersions = Objects.requireNonNull(targetVersions, "targetVersions");
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
    Set<String> missingInTarget = new TreeSet<>();
    Set<String> missingInSource = new TreeSet<>();
    if (command.versionTable() != null) {
      String[] tableAndColumn = command.versionTable().split("\\.", 2);
      String column = tableAndColumn.length > 1 ? tableAndColumn[1] : "version";
      Optional<Set<String>> inSource = sourceVersions.versions(tableAndColumn[0], column);
      Optional<Set<String>> inTarget = targetVersions.versions(tableAndColumn[0], column);
      if (inSource.isEmpty() || inTarget.isEmpty()) {
        problems.add("the migration table " + tableAndColumn[0] + " is missing in the "
            + (inSource.isEmpty() ? "source" : "target"));
      } else {
        missingInTarget.addAll(inSource.get());
        missingInTarget.removeAll(inTarget.get());
        missingInSource.addAll(inTarget.get());
        missingInSource.removeAll(inSource.get());
        Set<String> unexpected = new TreeSet<>(missingInTarget);
        unexpected.removeAll(command.acceptedMissingVersions());
        if (!unexpected.isEmpty()) {
          problems.add("the target's " + tableAndColumn[0] + " lacks " + unexpected.size()
              + " version(s) the source has: " + abbreviate(unexpected)
              + " (accept versions that exist only for MySQL with --accept-missing-version)");
        }
      }
    }
    return new ProvisionTargetReport(command.mode(), applied, version, commandLog, missing, existingRows,
        missingInTarget, missingInSource, problems);
  }

  private static boolean hasTable(TargetSchema schema, String name) {
    return schema.table(name).isPresent()
        || schema.tables().stream().filter(table -> table.name().equalsIgnoreCase(name)).count() == 1;
  }

  private static String abbreviate(Set<String> versions) {
    List<String> shown = versions.stream().limit(10).toList();
    return String.join(", ", shown) + (versions.size() > shown.size() ? ", …" : "");
  }
}

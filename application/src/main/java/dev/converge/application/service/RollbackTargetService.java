package dev.converge.application.service;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.RollbackTargetCommand;
import dev.converge.application.port.in.RollbackTargetCommand.Mode;
import dev.converge.application.port.in.RollbackTargetReport;
import dev.converge.application.port.in.RollbackTargetUseCase;
import dev.converge.application.port.out.ApplyTargetMigrationsPort;
import dev.converge.application.port.out.InspectTargetPort;
import dev.converge.application.port.out.LoadTargetTablesPort;
import dev.converge.application.port.out.LoadTargetTablesPort.LoadSession;
import dev.converge.application.port.out.LoadTargetTablesPort.TableLoad;
import dev.converge.application.port.out.ReadTableFilesPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.application.port.out.RecordImportPort;
import dev.converge.application.port.out.RecordRollbackPort;
import dev.converge.application.port.out.RecreateTargetSchemaPort;
import dev.converge.application.port.out.RunProvisioningCommandPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.ExistingRows;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.SchemaFingerprint;
import dev.converge.domain.plan.TablePlan;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rolls the target back to what the schema phase left. {@code TRUNCATE}: every table of the plan
 * is emptied, the rows each held before the first import (kept by the import) are loaded back and
 * sequences are reset. {@code DROP}: the schema is dropped and re-created, then provisioned again
 * the way the schema phase did (the same Flyway location or command), and must then be exactly the
 * planned schema. Either way the import journal is forgotten, so that the next import starts clean,
 * and the outcome is recorded. The source is never touched by any phase, so nothing needs rolling
 * back there.
 */
public final class RollbackTargetService implements RollbackTargetUseCase {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

  private final StorePlanPort plans;
  private final StoreManifestPort manifests;
  private final LoadTargetTablesPort loads;
  private final ReadTableFilesPort files;
  private final RecordImportPort journal;
  private final Provisioning provisioning;
  private final RecordRollbackPort rollbacks;
  private final ConnectionSettings settings;
  private final Clock clock;

  /** What {@code DROP} needs to drop, provision and check the schema. */
  public record Provisioning(RecreateTargetSchemaPort schema, ApplyTargetMigrationsPort migrations,
      RunProvisioningCommandPort commands, ReadTargetSchemaPort catalog, InspectTargetPort inspection) {
    public Provisioning {
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(migrations, "migrations");
      Objects.requireNonNull(commands, "commands");
      Objects.requireNonNull(catalog, "catalog");
      Objects.requireNonNull(inspection, "inspection");
    }
  }

  public RollbackTargetService(StorePlanPort plans, StoreManifestPort manifests, LoadTargetTablesPort loads,
      ReadTableFilesPort files, RecordImportPort journal, Provisioning provisioning, RecordRollbackPort rollbacks,
      ConnectionSettings settings, Clock clock) {
    this.plans = Objects.requireNonNull(plans, "plans");
    this.manifests = Objects.requireNonNull(manifests, "manifests");
    this.loads = Objects.requireNonNull(loads, "loads");
    this.files = Objects.requireNonNull(files, "files");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.provisioning = Objects.requireNonNull(provisioning, "provisioning");
    this.rollbacks = Objects.requireNonNull(rollbacks, "rollbacks");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public RollbackTargetReport rollback(RollbackTargetCommand command) {
    MigrationPlan plan = plans.load().orElseThrow(() -> new ConvergeException(ErrorCode.CONFIGURATION,
        "there is no plan in " + settings.workDirectory() + "; nothing was loaded by converge from here"));
    List<String> tables = plan.tables().stream().map(TablePlan::targetTable).toList();
    boolean drop = command.mode() == Mode.DROP;
    if (!command.confirmed()) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, drop
          ? "rollback --drop drops schema " + settings.targetSchema() + " with every table in it and provisions it"
              + " again; confirm with --yes"
          : "rollback empties " + tables.size() + " target tables and restores the rows they held before the import;"
              + " confirm with --yes");
    }
    if (drop && command.flywayLocation() == null && command.provisionCommand().isEmpty()) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "rollback --drop provisions the schema again: give it"
          + " the --flyway-location or --provision-command the schema phase was given");
    }
    Map<String, Long> restored = drop ? dropAndProvision(plan, command, tables) : emptyAndRestore(plan, tables);
    manifests.latest().ifPresent(stored -> journal.forget(stored.manifest().migrationId()));
    RollbackTargetReport report = new RollbackTargetReport(clock.instant(), command.mode(), tables, restored);
    rollbacks.record(report);
    return report;
  }

  private Map<String, Long> emptyAndRestore(MigrationPlan plan, List<String> tables) {
    Map<String, Long> restored = new LinkedHashMap<>();
    loads.emptyTables(tables);
    try (LoadSession session = loads.open(plan.foreignKeyStrategy(), tables)) {
      for (TablePlan table : plan.tables()) {
        Path kept = ImportTablesService.keptRows(settings, table.targetTable());
        String name = settings.workDirectory().relativize(kept).toString();
        if (!files.exists(name)) {
          continue;
        }
        long rows = files.forEachRow(name, row -> { });
        if (rows > 0) {
          session.load(new TableLoad(table.targetTable(), files.header(name), table.primaryKey(), ExistingRows.KEEP,
              kept, rows));
        }
        restored.put(table.targetTable(), rows);
      }
      session.finish(tables);
    }
    return restored;
  }

  /** The provisioning seeds the tables again; what they hold afterwards is what "restored" reports. */
  private Map<String, Long> dropAndProvision(MigrationPlan plan, RollbackTargetCommand command, List<String> tables) {
    provisioning.schema().recreateSchema();
    if (command.flywayLocation() != null) {
      provisioning.migrations().apply(command.flywayLocation());
    } else {
      Path log = settings.workDirectory().resolve("logs").resolve("provision_" + STAMP.format(clock.instant()) + ".log");
      int status = provisioning.commands().run(command.provisionCommand(), log);
      if (status != 0) {
        throw new ConvergeException(ErrorCode.PLAN_BLOCKED, "schema " + settings.targetSchema() + " was dropped, but"
            + " the provisioning command " + command.provisionCommand() + " exited with status " + status
            + "; its output is in " + log + ". Fix it and run rollback --drop again");
      }
    }
    if (!SchemaFingerprint.of(provisioning.catalog().readTargetSchema()).equals(plan.targetFingerprint())) {
      throw new ConvergeException(ErrorCode.PLAN_BLOCKED, "schema " + settings.targetSchema() + " was dropped and"
          + " provisioned again, but it is not the schema the plan was made for: were the same migrations given as to"
          + " the schema phase? Run rollback --drop again with those, or plan again");
    }
    return provisioning.inspection().countRows(tables);
  }
}

package dev.converge.application.service;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.RollbackTargetCommand;
import dev.converge.application.port.in.RollbackTargetReport;
import dev.converge.application.port.in.RollbackTargetUseCase;
import dev.converge.application.port.out.LoadTargetTablesPort;
import dev.converge.application.port.out.LoadTargetTablesPort.LoadSession;
import dev.converge.application.port.out.LoadTargetTablesPort.TableLoad;
import dev.converge.application.port.out.ReadTableFilesPort;
import dev.converge.application.port.out.RecordImportPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.ExistingRows;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.TablePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rolls the target back to what the schema phase left: every table of the plan is emptied, the
 * rows each held before the first import (kept by the import) are loaded back, sequences are reset
 * and the import journal is forgotten, so that the next import starts clean. The source is never
 * touched by any phase, so nothing needs rolling back there.
 */
public final class RollbackTargetService implements RollbackTargetUseCase {

  private final StorePlanPort plans;
  private final StoreManifestPort manifests;
  private final LoadTargetTablesPort loads;
  private final ReadTableFilesPort files;
  private final RecordImportPort journal;
  private final ConnectionSettings settings;

  public RollbackTargetService(StorePlanPort plans, StoreManifestPort manifests, LoadTargetTablesPort loads,
      ReadTableFilesPort files, RecordImportPort journal, ConnectionSettings settings) {
    this.plans = Objects.requireNonNull(plans, "plans");
    this.manifests = Objects.requireNonNull(manifests, "manifests");
    this.loads = Objects.requireNonNull(loads, "loads");
    this.files = Objects.requireNonNull(files, "files");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public RollbackTargetReport rollback(RollbackTargetCommand command) {
    MigrationPlan plan = plans.load().orElseThrow(() -> new ConvergeException(ErrorCode.CONFIGURATION,
        "there is no plan in " + settings.workDirectory() + "; nothing was loaded by converge from here"));
    List<String> tables = plan.tables().stream().map(TablePlan::targetTable).toList();
    if (!command.confirmed()) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "rollback empties " + tables.size()
          + " target tables and restores the rows they held before the import; confirm with --yes");
    }
    Map<String, Long> restored = new LinkedHashMap<>();
    loads.emptyTables(tables);
    try (LoadSession session = loads.open(plan.foreignKeyStrategy(), tables)) {
      for (TablePlan table : plan.tables()) {
        Path kept = ImportTablesService.keptRows(settings, table.targetTable());
        if (!Files.exists(kept)) {
          continue;
        }
        String name = settings.workDirectory().relativize(kept).toString();
        long rows = files.forEachRow(name, row -> { });
        if (rows > 0) {
          session.load(new TableLoad(table.targetTable(), files.header(name), table.primaryKey(), ExistingRows.KEEP,
              kept, rows));
        }
        restored.put(table.targetTable(), rows);
      }
      session.finish(tables);
    }
    manifests.latest().ifPresent(stored -> journal.forget(stored.manifest().migrationId()));
    return new RollbackTargetReport(tables, restored);
  }
}

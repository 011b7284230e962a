package dev.converge.bootstrap;

import dagger.Module;
import dagger.Binds;
import dagger.Provides;
import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.ExportTablesUseCase;
import dev.converge.application.port.in.ImportTablesUseCase;
import dev.converge.application.port.in.TransferTablesUseCase;
import dev.converge.application.port.in.PlanMigrationUseCase;
import dev.converge.application.port.in.ProvisionTargetUseCase;
import dev.converge.application.port.in.RollbackTargetUseCase;
import dev.converge.application.port.in.ValidateFilesUseCase;
import dev.converge.application.port.in.SyncTablesUseCase;
import dev.converge.application.port.in.VerifyMigrationUseCase;
import dev.converge.application.port.out.ApplyTableChangesPort;
import dev.converge.application.port.out.ApplyTargetMigrationsPort;
import dev.converge.application.port.out.CheckTargetIntegrityPort;
import dev.converge.application.port.out.InspectTargetPort;
import dev.converge.application.port.out.KeepSchemaRowsPort;
import dev.converge.application.port.out.LoadTargetTablesPort;
import dev.converge.application.port.out.ReadChecklistPort;
import dev.converge.application.port.out.ReadDroppedForeignKeysPort;
import dev.converge.application.port.out.ReadMigrationVersionsPort;
import dev.converge.application.port.out.ReadSourcePositionPort;
import dev.converge.application.port.out.ReadSourceSchemaPort;
import dev.converge.application.port.out.ReadTableFilesPort;
import dev.converge.application.port.out.ReadTargetRowsPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.application.port.out.RecordImportPort;
import dev.converge.application.port.out.RecordRollbackPort;
import dev.converge.application.port.out.RecordValidationPort;
import dev.converge.application.port.out.RecreateTargetSchemaPort;
import dev.converge.application.port.out.ReportProgressPort;
import dev.converge.application.port.out.RunChecklistQueryPort;
import dev.converge.application.port.out.RunSourceQueryPort;
import dev.converge.application.port.out.RunPreflightChecksPort;
import dev.converge.application.port.out.RunProvisioningCommandPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.application.port.out.WriteReportPort;
import dev.converge.application.port.out.LookupSourceValuesPort;
import dev.converge.application.port.out.RecordChangesPort;
import dev.converge.application.port.out.WriteDirtyRowsPort;
import dev.converge.application.port.out.WriteTableFilesPort;
import dev.converge.application.service.ExportTablesService;
import dev.converge.application.service.ImportTablesService;
import dev.converge.application.service.PlanMigrationService;
import dev.converge.application.service.ProvisionTargetService;
import dev.converge.application.service.RollbackTargetService;
import dev.converge.application.service.TransferTablesService;
import dev.converge.application.service.ValidateFilesService;
import dev.converge.application.service.SyncTablesService;
import dev.converge.application.service.VerifyMigrationService;
import java.time.Clock;
import javax.inject.Named;

/** Wires the application's services to the out-ports of a session. */
@Module
interface ApplicationModule {

  @Provides
  static ProvisionTargetUseCase provisionTarget(ApplyTargetMigrationsPort migrations, RunProvisioningCommandPort commands,
      ReadSourceSchemaPort source, ReadTargetSchemaPort target, InspectTargetPort inspection,
      @Named("source") ReadMigrationVersionsPort sourceVersions, @Named("target") ReadMigrationVersionsPort targetVersions,
      KeepSchemaRowsPort schemaRows, ConnectionSettings settings, Clock clock) {
    return new ProvisionTargetService(migrations, commands, source, target, inspection, sourceVersions, targetVersions,
        schemaRows, settings.workDirectory().resolve("logs"), clock);
  }

  @Binds
  ExportTablesUseCase exportTables(ExportTablesService service);

  @Binds
  ValidateFilesUseCase validateFiles(ValidateFilesService service);

  @Binds
  ImportTablesUseCase importTables(ImportTablesService service);

  @Provides
  static TransferTablesUseCase transferTables(StorePlanPort plans, ExportTablesService export,
      ValidateFilesService validation, ImportTablesService imports, ReportProgressPort progress,
      ConnectionSettings settings, Clock clock) {
    return new TransferTablesService(plans, export, validation, imports, progress, settings.workDirectory(), clock);
  }

  @Provides
  static ExportTablesService exportService(StorePlanPort plans, ReadSourceSchemaPort source, ReadTargetSchemaPort target,
      StreamSourceRowsPort rows, ReadSourcePositionPort position, WriteTableFilesPort files, StoreManifestPort manifests,
      ReportProgressPort progress, ConnectionSettings settings, Clock clock, RecordChangesPort changes,
      LookupSourceValuesPort lookups, ReadTargetRowsPort targetRows) {
    return new ExportTablesService(plans, source, target, rows, position, files, manifests, progress, settings, clock,
        changes, lookups, targetRows);
  }

  @Provides
  static ValidateFilesService validateService(StorePlanPort plans, StoreManifestPort manifests, ReadTableFilesPort files,
      RecordValidationPort verdicts, Clock clock) {
    return new ValidateFilesService(plans, manifests, files, verdicts, clock);
  }

  @Provides
  static ImportTablesService importService(StorePlanPort plans, StoreManifestPort manifests, RecordValidationPort verdicts,
      ReadTargetSchemaPort target, LoadTargetTablesPort loads, ReadDroppedForeignKeysPort droppedForeignKeys,
      RecordImportPort journal, ReadTableFilesPort files, ReportProgressPort progress, ConnectionSettings settings,
      ReadSourcePositionPort position, KeepSchemaRowsPort schemaRows) {
    return new ImportTablesService(plans, manifests, verdicts, target, loads, droppedForeignKeys, journal, files,
        progress, settings, position, schemaRows);
  }

  @Provides
  static VerifyMigrationUseCase verifyMigration(StorePlanPort plans, StoreManifestPort manifests,
      StreamSourceRowsPort source, ReadTargetRowsPort rows, ReadTargetSchemaPort target, CheckTargetIntegrityPort integrity,
      WriteReportPort reports, ReadTableFilesPort files, ReadChecklistPort checklists, RunChecklistQueryPort queries,
      RunSourceQueryPort sourceQueries, ReadSourcePositionPort position, RecordChangesPort changes,
      LookupSourceValuesPort lookups, RecordImportPort imports) {
    return new VerifyMigrationService(plans, manifests, source, rows, target, integrity, reports, files, checklists,
        queries, sourceQueries, position, changes, lookups, imports);
  }

  @Provides
  static SyncTablesUseCase syncTables(StorePlanPort plans, StoreManifestPort manifests, RecordImportPort imports,
      ReadTargetSchemaPort target, StreamSourceRowsPort source, ReadTargetRowsPort rows, ApplyTableChangesPort changes,
      LoadTargetTablesPort loads, CheckTargetIntegrityPort integrity, WriteReportPort reports,
      ReportProgressPort progress, RecordChangesPort records, LookupSourceValuesPort lookups) {
    return new SyncTablesService(plans, manifests, imports, target, source, rows, changes, loads, integrity, reports,
        progress, records, lookups);
  }

  @Provides
  static RollbackTargetUseCase rollbackTarget(StorePlanPort plans, StoreManifestPort manifests, LoadTargetTablesPort loads,
      KeepSchemaRowsPort schemaRows, RecordImportPort journal, RecreateTargetSchemaPort schema,
      ApplyTargetMigrationsPort migrations, RunProvisioningCommandPort commands, ReadTargetSchemaPort catalog,
      InspectTargetPort inspection, RecordRollbackPort rollbacks, ConnectionSettings settings, Clock clock) {
    return new RollbackTargetService(plans, manifests, loads, schemaRows, journal,
        new RollbackTargetService.Provisioning(schema, migrations, commands, catalog, inspection), rollbacks, settings,
        clock);
  }

  @Provides
  static PlanMigrationUseCase planMigration(ReadSourceSchemaPort source, ReadTargetSchemaPort target,
      InspectTargetPort inspection, RunPreflightChecksPort preflight, StorePlanPort plans,
      @Named("source") ReadMigrationVersionsPort sourceVersions, @Named("target") ReadMigrationVersionsPort targetVersions,
      StreamSourceRowsPort rows, ReportProgressPort progress, WriteDirtyRowsPort dirtyRows, ReadTargetRowsPort targetRows,
      LookupSourceValuesPort lookups) {
    return new PlanMigrationService(source, target, inspection, preflight, plans, sourceVersions, targetVersions, rows,
        progress, dirtyRows, targetRows, lookups);
  }
}

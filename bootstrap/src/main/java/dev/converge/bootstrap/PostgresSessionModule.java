package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.postgres.PostgresTarget;
import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.ExportTablesCommand;
import dev.converge.application.port.out.ApplyTableChangesPort;
import dev.converge.application.port.out.ApplyTargetMigrationsPort;
import dev.converge.application.port.out.CheckTargetIntegrityPort;
import dev.converge.application.port.out.InspectTargetPort;
import dev.converge.application.port.out.KeepSchemaRowsPort;
import dev.converge.application.port.out.LoadTargetTablesPort;
import dev.converge.application.port.out.ReadDroppedForeignKeysPort;
import dev.converge.application.port.out.ReadMigrationVersionsPort;
import dev.converge.application.port.out.ReadTargetRowsPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.application.port.out.RecreateTargetSchemaPort;
import dev.converge.application.port.out.RunChecklistQueryPort;
import dev.converge.application.port.out.RunProvisioningCommandPort;
import javax.inject.Named;

/** Wires adapters-postgres into a session: the target pool and the adapters that use it. */
@Module
interface PostgresSessionModule {

  /** Enough for the most parallel load and the catalog reads beside it; opened only as asked for. */
  int TARGET_CONNECTIONS = ExportTablesCommand.MAX_PARALLELISM + 2;

  @Provides
  @SessionScope
  static PostgresTarget target(ConnectionSettings settings) {
    return PostgresTarget.open(settings.target(), settings.targetSchema(), TARGET_CONNECTIONS);
  }

  @Provides
  static ReadTargetSchemaPort targetCatalog(PostgresTarget target) {
    return target.catalog();
  }

  @Provides
  static InspectTargetPort inspection(PostgresTarget target) {
    return target.inspection();
  }

  @Provides
  static ApplyTargetMigrationsPort migrations(PostgresTarget target) {
    return target.migrations();
  }

  @Provides
  static ReadTargetRowsPort targetRows(PostgresTarget target) {
    return target.verification();
  }

  @Provides
  static CheckTargetIntegrityPort integrity(PostgresTarget target) {
    return target.verification();
  }

  @Provides
  static RunChecklistQueryPort checklistQueries(PostgresTarget target) {
    return target.checklistQueries();
  }

  @Provides
  static LoadTargetTablesPort loads(PostgresTarget target) {
    return target.copies();
  }

  @Provides
  static KeepSchemaRowsPort schemaRows(PostgresTarget target) {
    return target.schemaRows();
  }

  @Provides
  static ApplyTableChangesPort changes(PostgresTarget target) {
    return target.changes();
  }

  @Provides
  static ReadDroppedForeignKeysPort droppedForeignKeys(PostgresTarget target) {
    return target.copies();
  }

  @Provides
  static RecreateTargetSchemaPort schemaReset(PostgresTarget target) {
    return target.schemaReset();
  }

  @Provides
  static RunProvisioningCommandPort provisioningCommands(PostgresTarget target) {
    return target.provisioningCommands();
  }

  @Provides
  @Named("target")
  static ReadMigrationVersionsPort targetMigrationVersions(PostgresTarget target) {
    return target.inspection();
  }
}

package dev.converge.bootstrap;

import dagger.BindsInstance;
import dagger.Subcomponent;
import dev.converge.adapter.mysql.MySqlSource;
import dev.converge.adapter.postgres.PostgresTarget;
import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.ExportTablesUseCase;
import dev.converge.application.port.in.ImportTablesUseCase;
import dev.converge.application.port.in.TransferTablesUseCase;
import dev.converge.application.port.in.PlanMigrationUseCase;
import dev.converge.application.port.in.ProvisionTargetUseCase;
import dev.converge.application.port.in.RollbackTargetUseCase;
import dev.converge.application.port.in.SyncTablesUseCase;
import dev.converge.application.port.in.ValidateFilesUseCase;
import dev.converge.application.port.in.VerifyMigrationUseCase;

/** The object graph of one connected run; it owns the source and target pools. */
@SessionScope
@Subcomponent(modules = {MySqlSessionModule.class, PostgresSessionModule.class, CsvSessionModule.class,
    JsonSessionModule.class, YamlSessionModule.class, MarkdownSessionModule.class, ApplicationModule.class})
interface SessionComponent {

  PlanMigrationUseCase planMigration();

  ProvisionTargetUseCase provisionTarget();

  ExportTablesUseCase exportTables();

  ValidateFilesUseCase validateFiles();

  ImportTablesUseCase importTables();

  TransferTablesUseCase transferTables();

  VerifyMigrationUseCase verifyMigration();

  RollbackTargetUseCase rollbackTarget();

  SyncTablesUseCase syncTables();

  MySqlSource source();

  PostgresTarget target();

  @Subcomponent.Factory
  interface Factory {
    SessionComponent create(@BindsInstance ConnectionSettings settings);
  }
}

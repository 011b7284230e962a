package dev.converge.application.session;

import dev.converge.application.port.in.ExportTablesUseCase;
import dev.converge.application.port.in.ImportTablesUseCase;
import dev.converge.application.port.in.TransferTablesUseCase;
import dev.converge.application.port.in.PlanMigrationUseCase;
import dev.converge.application.port.in.ProvisionTargetUseCase;
import dev.converge.application.port.in.RollbackTargetUseCase;
import dev.converge.application.port.in.SyncTablesUseCase;
import dev.converge.application.port.in.ValidateFilesUseCase;
import dev.converge.application.port.in.VerifyMigrationUseCase;

/** The use cases of one run, connected to its source and target; closing it closes the connections. */
public interface MigrationSession extends AutoCloseable {

  PlanMigrationUseCase planMigration();

  ProvisionTargetUseCase provisionTarget();

  ExportTablesUseCase exportTables();

  ValidateFilesUseCase validateFiles();

  ImportTablesUseCase importTables();

  /** Export, validate and import as one pipeline ({@code converge migrate}). */
  TransferTablesUseCase transferTables();

  VerifyMigrationUseCase verifyMigration();

  RollbackTargetUseCase rollbackTarget();

  /** Only the rows that differ copied again after a pre-copy, then proven ({@code converge sync}). */
  SyncTablesUseCase syncTables();

  @Override
  void close();
}

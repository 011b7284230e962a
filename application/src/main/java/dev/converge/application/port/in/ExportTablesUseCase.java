package dev.converge.application.port.in;

/** Exports every planned table from one source snapshot into CSV files with a manifest. */
public interface ExportTablesUseCase {

  ExportTablesReport export(ExportTablesCommand command);
}

package dev.converge.application.port.in;

/** Loads the validated files into the target with COPY, table by table, resumable. */
public interface ImportTablesUseCase {

  ImportTablesReport importTables(ImportTablesCommand command);
}

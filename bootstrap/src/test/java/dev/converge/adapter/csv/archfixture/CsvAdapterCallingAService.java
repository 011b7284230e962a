package dev.converge.adapter.csv.archfixture;

import dev.converge.application.port.in.ImportTablesReport;
import dev.converge.application.port.in.ImportTablesCommand;
import dev.converge.application.service.ImportTablesService;

/** Breaks the ports rule: an adapter reaching into an application service instead of a port. */
public class CsvAdapterCallingAService {
  public ImportTablesReport importTables(ImportTablesService service, ImportTablesCommand command) {
    return service.importTables(command);
  }
}

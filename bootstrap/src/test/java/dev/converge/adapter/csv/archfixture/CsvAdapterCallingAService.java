package dev.converge.adapter.csv.archfixture;

import dev.converge.application.service.ImportTablesService;
import java.nio.file.Path;

/** Breaks the ports rule: an adapter reaching into an application service instead of a port. */
public class CsvAdapterCallingAService {
  public Path keptRows(dev.converge.application.connection.ConnectionSettings settings) {
    return ImportTablesService.keptRows(settings, "user");
  }
}

package dev.converge.domain.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Every base table of one MySQL database (schema), with the server's product and version. */
public record SourceSchema(String database, String serverVersion, List<SourceTable> tables) {

  public SourceSchema {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(serverVersion, "serverVersion");
    tables = List.copyOf(tables);
  }

  public Optional<SourceTable> table(String name) {
    return tables.stream().filter(table -> table.name().equals(name)).findFirst();
  }
}

package dev.converge.domain.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Every table of one PostgreSQL schema (namespace), with the server's version. */
public record TargetSchema(String schema, String serverVersion, List<TargetTable> tables) {

  public TargetSchema {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(serverVersion, "serverVersion");
    tables = List.copyOf(tables);
  }

  public Optional<TargetTable> table(String name) {
    return tables.stream().filter(table -> table.name().equals(name)).findFirst();
  }
}

package dev.converge.domain.schema;

import java.util.List;
import java.util.Objects;

/** A foreign key: {@code columns} of the owning table reference {@code referencedColumns} of another. */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns) {

  public ForeignKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(referencedTable, "referencedTable");
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
    if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
      throw new IllegalArgumentException("foreign key " + name + " pairs " + columns + " with " + referencedColumns);
    }
  }
}

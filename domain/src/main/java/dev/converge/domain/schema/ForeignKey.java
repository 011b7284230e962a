package dev.converge.domain.schema;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key: {@code columns} of the owning table reference {@code referencedColumns} of another.
 *
 * @param definition the server's own text of the constraint where it has one (PostgreSQL's
 *     {@code pg_get_constraintdef}: actions, MATCH, deferrability, NOT VALID), else empty; it is part
 *     of the schema fingerprint, so a foreign key re-created differently is a changed schema
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
    String definition) {

  public ForeignKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(referencedTable, "referencedTable");
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
    // A plan saved before definitions were recorded has none.
    definition = definition == null ? "" : definition;
    if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
      throw new IllegalArgumentException("foreign key " + name + " pairs " + columns + " with " + referencedColumns);
    }
  }

  /** A foreign key whose server text is not known (the MySQL source, tests). */
  public ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns) {
    this(name, columns, referencedTable, referencedColumns, "");
  }
}

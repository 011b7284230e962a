package dev.converge.domain.schema;

import java.util.List;
import java.util.Objects;

/**
 * A unique index whose key parts are columns, some of them case-folded ({@code lower(col)} or
 * {@code upper(col)}): values MySQL held as distinct can collide here.
 *
 * @param columns every key column, in key order
 * @param foldedColumns the key columns compared after case folding (possibly none when the key
 *     describes a plain unique key to check, as pre-flight checks do)
 */
public record FoldedUniqueKey(String name, List<String> columns, List<String> foldedColumns) {

  public FoldedUniqueKey {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    foldedColumns = List.copyOf(foldedColumns);
    if (columns.isEmpty() || !columns.containsAll(foldedColumns)) {
      throw new IllegalArgumentException("folded unique key " + name + ": " + foldedColumns + " within " + columns);
    }
  }
}

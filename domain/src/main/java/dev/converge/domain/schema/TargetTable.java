package dev.converge.domain.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PostgreSQL table: columns in attnum order, keys, foreign keys and CHECK definitions.
 *
 * @param foldedUniqueKeys unique indexes over case-folded columns (e.g. {@code lower(email)})
 */
public record TargetTable(
    String name,
    List<TargetColumn> columns,
    List<String> primaryKey,
    List<List<String>> uniqueKeys,
    List<ForeignKey> foreignKeys,
    List<String> checks,
    List<FoldedUniqueKey> foldedUniqueKeys) {

  public TargetTable {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
    foreignKeys = List.copyOf(foreignKeys);
    checks = List.copyOf(checks);
    foldedUniqueKeys = List.copyOf(foldedUniqueKeys);
  }

  public Optional<TargetColumn> column(String columnName) {
    return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
  }
}

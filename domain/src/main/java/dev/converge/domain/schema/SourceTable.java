package dev.converge.domain.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A MySQL base table: its columns in ordinal order, keys, and the server's row estimate. */
public record SourceTable(
    String name,
    List<SourceColumn> columns,
    List<String> primaryKey,
    List<List<String>> uniqueKeys,
    List<ForeignKey> foreignKeys,
    long estimatedRows) {

  public SourceTable {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
    foreignKeys = List.copyOf(foreignKeys);
  }

  /**
   * Whether the source holds at most one row per value of {@code columns}: they include its primary key
   * or one of its unique keys (under the columns' own collation, as the source compares them).
   */
  public boolean holdsUnique(List<String> columns) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(primaryKey), uniqueKeys.stream())
        .anyMatch(key -> !key.isEmpty() && columns.containsAll(key));
  }

  /** The column named exactly {@code columnName}. */
  public Optional<SourceColumn> column(String columnName) {
    return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
  }
}

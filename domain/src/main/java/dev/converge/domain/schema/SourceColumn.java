package dev.converge.domain.schema;

import java.util.List;
import java.util.Objects;

/**
 * A MySQL column as information_schema describes it.
 *
 * @param dataType lower-case {@code DATA_TYPE}: {@code tinyint}, {@code varchar}, {@code datetime}, …
 * @param columnType lower-case {@code COLUMN_TYPE}, e.g. {@code tinyint(1)}, {@code int unsigned},
 *     {@code enum('a','b')} — MySQL 8.0.19+ reports no display width for a bare {@code tinyint}
 * @param maxLength {@code CHARACTER_MAXIMUM_LENGTH} (characters, or bytes for binary types), or null
 * @param precision {@code NUMERIC_PRECISION}, or null
 * @param scale {@code NUMERIC_SCALE}, or null
 * @param fractionalDigits {@code DATETIME_PRECISION}, or null
 * @param generated whether {@code EXTRA} says VIRTUAL or STORED GENERATED
 * @param enumValues the labels of an {@code enum} or {@code set}, in declaration order; empty otherwise
 */
public record SourceColumn(
    String name,
    int position,
    String dataType,
    String columnType,
    boolean nullable,
    Long maxLength,
    Integer precision,
    Integer scale,
    Integer fractionalDigits,
    boolean unsigned,
    boolean generated,
    boolean autoIncrement,
    String collation,
    List<String> enumValues) {

  public SourceColumn {
    Objects.requireNonNull(name, "name");
    dataType = Objects.requireNonNull(dataType, "dataType").toLowerCase(java.util.Locale.ROOT);
    columnType = Objects.requireNonNull(columnType, "columnType").toLowerCase(java.util.Locale.ROOT);
    enumValues = List.copyOf(enumValues);
  }
}

package dev.converge.domain.conversion;

import dev.converge.domain.schema.SourceColumn;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The groups of MySQL types that convert alike; the first half of a conversion's type pair. */
public enum SourceFamily {
  INTEGER(Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint")),
  BIT(Set.of("bit")),
  DECIMAL(Set.of("decimal", "numeric")),
  FLOAT(Set.of("float")),
  DOUBLE(Set.of("double", "real")),
  /** Also MariaDB's {@code uuid}, {@code inet4} and {@code inet6}, which read as their text form. */
  TEXT(Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext", "uuid", "inet4", "inet6")),
  JSON(Set.of("json")),
  DATETIME(Set.of("datetime")),
  TIMESTAMP(Set.of("timestamp")),
  DATE(Set.of("date")),
  TIME(Set.of("time")),
  YEAR(Set.of("year")),
  ENUM(Set.of("enum")),
  SET(Set.of("set")),
  BINARY(Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob"));

  private final Set<String> dataTypes;

  SourceFamily(Set<String> dataTypes) {
    this.dataTypes = dataTypes;
  }

  /** The MySQL {@code DATA_TYPE}s in this family. */
  public Set<String> dataTypes() {
    return dataTypes;
  }

  /** The family of a column, or empty for types converge does not convert (spatial types, …). */
  public static Optional<SourceFamily> of(SourceColumn column) {
    String type = column.dataType().toLowerCase(Locale.ROOT);
    for (SourceFamily family : values()) {
      if (family.dataTypes.contains(type)) {
        return Optional.of(family);
      }
    }
    return Optional.empty();
  }
}

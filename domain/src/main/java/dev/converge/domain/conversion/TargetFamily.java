package dev.converge.domain.conversion;

import dev.converge.domain.schema.TargetColumn;
import java.util.Optional;
import java.util.Set;

/**
 * The groups of PostgreSQL types that convert alike; the second half of a conversion's type pair.
 * The only place pg_type names are sorted into families; each family's rules are in its class of
 * {@code domain.conversion.type} ({@code TargetType.of} picks it).
 */
public enum TargetFamily {
  SMALLINT(Set.of("int2")),
  INTEGER(Set.of("int4")),
  BIGINT(Set.of("int8")),
  NUMERIC(Set.of("numeric")),
  REAL(Set.of("float4")),
  DOUBLE(Set.of("float8")),
  BOOLEAN(Set.of("bool")),
  UUID(Set.of("uuid")),
  TEXT(Set.of("text", "varchar", "bpchar", "citext")),
  JSON(Set.of("json")),
  JSONB(Set.of("jsonb")),
  TIMESTAMP(Set.of("timestamp")),
  TIMESTAMPTZ(Set.of("timestamptz")),
  DATE(Set.of("date")),
  TIME(Set.of("time")),
  BYTEA(Set.of("bytea")),
  /** {@code bit(n)}; {@code bit varying} is not loaded (see {@code BitType}). */
  BIT(Set.of("bit")),
  /** Any enum type; its labels are checked against the source's. */
  ENUM(Set.of());

  private final Set<String> typeNames;

  TargetFamily(Set<String> typeNames) {
    this.typeNames = typeNames;
  }

  /** The pg_type names in this family (empty for {@link #ENUM}, which is any enum type). */
  public Set<String> typeNames() {
    return typeNames;
  }

  /** The family of a column, or empty for types converge does not load (arrays, geometric, …). */
  public static Optional<TargetFamily> of(TargetColumn column) {
    if (column.array()) {
      return Optional.empty();
    }
    if (column.isEnum()) {
      return Optional.of(ENUM);
    }
    for (TargetFamily family : values()) {
      if (family.typeNames.contains(column.typeName())) {
        return Optional.of(family);
      }
    }
    return Optional.empty();
  }
}

package dev.converge.domain.schema;

import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL column as pg_catalog describes it.
 *
 * @param typeName {@code pg_type.typname} of the column's type ({@code int4}, {@code varchar},
 *     {@code timestamptz}, {@code jsonb}, …; an enum's own name; for an array, the element's name)
 * @param formattedType {@code format_type(atttypid, atttypmod)}, e.g. {@code character varying(36)}
 * @param length the declared length of {@code varchar(n)}/{@code char(n)}, or null
 * @param precision the declared precision of {@code numeric(p,s)} (or of a time type), or null
 * @param scale the declared scale of {@code numeric(p,s)}, or null
 * @param hasDefault whether the column has a default (identity and serial columns count)
 * @param sequence the sequence behind a serial or identity column, schema-qualified, or null
 * @param enumLabels the labels of an enum type in sort order; empty otherwise
 * @param generated whether it is a stored generated column, which COPY cannot write
 */
public record TargetColumn(
    String name,
    int position,
    String typeName,
    String formattedType,
    Integer length,
    Integer precision,
    Integer scale,
    boolean nullable,
    boolean hasDefault,
    boolean identity,
    String sequence,
    boolean array,
    List<String> enumLabels,
    boolean generated) {

  public TargetColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(formattedType, "formattedType");
    enumLabels = List.copyOf(enumLabels);
  }

  public boolean isEnum() {
    return !enumLabels.isEmpty();
  }
}

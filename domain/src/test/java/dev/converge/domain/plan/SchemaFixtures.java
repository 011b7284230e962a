package dev.converge.domain.plan;

import dev.converge.domain.schema.ForeignKey;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.SourceTable;
import dev.converge.domain.schema.TargetColumn;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import java.util.List;

/** Compact builders for schema models in planner tests. */
final class SchemaFixtures {

  private SchemaFixtures() {}

  static SourceColumn source(String name, String dataType, String columnType, boolean nullable) {
    return new SourceColumn(name, 1, dataType, columnType, nullable, null, null, null, null,
        columnType.contains("unsigned"), false, false, "utf8mb4_0900_ai_ci", List.of());
  }

  static SourceColumn text(String name, String dataType, long maxLength, boolean nullable) {
    return new SourceColumn(name, 1, dataType, dataType + "(" + maxLength + ")", nullable, maxLength, null, null, null,
        false, false, false, "utf8mb4_0900_ai_ci", List.of());
  }

  static SourceColumn withCollation(SourceColumn column, String collation) {
    return new SourceColumn(column.name(), column.position(), column.dataType(), column.columnType(), column.nullable(),
        column.maxLength(), column.precision(), column.scale(), column.fractionalDigits(), column.unsigned(),
        column.generated(), column.autoIncrement(), collation, column.enumValues());
  }

  static SourceColumn generated(String name) {
    return new SourceColumn(name, 1, "varchar", "varchar(255)", true, 255L, null, null, null, false, true, false,
        "utf8mb4_0900_ai_ci", List.of());
  }

  static SourceColumn enumColumn(String name, List<String> labels) {
    return new SourceColumn(name, 1, "enum", "enum(...)", false, null, null, null, null, false, false, false,
        "utf8mb4_0900_ai_ci", labels);
  }

  static SourceColumn bits(String name, int bits) {
    return new SourceColumn(name, 1, "bit", "bit(" + bits + ")", false, null, bits, null, null, false, false, false,
        null, List.of());
  }

  static SourceColumn binary(String name, String dataType, long length) {
    return new SourceColumn(name, 1, dataType, dataType + "(" + length + ")", false, length, null, null, null, false,
        false, false, null, List.of());
  }

  static TargetColumn target(String name, String typeName, boolean nullable) {
    return new TargetColumn(name, 1, typeName, typeName, null, null, null, nullable, false, false, null, false, List.of(), false);
  }

  static TargetColumn varchar(String name, int length, boolean nullable) {
    return new TargetColumn(name, 1, "varchar", "character varying(" + length + ")", length, null, null, nullable,
        false, false, null, false, List.of(), false);
  }

  static TargetColumn withDefault(TargetColumn column) {
    return new TargetColumn(column.name(), column.position(), column.typeName(), column.formattedType(), column.length(),
        column.precision(), column.scale(), column.nullable(), true, column.identity(), column.sequence(),
        column.array(), column.enumLabels(), column.generated());
  }

  static TargetColumn enumTarget(String name, List<String> labels) {
    return new TargetColumn(name, 1, "status_kind", "status_kind", null, null, null, false, false, false, null, false,
        labels, false);
  }

  static TargetColumn arrayTarget(String name) {
    return new TargetColumn(name, 1, "text", "text[]", null, null, null, true, false, false, null, true, List.of(), false);
  }

  static TargetColumn generatedTarget(String name) {
    return new TargetColumn(name, 1, "text", "text", null, null, null, true, true, false, null, false, List.of(), true);
  }

  static SourceTable sourceTable(String name, List<SourceColumn> columns, List<ForeignKey> foreignKeys) {
    return new SourceTable(name, columns, List.of(columns.get(0).name()), List.of(), foreignKeys, 10);
  }

  static TargetTable targetTable(String name, List<TargetColumn> columns, List<ForeignKey> foreignKeys) {
    return new TargetTable(name, columns, List.of(columns.get(0).name()), List.of(), foreignKeys, List.of(), List.of());
  }

  static SourceSchema sourceSchema(SourceTable... tables) {
    return new SourceSchema("app", "8.0.31", List.of(tables));
  }

  static TargetSchema targetSchema(TargetTable... tables) {
    return new TargetSchema("public", "17.5", List.of(tables));
  }
}

package dev.converge.domain.conversion;

import static dev.converge.domain.conversion.ConversionKind.*;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The table of type pairs converge converts: for a (source family, target family) pair, the
 * conversion to use. The target decides: a bare MySQL {@code tinyint} becomes boolean only because
 * the target column is boolean. A pair not in the table is incompatible and blocks the plan.
 * docs/data-mapping.md is checked against this table by a test, so the two cannot drift.
 */
public final class TypeMappingRules {

  /** One row of the table. */
  public record Rule(SourceFamily source, TargetFamily target, ConversionKind conversion) {
    public Rule {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(conversion, "conversion");
    }
  }

  private static final List<Rule> RULES = List.of(
      new Rule(SourceFamily.INTEGER, TargetFamily.SMALLINT, INTEGER_TO_INTEGER),
      new Rule(SourceFamily.INTEGER, TargetFamily.INTEGER, INTEGER_TO_INTEGER),
      new Rule(SourceFamily.INTEGER, TargetFamily.BIGINT, INTEGER_TO_INTEGER),
      new Rule(SourceFamily.INTEGER, TargetFamily.NUMERIC, INTEGER_TO_NUMERIC),
      new Rule(SourceFamily.INTEGER, TargetFamily.BOOLEAN, INTEGER_TO_BOOLEAN),
      new Rule(SourceFamily.BIT, TargetFamily.BOOLEAN, BIT_TO_BOOLEAN),
      new Rule(SourceFamily.BIT, TargetFamily.SMALLINT, BIT_TO_INTEGER),
      new Rule(SourceFamily.BIT, TargetFamily.INTEGER, BIT_TO_INTEGER),
      new Rule(SourceFamily.BIT, TargetFamily.BIGINT, BIT_TO_INTEGER),
      new Rule(SourceFamily.DECIMAL, TargetFamily.NUMERIC, DECIMAL_TO_NUMERIC),
      new Rule(SourceFamily.FLOAT, TargetFamily.REAL, FLOAT_TO_FLOAT),
      new Rule(SourceFamily.FLOAT, TargetFamily.DOUBLE, FLOAT_TO_FLOAT),
      new Rule(SourceFamily.DOUBLE, TargetFamily.DOUBLE, FLOAT_TO_FLOAT),
      new Rule(SourceFamily.TEXT, TargetFamily.TEXT, TEXT_TO_TEXT),
      new Rule(SourceFamily.TEXT, TargetFamily.UUID, TEXT_TO_UUID),
      new Rule(SourceFamily.TEXT, TargetFamily.JSON, TEXT_TO_JSON),
      new Rule(SourceFamily.TEXT, TargetFamily.JSONB, TEXT_TO_JSON),
      new Rule(SourceFamily.TEXT, TargetFamily.ENUM, TEXT_TO_ENUM),
      new Rule(SourceFamily.JSON, TargetFamily.JSON, JSON_TO_JSON),
      new Rule(SourceFamily.JSON, TargetFamily.JSONB, JSON_TO_JSON),
      new Rule(SourceFamily.JSON, TargetFamily.TEXT, JSON_TO_TEXT),
      new Rule(SourceFamily.DATETIME, TargetFamily.TIMESTAMP, DATETIME_TO_TIMESTAMP),
      new Rule(SourceFamily.DATETIME, TargetFamily.TIMESTAMPTZ, DATETIME_TO_TIMESTAMPTZ),
      new Rule(SourceFamily.TIMESTAMP, TargetFamily.TIMESTAMP, DATETIME_TO_TIMESTAMP),
      new Rule(SourceFamily.TIMESTAMP, TargetFamily.TIMESTAMPTZ, DATETIME_TO_TIMESTAMPTZ),
      new Rule(SourceFamily.DATE, TargetFamily.DATE, DATE_TO_DATE),
      new Rule(SourceFamily.TIME, TargetFamily.TIME, TIME_TO_TIME),
      new Rule(SourceFamily.YEAR, TargetFamily.SMALLINT, YEAR_TO_INTEGER),
      new Rule(SourceFamily.YEAR, TargetFamily.INTEGER, YEAR_TO_INTEGER),
      new Rule(SourceFamily.ENUM, TargetFamily.ENUM, ENUM_TO_ENUM),
      new Rule(SourceFamily.ENUM, TargetFamily.TEXT, ENUM_TO_TEXT),
      new Rule(SourceFamily.SET, TargetFamily.TEXT, ENUM_TO_TEXT),
      new Rule(SourceFamily.BINARY, TargetFamily.BYTEA, BINARY_TO_BYTEA),
      new Rule(SourceFamily.BINARY, TargetFamily.UUID, BINARY_TO_UUID));

  private TypeMappingRules() {}

  public static List<Rule> rules() {
    return RULES;
  }

  /** The conversion for the pair, or empty when the pair is incompatible. */
  public static Optional<ConversionKind> conversion(SourceFamily source, TargetFamily target) {
    return RULES.stream()
        .filter(rule -> rule.source() == source && rule.target() == target)
        .map(Rule::conversion)
        .findFirst();
  }
}

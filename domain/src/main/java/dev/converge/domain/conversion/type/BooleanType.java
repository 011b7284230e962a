package dev.converge.domain.conversion.type;

import static dev.converge.domain.conversion.ConversionKind.BIT_TO_BOOLEAN;
import static dev.converge.domain.conversion.ConversionKind.INTEGER_TO_BOOLEAN;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.TargetFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.ValuePolicies.BooleanPolicy;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.conversion.type.ColumnCodec.Converted;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.TargetColumn;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL {@code boolean}. MySQL has none: {@code tinyint(1)} (any integer) and {@code bit(1)}
 * become boolean when the target column is boolean, 0 → false and 1 → true. The CSV carries
 * {@code true}/{@code false}; PostgreSQL prints {@code t}/{@code f}; both hash as {@code t}/{@code f}.
 */
public final class BooleanType extends TargetType {

  static final Map<TargetFamily, Map<SourceFamily, ConversionKind>> SOURCES = Map.of(TargetFamily.BOOLEAN,
      Map.of(SourceFamily.INTEGER, INTEGER_TO_BOOLEAN, SourceFamily.BIT, BIT_TO_BOOLEAN));

  private static final Converted TRUE = new Converted("true", "t");
  private static final Converted FALSE = new Converted("false", "f");

  BooleanType(TargetColumn column) {
    super(column, TargetFamily.BOOLEAN, SOURCES.get(TargetFamily.BOOLEAN));
  }

  @Override
  public Optional<String> refusal(SourceColumn source, ConversionKind conversion) {
    if (conversion == BIT_TO_BOOLEAN && source.precision() != null && source.precision() != 1) {
      return Optional.of("incompatible types: " + source.columnType() + " holds " + source.precision()
          + " bits, boolean holds one");
    }
    return Optional.empty();
  }

  @Override
  ColumnCodec converter(ConversionKind conversion, ValuePolicies policies) {
    BooleanPolicy policy = switch (conversion) {
      case INTEGER_TO_BOOLEAN -> policies.booleans();
      case BIT_TO_BOOLEAN -> BooleanPolicy.REJECT;
      default -> throw unsupported(conversion);
    };
    return value -> bool(SourceValue.text(value), policy);
  }

  private static Converted bool(String text, BooleanPolicy policy) {
    switch (text) {
      case "0":
        return FALSE;
      case "1":
        return TRUE;
      default:
        if (policy == BooleanPolicy.NONZERO_IS_TRUE && text.matches("-?\\d+")) {
          return TRUE;
        }
        throw new ValueRejectedException("a boolean must be 0 or 1 (policy booleans: nonzero-is-true maps other values to true)");
    }
  }

  @Override
  Optional<String> textViolation(String text) {
    return text.equals("true") || text.equals("false") ? Optional.empty() : Optional.of("not a boolean (true/false)");
  }

  @Override
  String canonicalText(String text) {
    return switch (text) {
      case "t", "true" -> "t";
      case "f", "false" -> "f";
      default -> throw new IllegalArgumentException("not a boolean: " + text);
    };
  }
}

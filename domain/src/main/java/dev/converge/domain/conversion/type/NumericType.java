package dev.converge.domain.conversion.type;

import static dev.converge.domain.conversion.ConversionKind.DECIMAL_TO_NUMERIC;
import static dev.converge.domain.conversion.ConversionKind.INTEGER_TO_NUMERIC;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.TargetFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.conversion.type.ColumnCodec.Converted;
import dev.converge.domain.schema.TargetColumn;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL {@code numeric} and {@code numeric(p,s)}: exact decimal text, never rounded; a value
 * needing more scale or more integer digits than {@code numeric(p,s)} allows is rejected. The
 * checksum hashes it without trailing zeros.
 */
public final class NumericType extends TargetType {

  static final Map<TargetFamily, Map<SourceFamily, ConversionKind>> SOURCES = Map.of(TargetFamily.NUMERIC,
      Map.of(SourceFamily.INTEGER, INTEGER_TO_NUMERIC, SourceFamily.DECIMAL, DECIMAL_TO_NUMERIC));

  NumericType(TargetColumn column) {
    super(column, TargetFamily.NUMERIC, SOURCES.get(TargetFamily.NUMERIC));
  }

  @Override
  ColumnCodec converter(ConversionKind conversion, ValuePolicies policies) {
    if (conversion != INTEGER_TO_NUMERIC && conversion != DECIMAL_TO_NUMERIC) {
      throw unsupported(conversion);
    }
    return value -> numeric(SourceValue.text(value));
  }

  private Converted numeric(String text) {
    if (text == null) {
      return Converted.NULL;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new ValueRejectedException("not a number");
    }
    if (column.precision() != null) {
      int scale = column.scale() == null ? 0 : column.scale();
      BigDecimal exact = number.stripTrailingZeros();
      if (exact.scale() > scale) {
        throw new ValueRejectedException("more than " + scale + " decimal places: numeric(" + column.precision() + ","
            + scale + ") would round it");
      }
      if (exact.precision() - exact.scale() > column.precision() - scale) {
        throw new ValueRejectedException("too many integer digits for numeric(" + column.precision() + "," + scale + ")");
      }
    }
    return new Converted(text, canonical(number));
  }

  @Override
  Optional<String> textViolation(String text) {
    return isNumber(text) ? Optional.empty() : Optional.of("not a number");
  }

  static boolean isNumber(String text) {
    try {
      new BigDecimal(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  String canonicalText(String text) {
    return canonical(new BigDecimal(text));
  }

  private static String canonical(BigDecimal number) {
    return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
  }
}

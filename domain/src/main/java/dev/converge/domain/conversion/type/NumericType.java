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
    return value -> numeric(SourceValue.text(value));
  }

  private Converted numeric(String text) {
    BigDecimal number;
    try {
      number = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new ValueRejectedException("not a number");
    }
    Optional<String> outside = outside(number);
    if (outside.isPresent()) {
      throw new ValueRejectedException(outside.get());
    }
    return new Converted(text, canonical(number));
  }

  /** Why numeric(p,s) cannot hold the number exactly (PostgreSQL would round it or refuse it), or empty. */
  private Optional<String> outside(BigDecimal number) {
    if (column.precision() == null) {
      return Optional.empty();
    }
    int scale = column.scale() == null ? 0 : column.scale();
    BigDecimal exact = number.stripTrailingZeros();
    if (exact.scale() > scale) {
      return Optional.of("more than " + scale + " decimal places: numeric(" + column.precision() + ","
          + scale + ") would round it");
    }
    // Zero has no integer digits (BigDecimal counts one).
    int integerDigits = exact.signum() == 0 ? 0 : exact.precision() - exact.scale();
    if (integerDigits > column.precision() - scale) {
      return Optional.of("too many integer digits for numeric(" + column.precision() + "," + scale + ")");
    }
    return Optional.empty();
  }

  @Override
  Optional<String> textViolation(String text) {
    BigDecimal number;
    try {
      number = new BigDecimal(text);
    } catch (NumberFormatException e) {
      return Optional.of("not a number");
    }
    return outside(number);
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

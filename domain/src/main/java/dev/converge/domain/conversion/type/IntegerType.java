package dev.converge.domain.conversion.type;

import static dev.converge.domain.conversion.ConversionKind.BIT_TO_INTEGER;
import static dev.converge.domain.conversion.ConversionKind.INTEGER_TO_INTEGER;
import static dev.converge.domain.conversion.ConversionKind.YEAR_TO_INTEGER;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.TargetFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.ValuePolicies.ZeroDatePolicy;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.schema.TargetColumn;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PostgreSQL {@code smallint}, {@code integer} and {@code bigint}: the one place their ranges are
 * written down. MySQL integers and {@code bit(n)} convert as their decimal value, a value outside
 * the range is rejected; {@code year} becomes its four digits.
 */
public final class IntegerType extends TargetType {

  static final Map<TargetFamily, Map<SourceFamily, ConversionKind>> SOURCES = Map.of(
      TargetFamily.SMALLINT, Map.of(SourceFamily.INTEGER, INTEGER_TO_INTEGER, SourceFamily.BIT, BIT_TO_INTEGER,
          SourceFamily.YEAR, YEAR_TO_INTEGER),
      TargetFamily.INTEGER, Map.of(SourceFamily.INTEGER, INTEGER_TO_INTEGER, SourceFamily.BIT, BIT_TO_INTEGER,
          SourceFamily.YEAR, YEAR_TO_INTEGER),
      TargetFamily.BIGINT, Map.of(SourceFamily.INTEGER, INTEGER_TO_INTEGER, SourceFamily.BIT, BIT_TO_INTEGER));

  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

  private final long min;
  private final long max;

  IntegerType(TargetColumn column, TargetFamily family) {
    super(column, family, SOURCES.get(family));
    int bits = switch (family) {
      case SMALLINT -> 16;
      case INTEGER -> 32;
      default -> 64;
    };
    this.min = -1L << (bits - 1);
    this.max = ~min;
  }

  /** The smallest value the type holds. */
  public BigInteger min() {
    return BigInteger.valueOf(min);
  }

  /** The largest value the type holds. */
  public BigInteger max() {
    return BigInteger.valueOf(max);
  }

  @Override
  ColumnCodec converter(ConversionKind conversion, ValuePolicies policies) {
    return switch (conversion) {
      case INTEGER_TO_INTEGER, BIT_TO_INTEGER -> value -> converted(integer(SourceValue.text(value)));
      case YEAR_TO_INTEGER -> value -> converted(year(SourceValue.text(value), policies.zeroDates()));
      default -> throw unsupported(conversion);
    };
  }

  private String integer(String text) {
    long number;
    try {
      number = Long.parseLong(text);
    } catch (NumberFormatException e) {
      // Only an unsigned BIGINT above 2^63-1 lands here; it is out of every target range.
      throw new ValueRejectedException("outside the target's range " + min + ".." + max);
    }
    if (number < min || number > max) {
      throw new ValueRejectedException("outside the target's range " + min + ".." + max);
    }
    return Long.toString(number);
  }

  private String year(String text, ZeroDatePolicy zeroDates) {
    int year = Integer.parseInt(text);
    if (year == 0) {
      if (zeroDates == ZeroDatePolicy.NULL && column.nullable()) {
        return null;
      }
      throw new ValueRejectedException("YEAR 0000, MySQL's zero year" + (column.nullable() ? " (policy zero-dates: null)" : ""));
    }
    return Integer.toString(year);
  }

  @Override
  Optional<String> textViolation(String text) {
    if (!INTEGER.matcher(text).matches()) {
      return Optional.of("not an integer");
    }
    try {
      long number = Long.parseLong(text);
      return number < min || number > max ? Optional.of("outside " + min + ".." + max) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.of("outside " + min + ".." + max);
    }
  }
}

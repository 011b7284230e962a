package dev.converge.domain.conversion.type;

import static dev.converge.domain.conversion.ConversionKind.BIT_TO_BIT;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.TargetFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.TargetColumn;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PostgreSQL {@code bit(n)}: MySQL's {@code bit(m)} as its bits, most significant first
 * ({@code b'101'} in a {@code bit(3)} is {@code 101}). PostgreSQL's {@code bit(n)} takes exactly
 * {@code n} bits, so a narrower source ({@code m < n}) is padded with leading zeros, its value
 * unchanged; a source wider than the target is refused in the plan. The CSV, PostgreSQL's output
 * and the checksum all carry the digits as they are. ({@code bit varying} is not loaded: the source
 * adapter reads a bit value as its unsigned number, which does not say how many digits it had.)
 */
public final class BitType extends TargetType {

  static final Map<TargetFamily, Map<SourceFamily, ConversionKind>> SOURCES = Map.of(
      TargetFamily.BIT, Map.of(SourceFamily.BIT, BIT_TO_BIT));

  private static final Pattern BITS = Pattern.compile("[01]*");
  /** MySQL's widest bit type; a source column whose width the catalog does not give is taken as this wide. */
  private static final int MYSQL_MAX_BITS = 64;

  BitType(TargetColumn column) {
    super(column, TargetFamily.BIT, SOURCES.get(TargetFamily.BIT));
  }

  @Override
  public Optional<String> refusal(SourceColumn source, ConversionKind conversion) {
    int bits = source.precision() == null ? MYSQL_MAX_BITS : source.precision();
    if (bits > width()) {
      return Optional.of("incompatible types: " + source.columnType() + " holds " + bits + " bits, "
          + column.formattedType() + " holds " + width());
    }
    return Optional.empty();
  }

  @Override
  ColumnCodec converter(ConversionKind conversion, ValuePolicies policies) {
    int width = width();
    return value -> {
      long bits;
      try {
        bits = Long.parseUnsignedLong(SourceValue.text(value));
      } catch (NumberFormatException e) {
        throw new ValueRejectedException("not the unsigned value of a bit string");
      }
      String binary = Long.toBinaryString(bits);
      if (binary.length() > width) {
        throw new ValueRejectedException("needs " + binary.length() + " bits, " + column.formattedType() + " holds " + width);
      }
      return converted("0".repeat(width - binary.length()) + binary);
    };
  }

  /** PostgreSQL's {@code bit} without a length is {@code bit(1)}. */
  private int width() {
    return column.length() == null ? 1 : column.length();
  }

  @Override
  Optional<String> textViolation(String text) {
    if (!BITS.matcher(text).matches()) {
      return Optional.of("not a bit string (digits 0 and 1)");
    }
    if (text.length() != width()) {
      return Optional.of("not exactly " + width() + " bits");
    }
    return Optional.empty();
  }
}

package dev.converge.domain.conversion.type;

import static dev.converge.domain.conversion.ConversionKind.FLOAT_TO_FLOAT;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.TargetFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.conversion.type.ColumnCodec.Converted;
import dev.converge.domain.schema.TargetColumn;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL {@code real} and {@code double precision}: MySQL's shortest text that reads back as
 * the same binary value, kept; NaN and infinities are rejected. {@code double} → {@code real} is not
 * offered (it loses precision). The checksum hashes the value as Java prints the float or double.
 */
public final class FloatType extends TargetType {

  static final Map<TargetFamily, Map<SourceFamily, ConversionKind>> SOURCES = Map.of(
      TargetFamily.REAL, Map.of(SourceFamily.FLOAT, FLOAT_TO_FLOAT),
      TargetFamily.DOUBLE, Map.of(SourceFamily.FLOAT, FLOAT_TO_FLOAT, SourceFamily.DOUBLE, FLOAT_TO_FLOAT));

  private final boolean single;

  FloatType(TargetColumn column, TargetFamily family) {
    super(column, family, SOURCES.get(family));
    this.single = family == TargetFamily.REAL;
  }

  @Override
  ColumnCodec converter(ConversionKind conversion, ValuePolicies policies) {
    return value -> floating(SourceValue.text(value));
  }

  private Converted floating(String text) {
    double number;
    try {
      number = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new ValueRejectedException("not a number");
    }
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      throw new ValueRejectedException("not a finite number");
    }
    // A real is parsed as a float itself: rounding through a double could land on another float.
    return new Converted(text, single ? canonicalText(text) : Double.toString(number));
  }

  @Override
  Optional<String> textViolation(String text) {
    return NumericType.isNumber(text) ? Optional.empty() : Optional.of("not a number");
  }

  @Override
  String canonicalText(String text) {
    return single ? Float.toString(Float.parseFloat(text)) : Double.toString(Double.parseDouble(text));
  }
}

package dev.converge.domain.conversion.type;

import static dev.converge.domain.conversion.ConversionKind.BINARY_TO_BYTEA;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.TargetFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.type.ColumnCodec.Converted;
import dev.converge.domain.schema.TargetColumn;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** PostgreSQL {@code bytea}: MySQL's binary and blob bytes, written as {@code \x} and lower-case hex. */
public final class ByteaType extends TargetType {

  static final Map<TargetFamily, Map<SourceFamily, ConversionKind>> SOURCES = Map.of(TargetFamily.BYTEA,
      Map.of(SourceFamily.BINARY, BINARY_TO_BYTEA));

  private static final Pattern BYTEA = Pattern.compile("\\\\x([0-9a-f]{2})*");
  private static final HexFormat HEX = HexFormat.of();

  ByteaType(TargetColumn column) {
    super(column, TargetFamily.BYTEA, SOURCES.get(TargetFamily.BYTEA));
  }

  @Override
  ColumnCodec converter(ConversionKind conversion, ValuePolicies policies) {
    return value -> {
      // Lower-case hex is already the canonical form.
      String text = "\\x" + HEX.formatHex(SourceValue.bytes(value));
      return new Converted(text, text);
    };
  }

  @Override
  Optional<String> textViolation(String text) {
    return BYTEA.matcher(text).matches() ? Optional.empty() : Optional.of("not \\x and hex digits");
  }

  @Override
  String canonicalText(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}

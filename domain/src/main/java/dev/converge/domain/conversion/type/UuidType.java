package dev.converge.domain.conversion.type;

import static dev.converge.domain.conversion.ConversionKind.BINARY_TO_UUID;
import static dev.converge.domain.conversion.ConversionKind.TEXT_TO_UUID;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.TargetFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.ValuePolicies.InvalidUuidPolicy;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.TargetColumn;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PostgreSQL {@code uuid}: MySQL text of 8-4-4-4-12 hex digits in any case, or a {@code binary(16)},
 * becomes the lower-case uuid; other text is rejected (policy {@code invalid-uuids: null} for a
 * nullable column). PostgreSQL compares uuids ignoring case.
 */
public final class UuidType extends TargetType {

  static final Map<TargetFamily, Map<SourceFamily, ConversionKind>> SOURCES = Map.of(TargetFamily.UUID,
      Map.of(SourceFamily.TEXT, TEXT_TO_UUID, SourceFamily.BINARY, BINARY_TO_UUID));

  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final HexFormat HEX = HexFormat.of();

  UuidType(TargetColumn column) {
    super(column, TargetFamily.UUID, SOURCES.get(TargetFamily.UUID));
  }

  @Override
  public Optional<String> refusal(SourceColumn source, ConversionKind conversion) {
    if (conversion == BINARY_TO_UUID && !Long.valueOf(16).equals(source.maxLength())) {
      return Optional.of("incompatible types: only binary(16) can become uuid, not " + source.columnType());
    }
    return Optional.empty();
  }

  @Override
  public boolean foldsCase() {
    return true;
  }

  @Override
  ColumnCodec converter(ConversionKind conversion, ValuePolicies policies) {
    return switch (conversion) {
      case TEXT_TO_UUID -> value -> converted(uuid(SourceValue.text(value), policies.invalidUuids()));
      case BINARY_TO_UUID -> value -> converted(binaryUuid(SourceValue.bytes(value)));
      default -> throw unsupported(conversion);
    };
  }

  private String uuid(String text, InvalidUuidPolicy policy) {
    if (isUuid(text)) {
      return text.toLowerCase(Locale.ROOT);
    }
    if (policy == InvalidUuidPolicy.NULL && column.nullable()) {
      return null;
    }
    throw new ValueRejectedException("not a uuid (8-4-4-4-12 hex digits)" + (column.nullable()
        ? " (policy invalid-uuids: null)" : ""));
  }

  /** 8-4-4-4-12 hex digits in either case. */
  static boolean isUuid(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;
      if (hyphen ? c != '-' : Character.digit(c, 16) < 0 || c > 'f') {
        return false;
      }
    }
    return true;
  }

  private static String binaryUuid(byte[] bytes) {
    if (bytes.length != 16) {
      throw new ValueRejectedException(bytes.length + " bytes; a uuid needs 16");
    }
    String hex = HEX.formatHex(bytes);
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
        + "-" + hex.substring(20);
  }

  @Override
  Optional<String> textViolation(String text) {
    return UUID.matcher(text).matches() ? Optional.empty() : Optional.of("not a lower-case uuid");
  }

  @Override
  String canonicalText(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}

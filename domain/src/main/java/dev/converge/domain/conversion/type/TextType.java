package dev.converge.domain.conversion.type;

import static dev.converge.domain.conversion.ConversionKind.ENUM_TO_TEXT;
import static dev.converge.domain.conversion.ConversionKind.JSON_TO_TEXT;
import static dev.converge.domain.conversion.ConversionKind.TEXT_TO_TEXT;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.TargetFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.ValuePolicies.NulBytePolicy;
import dev.converge.domain.conversion.ValuePolicies.OverlongPolicy;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.schema.TargetColumn;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL {@code text}, {@code varchar(n)}, {@code char(n)} and {@code citext}: characters kept
 * exactly; longer than n code points is rejected (policy {@code overlong: truncate}); U+0000, which
 * PostgreSQL text cannot hold, per policy {@code nul-bytes}. char(n) hashes without its padding.
 */
public final class TextType extends TargetType {

  static final Map<TargetFamily, Map<SourceFamily, ConversionKind>> SOURCES = Map.of(TargetFamily.TEXT,
      Map.of(SourceFamily.TEXT, TEXT_TO_TEXT, SourceFamily.JSON, JSON_TO_TEXT, SourceFamily.ENUM, ENUM_TO_TEXT,
          SourceFamily.SET, ENUM_TO_TEXT));

  private final boolean padded;
  private final boolean caseInsensitive;

  /**
   * @param padded char(n), which PostgreSQL prints padded to n
   * @param caseInsensitive citext, whose comparisons ignore case
   */
  TextType(TargetColumn column, boolean padded, boolean caseInsensitive) {
    super(column, TargetFamily.TEXT, SOURCES.get(TargetFamily.TEXT));
    this.padded = padded;
    this.caseInsensitive = caseInsensitive;
  }

  /** The declared length of varchar(n)/char(n) in characters, or empty. */
  public Optional<Integer> length() {
    return Optional.ofNullable(column.length());
  }

  @Override
  public boolean foldsCase() {
    return caseInsensitive;
  }

  @Override
  ColumnCodec converter(ConversionKind conversion, ValuePolicies policies) {
    return value -> converted(text(SourceValue.text(value), policies));
  }

  private String text(String text, ValuePolicies policies) {
    String checked = text;
    if (checked.indexOf('\0') >= 0) {
      if (policies.nulBytes() != NulBytePolicy.STRIP) {
        throw new ValueRejectedException("contains a NUL character, which PostgreSQL text cannot hold (policy nul-bytes: strip)");
      }
      checked = checked.replace("\0", "");
    }
    Integer limit = column.length();
    if (limit != null) {
      int length = checked.codePointCount(0, checked.length());
      if (length > limit) {
        if (policies.overlong() != OverlongPolicy.TRUNCATE) {
          throw new ValueRejectedException(length + " characters, longer than " + column.formattedType()
              + " (policy overlong: truncate)");
        }
        checked = checked.substring(0, checked.offsetByCodePoints(0, limit));
      }
    }
    return checked;
  }

  @Override
  Optional<String> textViolation(String text) {
    if (text.indexOf('\0') >= 0) {
      return Optional.of("contains a NUL character");
    }
    Integer limit = column.length();
    if (limit != null && text.codePointCount(0, text.length()) > limit) {
      return Optional.of("longer than " + column.formattedType());
    }
    return Optional.empty();
  }

  @Override
  String canonicalText(String text) {
    return padded ? text.stripTrailing() : text;
  }
}

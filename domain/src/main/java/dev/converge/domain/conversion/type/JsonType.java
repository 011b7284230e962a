package dev.converge.domain.conversion.type;

import static dev.converge.domain.conversion.ConversionKind.JSON_TO_JSON;
import static dev.converge.domain.conversion.ConversionKind.TEXT_TO_JSON;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.JsonText;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.TargetFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.ValuePolicies.NulBytePolicy;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.conversion.type.ColumnCodec.Converted;
import dev.converge.domain.schema.TargetColumn;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL {@code json} and {@code jsonb}: MySQL's JSON (or JSON in text) validated and kept
 * exactly. json keeps the text as it is, so it hashes as it is; jsonb normalises it, so it hashes in
 * {@link JsonText}'s canonical form, and it cannot hold the escape {@code \u0000} (policy
 * {@code nul-bytes}).
 */
public final class JsonType extends TargetType {

  static final Map<TargetFamily, Map<SourceFamily, ConversionKind>> SOURCES = Map.of(
      TargetFamily.JSON, Map.of(SourceFamily.TEXT, TEXT_TO_JSON, SourceFamily.JSON, JSON_TO_JSON),
      TargetFamily.JSONB, Map.of(SourceFamily.TEXT, TEXT_TO_JSON, SourceFamily.JSON, JSON_TO_JSON));

  private final boolean binary;

  JsonType(TargetColumn column, TargetFamily family) {
    super(column, family, SOURCES.get(family));
    this.binary = family == TargetFamily.JSONB;
  }

  /**
   * MySQL's JSON type stores an object's keys in its own order (shorter keys first, then bytewise),
   * so a json column, which keeps text as it is, receives MySQL's order, not the order the
   * application once wrote. jsonb has no order of its own to lose.
   */
  @Override
  public Optional<String> caveat(ConversionKind conversion) {
    return !binary && conversion == ConversionKind.JSON_TO_JSON
        ? Optional.of("json keeps MySQL's key order (MySQL's JSON type sorts object keys, shorter first), not the"
            + " order the application once wrote")
        : Optional.empty();
  }

  /** Whether it is jsonb, which normalises the document and refuses {@code \u0000}. */
  public boolean binary() {
    return binary;
  }

  @Override
  ColumnCodec converter(ConversionKind conversion, ValuePolicies policies) {
    return value -> json(SourceValue.text(value), policies.nulBytes(), true);
  }

  /** The same checks by the same parse, without building the canonical form (the text stands for it). */
  @Override
  ColumnCodec checker(ConversionKind conversion, ValuePolicies policies) {
    return value -> json(SourceValue.text(value), policies.nulBytes(), false);
  }

  private Converted json(String text, NulBytePolicy nulBytes, boolean canonicalForm) {
    String checked = text;
    if (binary && JsonText.hasNulEscape(checked)) {
      if (nulBytes != NulBytePolicy.STRIP) {
        throw new ValueRejectedException("holds the escape \\u0000, which jsonb cannot hold (policy nul-bytes: strip)");
      }
      checked = JsonText.withoutNulEscapes(checked);
    }
    String canonical = checked;
    try {
      if (canonicalForm) {
        canonical = JsonText.canonical(checked);
      } else {
        JsonText.validate(checked);
      }
    } catch (IllegalArgumentException e) {
      throw new ValueRejectedException(e.getMessage());
    }
    // The parse that validated the document also gave jsonb's canonical form: no second parse.
    return new Converted(checked, binary ? canonical : checked);
  }

  @Override
  Optional<String> textViolation(String text) {
    if (!JsonText.isValid(text)) {
      return Optional.of("not valid JSON");
    }
    return binary && JsonText.hasNulEscape(text) ? Optional.of("holds \\u0000, which jsonb cannot hold") : Optional.empty();
  }

  @Override
  String canonicalText(String text) {
    return binary ? JsonText.canonical(text) : text;
  }
}

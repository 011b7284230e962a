package dev.converge.domain.conversion.type;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.TargetFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.type.ColumnCodec.Converted;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.TargetColumn;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything converge knows about one PostgreSQL target type, for one column: which source
 * families it accepts and how each converts ({@link #codec}), its ranges and lengths, the grammar
 * of the text the CSV file carries ({@link #violation}) and the canonical form the checksum hashes
 * ({@link #canonical}). One subclass per target family; {@link #of} is the one place a column's
 * type name picks it.
 */
public abstract sealed class TargetType
    permits BooleanType, IntegerType, NumericType, FloatType, TextType, UuidType, JsonType, TimestampType, DateType,
        TimeType, ByteaType, BitType, EnumType {

  final TargetColumn column;
  private final TargetFamily family;
  private final Map<SourceFamily, ConversionKind> sources;

  TargetType(TargetColumn column, TargetFamily family, Map<SourceFamily, ConversionKind> sources) {
    this.column = Objects.requireNonNull(column, "column");
    this.family = Objects.requireNonNull(family, "family");
    this.sources = Objects.requireNonNull(sources, "sources");
  }

  /** The type of a column converge loads; an unsupported type (arrays, geometric, …) is an error. */
  public static TargetType of(TargetColumn column) {
    return find(column).orElseThrow(() -> new IllegalArgumentException("target type " + column.formattedType()
        + " of column " + column.name() + " is not supported"));
  }

  /** The type of a column, or empty for types converge does not load. */
  public static Optional<TargetType> find(TargetColumn column) {
    return TargetFamily.of(column).map(family -> switch (family) {
      case BOOLEAN -> new BooleanType(column);
      case SMALLINT, INTEGER, BIGINT -> new IntegerType(column, family);
      case NUMERIC -> new NumericType(column);
      case REAL, DOUBLE -> new FloatType(column, family);
      case TEXT -> new TextType(column, column.typeName().equals("bpchar"), column.typeName().equals("citext"));
      case UUID -> new UuidType(column);
      case JSON, JSONB -> new JsonType(column, family);
      case TIMESTAMP, TIMESTAMPTZ -> new TimestampType(column, family);
      case DATE -> new DateType(column);
      case TIME -> new TimeType(column);
      case BYTEA -> new ByteaType(column);
      case BIT -> new BitType(column);
      case ENUM -> new EnumType(column);
    });
  }

  public TargetFamily family() {
    return family;
  }

  public TargetColumn column() {
    return column;
  }

  /** The conversion from a source family, or empty when this type does not accept it (a plan blocker). */
  public final Optional<ConversionKind> conversionFrom(SourceFamily source) {
    return Optional.ofNullable(sources.get(source));
  }

  /**
   * Why this type cannot take a particular source column although it accepts its family (a bit(8)
   * for a boolean, …), or empty. The reason is a plan blocker's text.
   */
  public Optional<String> refusal(SourceColumn source, ConversionKind conversion) {
    return Optional.empty();
  }

  /**
   * What the operator should know about this conversion although nothing is refused or changed by
   * converge (e.g. what the source itself did to the values long before), for the plan to show.
   */
  public Optional<String> caveat(ConversionKind conversion) {
    return Optional.empty();
  }

  /** Whether the type compares values ignoring case (uuid, citext): keys may collide the source kept apart. */
  public boolean foldsCase() {
    return false;
  }

  /** The per-column conversion of the plan: source value in, CSV text and canonical form out. */
  public final ColumnCodec codec(ConversionKind conversion, ValuePolicies policies) {
    Objects.requireNonNull(policies, "policies");
    if (!sources.containsValue(conversion)) {
      throw unsupported(conversion);
    }
    ColumnCodec converter = converter(conversion, policies);
    return value -> value == null ? Converted.NULL : converter.convert(value);
  }

  /** The codec for one of the conversions this type accepts (never another), for values other than NULL. */
  abstract ColumnCodec converter(ConversionKind conversion, ValuePolicies policies);

  /**
   * The codec's verdict, for a caller that never reads the canonical form (the plan's data scan, on a
   * column no key or reference compares): every check and the text {@link #codec} gives, with the
   * canonical form left as the text where computing it would cost more than the checks (JSON).
   */
  public final ColumnCodec verdictCodec(ConversionKind conversion, ValuePolicies policies) {
    Objects.requireNonNull(policies, "policies");
    if (!sources.containsValue(conversion)) {
      throw unsupported(conversion);
    }
    ColumnCodec checker = checker(conversion, policies);
    return value -> value == null ? Converted.NULL : checker.convert(value);
  }

  /** {@link #verdictCodec}'s converter: the converter itself, unless its canonical form costs a pass of its own. */
  ColumnCodec checker(ConversionKind conversion, ValuePolicies policies) {
    return converter(conversion, policies);
  }

  /**
   * What is wrong with a CSV field of this column, or empty when it holds: the text converge writes
   * for the type (docs/csv-format.md), its range or length, NOT NULL. {@code null} is NULL.
   */
  public final Optional<String> violation(String text) {
    if (text == null) {
      return column.nullable() ? Optional.empty() : Optional.of("NULL in a NOT NULL column");
    }
    return textViolation(text);
  }

  abstract Optional<String> textViolation(String text);

  /**
   * The one text form a value is hashed in, whether it comes from converge's CSV file or from
   * PostgreSQL's own output; {@code null} stays {@code null}.
   */
  public final String canonical(String text) {
    return text == null ? null : canonicalText(text);
  }

  String canonicalText(String text) {
    return text;
  }

  /** A converted text with the canonical form computed from it (types whose conversion learns nothing more). */
  final Converted converted(String text) {
    return text == null ? Converted.NULL : new Converted(text, canonicalText(text));
  }

  final IllegalArgumentException unsupported(ConversionKind conversion) {
    return new IllegalArgumentException(conversion + " does not produce " + column.formattedType());
  }
}

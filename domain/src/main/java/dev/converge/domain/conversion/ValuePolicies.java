package dev.converge.domain.conversion;

import java.util.Objects;

/**
 * What to do with source values the target cannot hold as they are. Every default is to reject:
 * converge never changes data unless the operator has said how, for that column or globally.
 */
public record ValuePolicies(
    BooleanPolicy booleans,
    ZeroDatePolicy zeroDates,
    NulBytePolicy nulBytes,
    OverlongPolicy overlong,
    InvalidUuidPolicy invalidUuids) {

  /** Integers other than 0 and 1 in a column the target declares boolean. */
  public enum BooleanPolicy { REJECT, NONZERO_IS_TRUE }

  /** MySQL zero dates ({@code 0000-00-00}, or a zero month/day), which Postgres cannot hold. */
  public enum ZeroDatePolicy { REJECT, NULL }

  /** U+0000 in text, which Postgres text cannot hold. */
  public enum NulBytePolicy { REJECT, STRIP }

  /** Text longer than the target's varchar(n)/char(n). */
  public enum OverlongPolicy { REJECT, TRUNCATE }

  /** Text in a uuid column that is not a uuid. */
  public enum InvalidUuidPolicy { REJECT, NULL }

  public static final ValuePolicies STRICT = new ValuePolicies(BooleanPolicy.REJECT, ZeroDatePolicy.REJECT,
      NulBytePolicy.REJECT, OverlongPolicy.REJECT, InvalidUuidPolicy.REJECT);

  public ValuePolicies {
    Objects.requireNonNull(booleans, "booleans");
    Objects.requireNonNull(zeroDates, "zeroDates");
    Objects.requireNonNull(nulBytes, "nulBytes");
    Objects.requireNonNull(overlong, "overlong");
    Objects.requireNonNull(invalidUuids, "invalidUuids");
  }

  /**
   * Only the policies {@code conversion} consults (the others as strict): what a column's policies
   * mean for it, e.g. nothing of a global {@code nul-bytes: strip} for an integer column. Each type
   * class in {@code domain.conversion.type} reads the policies named here for these conversions.
   */
  public ValuePolicies appliedBy(ConversionKind conversion) {
    return switch (conversion) {
      case INTEGER_TO_BOOLEAN -> new ValuePolicies(booleans, ZeroDatePolicy.REJECT, NulBytePolicy.REJECT,
          OverlongPolicy.REJECT, InvalidUuidPolicy.REJECT);
      case DATETIME_TO_TIMESTAMP, DATETIME_TO_TIMESTAMPTZ, DATE_TO_DATE, YEAR_TO_INTEGER -> new ValuePolicies(
          BooleanPolicy.REJECT, zeroDates, NulBytePolicy.REJECT, OverlongPolicy.REJECT, InvalidUuidPolicy.REJECT);
      case TEXT_TO_TEXT, JSON_TO_TEXT, ENUM_TO_TEXT -> new ValuePolicies(BooleanPolicy.REJECT, ZeroDatePolicy.REJECT,
          nulBytes, overlong, InvalidUuidPolicy.REJECT);
      case TEXT_TO_JSON, JSON_TO_JSON -> new ValuePolicies(BooleanPolicy.REJECT, ZeroDatePolicy.REJECT, nulBytes,
          OverlongPolicy.REJECT, InvalidUuidPolicy.REJECT);
      case TEXT_TO_UUID -> new ValuePolicies(BooleanPolicy.REJECT, ZeroDatePolicy.REJECT, NulBytePolicy.REJECT,
          OverlongPolicy.REJECT, invalidUuids);
      default -> STRICT;
    };
  }
}

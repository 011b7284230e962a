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
}

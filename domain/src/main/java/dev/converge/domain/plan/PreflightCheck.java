package dev.converge.domain.plan;

import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.schema.FoldedUniqueKey;
import dev.converge.domain.schema.ForeignKey;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A question to ask the source data before the export: how many rows of {@code table} would the
 * target reject for this reason? The source adapter answers it in SQL, bounded in time.
 *
 * @param dataType the source column's MySQL DATA_TYPE, so the adapter can phrase the predicate
 * @param minimum the smallest value the target accepts (OUT_OF_RANGE), else null
 * @param maximum the largest value the target accepts (OUT_OF_RANGE), else null
 * @param maxLength the target's length limit in characters (TOO_LONG), else null
 * @param labels the values the target accepts (NOT_A_LABEL), else empty
 * @param foreignKey the target foreign key to check for orphans, in source names (ORPHAN), else null
 * @param uniqueKey the key in source names, for CASE_DUPLICATE and DUPLICATE_KEY; for ORPHAN, the child
 *     columns, of which the folded ones (uuid targets) compare ignoring case; else null
 * @param policies the column's value policies, which decide whether affected rows block the plan
 * @param targetNullable whether the target column accepts NULL (a policy may map a value to NULL)
 * @param precision the target's total digits (numeric) or fractional-second digits (timestamp, time), for NOT_EXACT
 * @param scale the target numeric's scale, for NOT_EXACT on numbers; null for times
 */
public record PreflightCheck(
    String table,
    String column,
    Kind kind,
    String dataType,
    BigInteger minimum,
    BigInteger maximum,
    Long maxLength,
    List<String> labels,
    ForeignKey foreignKey,
    FoldedUniqueKey uniqueKey,
    ValuePolicies policies,
    boolean targetNullable,
    Integer precision,
    Integer scale) {

  /** The kinds of trouble the pre-flight scan looks for. */
  public enum Kind {
    NULL_IN_NOT_NULL("NULL in a column the target declares NOT NULL"),
    INVALID_UUID("not a uuid, in a column the target declares uuid"),
    OUT_OF_RANGE("outside the range of the target's integer type"),
    TOO_LONG("longer than the target's varchar(n)/char(n)"),
    ZERO_DATE("a MySQL zero date, which Postgres cannot hold"),
    NUL_BYTE("a NUL character, which Postgres text cannot hold"),
    JSON_NUL_ESCAPE("the JSON escape \\u0000, which jsonb cannot hold"),
    NOT_BOOLEAN("neither 0 nor 1, in a column the target declares boolean"),
    NOT_A_LABEL("not one of the target enum's labels"),
    INVALID_JSON("not valid JSON, in a column the target declares json/jsonb"),
    TIME_OUT_OF_RANGE("a TIME outside 00:00:00–24:00:00"),
    CASE_DUPLICATE("differs from another row only in letter case, but the target's unique key folds case"),
    DUPLICATE_KEY("repeats another row's key under a target primary or unique key the source does not have"),
    NOT_EXACT("needs more digits than the target type keeps: PostgreSQL would round it or refuse it"),
    ORPHAN("references a row that does not exist (MySQL had foreign-key checks off)");

    private final String meaning;

    Kind(String meaning) {
      this.meaning = meaning;
    }

    public String meaning() {
      return meaning;
    }
  }

  public PreflightCheck {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(kind, "kind");
    labels = List.copyOf(labels);
    Objects.requireNonNull(policies, "policies");
    if ((kind == Kind.CASE_DUPLICATE || kind == Kind.DUPLICATE_KEY) && uniqueKey == null) {
      throw new IllegalArgumentException("a case-duplicate check needs its unique key");
    }
    if (kind == Kind.ORPHAN && foreignKey == null) {
      throw new IllegalArgumentException("an orphan check needs its foreign key");
    }
    if (kind != Kind.ORPHAN && (column == null || dataType == null)) {
      throw new IllegalArgumentException(kind + " checks a column");
    }
  }

  /** Whether rows this check finds stop the export, given the column's policies. */
  public boolean policyRejects() {
    return switch (kind) {
      case INVALID_UUID -> !(policies.invalidUuids() == ValuePolicies.InvalidUuidPolicy.NULL && targetNullable);
      case TOO_LONG -> policies.overlong() != ValuePolicies.OverlongPolicy.TRUNCATE;
      case ZERO_DATE -> !(policies.zeroDates() == ValuePolicies.ZeroDatePolicy.NULL && targetNullable);
      case NUL_BYTE, JSON_NUL_ESCAPE -> policies.nulBytes() != ValuePolicies.NulBytePolicy.STRIP;
      case NOT_BOOLEAN -> policies.booleans() != ValuePolicies.BooleanPolicy.NONZERO_IS_TRUE;
      case NULL_IN_NOT_NULL, OUT_OF_RANGE, NOT_A_LABEL, INVALID_JSON, TIME_OUT_OF_RANGE, CASE_DUPLICATE, DUPLICATE_KEY,
          NOT_EXACT, ORPHAN -> true;
    };
  }
}

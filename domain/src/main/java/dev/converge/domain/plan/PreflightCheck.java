package dev.converge.domain.plan;

import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.schema.FoldedUniqueKey;
import dev.converge.domain.schema.ForeignKey;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A question about the source data that no single value answers: does a row repeat another's key
 * under a target key (the plan's data scan answers it, with hash sets), or reference a parent that
 * does not exist (the source adapter answers it in SQL, with the source's indexes)?
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
    CASE_DUPLICATE("differs from another row only in letter case, but the target's unique key folds case"),
    DUPLICATE_KEY("repeats another row's key under a target primary or unique key"),
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

  /** Whether rows this check finds stop the export: always, no policy makes a duplicate or an orphan loadable. */
  public boolean policyRejects() {
    return true;
  }
}

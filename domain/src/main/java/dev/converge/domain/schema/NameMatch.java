package dev.converge.domain.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a source table or column finds its target of the same name — the one rule, for the schema
 * contract and the plan alike. In order: the same name; the same name ignoring case (MySQL's
 * {@code Email}, PostgreSQL's unquoted {@code email}); the same name ignoring case and underscores
 * ({@code ExternalRef} and {@code external_ref}, as an ORM's snake-case naming strategy renames
 * them). A looser match counts only when exactly one candidate has it; the plan shows every column
 * matched by the loosest rule, and two source columns reaching one target column block the plan.
 */
public final class NameMatch {

  private NameMatch() {}

  /** The candidate whose name matches {@code wanted}, by the first rule that finds exactly one. */
  public static <T> Optional<T> find(List<T> candidates, Function<T, String> name, String wanted) {
    Optional<T> exact = candidates.stream().filter(candidate -> name.apply(candidate).equals(wanted)).findFirst();
    if (exact.isPresent()) {
      return exact;
    }
    List<T> folded = candidates.stream().filter(candidate -> name.apply(candidate).equalsIgnoreCase(wanted)).toList();
    if (!folded.isEmpty()) {
      return folded.size() == 1 ? Optional.of(folded.get(0)) : Optional.empty();
    }
    String key = withoutCaseAndUnderscores(wanted);
    List<T> loose = candidates.stream()
        .filter(candidate -> withoutCaseAndUnderscores(name.apply(candidate)).equals(key)).toList();
    return loose.size() == 1 ? Optional.of(loose.get(0)) : Optional.empty();
  }

  /** Whether two names match by any of the rules (regardless of other candidates). */
  public static boolean matches(String source, String target) {
    return withoutCaseAndUnderscores(source).equals(withoutCaseAndUnderscores(target));
  }

  /** Whether two names match only by the loosest rule (the plan says so). */
  public static boolean onlyIgnoringUnderscores(String source, String target) {
    return !source.equalsIgnoreCase(target) && withoutCaseAndUnderscores(source).equals(withoutCaseAndUnderscores(target));
  }

  private static String withoutCaseAndUnderscores(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }
}

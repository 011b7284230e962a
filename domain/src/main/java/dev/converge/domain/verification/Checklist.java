package dev.converge.domain.verification;

import dev.converge.domain.failure.InvalidChecklistException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An operator's checklist: named SQL checks run by {@code converge verify} after its own checks.
 * A check runs on the target database or on another database of the same PostgreSQL server,
 * named here by an alias so that the operator can point it elsewhere at run time.
 *
 * @param name how the report names the checklist
 * @param databases alias → database name on the target's server (same host, port and login)
 */
public record Checklist(String name, Map<String, String> databases, List<ChecklistCheck> checks) {

  /** The alias of the target database itself (the one {@code --target-database} names); always declared. */
  public static final String TARGET = "target";

  private static final Pattern ALIAS = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");

  public Checklist {
    if (name == null || name.isBlank()) {
      throw new InvalidChecklistException(null, null, "name", "must not be blank");
    }
    databases = Map.copyOf(databases == null ? Map.of() : new LinkedHashMap<>(databases));
    for (Map.Entry<String, String> database : databases.entrySet()) {
      String field = "databases." + database.getKey();
      if (!ALIAS.matcher(database.getKey()).matches()) {
        throw new InvalidChecklistException(null, null, field, "an alias is a letter, then letters, digits, '_' or '-'");
      }
      if (database.getKey().equals(TARGET)) {
        throw new InvalidChecklistException(null, null, field, "'" + TARGET
            + "' always means the target database (--target-database) and cannot be redefined");
      }
      if (database.getValue() == null || database.getValue().isBlank()) {
        throw new InvalidChecklistException(null, null, field, "needs the database's name");
      }
    }
    checks = List.copyOf(checks == null ? List.of() : checks);
    if (checks.isEmpty()) {
      throw new InvalidChecklistException(null, null, "checks", "the checklist has no checks");
    }
    Set<String> names = new HashSet<>();
    for (ChecklistCheck check : checks) {
      if (!names.add(check.name())) {
        throw new InvalidChecklistException(null, check.name(), "name", "two checks have this name");
      }
      requireDeclared(databases, check.name(), "database", check.database());
      if (check.expect() instanceof Expectation.FoundIn foundIn) {
        requireDeclared(databases, check.name(), "expect.found-in.database", foundIn.database());
      }
    }
  }

  private static void requireDeclared(Map<String, String> databases, String check, String field, String alias) {
    if (!alias.equals(TARGET) && !databases.containsKey(alias)) {
      throw new InvalidChecklistException(null, check, field, "'" + alias + "' is neither '" + TARGET
          + "' nor an alias under 'databases'" + (databases.isEmpty() ? "" : " " + new java.util.TreeSet<>(databases.keySet())));
    }
  }
}

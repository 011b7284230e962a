package dev.converge.domain.plan;

import dev.converge.domain.conversion.ValuePolicies;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The operator's decisions the plan follows: tables never to copy (with the reason shown), source
 * columns to ignore, value policies globally and per column, and what to do with rows the target
 * already has.
 *
 * @param excludedTables source table → why it is never copied
 * @param ignoredColumns {@code table.column} of source columns deliberately not copied
 * @param columnPolicies {@code table.column} → policies that replace {@code policies} for it
 * @param existingRows target table → handling of its pre-existing rows (default TRUNCATE)
 * @param decisions rows to quarantine and NULLs to replace ({@link RowDecisions})
 */
public record PlanSettings(
    Map<String, String> excludedTables,
    Set<String> ignoredColumns,
    ValuePolicies policies,
    Map<String, ValuePolicies> columnPolicies,
    Map<String, ExistingRows> existingRows,
    RowDecisions decisions) {

  /** Tables that exist in migrated applications' sources but must never be copied. */
  public static final Map<String, String> DEFAULT_EXCLUSIONS = defaultExclusions();

  public PlanSettings {
    excludedTables = Map.copyOf(excludedTables);
    ignoredColumns = Set.copyOf(ignoredColumns);
    Objects.requireNonNull(policies, "policies");
    columnPolicies = Map.copyOf(columnPolicies);
    existingRows = Map.copyOf(existingRows);
    Objects.requireNonNull(decisions, "decisions");
  }

  public PlanSettings(Map<String, String> excludedTables, Set<String> ignoredColumns, ValuePolicies policies,
      Map<String, ValuePolicies> columnPolicies, Map<String, ExistingRows> existingRows) {
    this(excludedTables, ignoredColumns, policies, columnPolicies, existingRows, RowDecisions.NONE);
  }

  /** The defaults: the known history/cache tables excluded, every policy strict, existing rows truncated. */
  public static PlanSettings defaults() {
    return new PlanSettings(DEFAULT_EXCLUSIONS, Set.of(), ValuePolicies.STRICT, Map.of(), Map.of());
  }

  public ValuePolicies policiesFor(String table, String column) {
    return columnPolicies.getOrDefault(table + "." + column, policies);
  }

  public ExistingRows existingRowsFor(String table) {
    return existingRows.getOrDefault(table, ExistingRows.TRUNCATE);
  }

  public PlanSettings withExcludedTable(String table, String reason) {
    Map<String, String> excluded = new LinkedHashMap<>(excludedTables);
    excluded.put(table, reason);
    return new PlanSettings(excluded, ignoredColumns, policies, columnPolicies, existingRows, decisions);
  }

  private static Map<String, String> defaultExclusions() {
    Map<String, String> exclusions = new LinkedHashMap<>();
    exclusions.put("migrations_typeorm", "TypeORM's migration history; the target's own migrations wrote theirs");
    exclusions.put("typeorm_metadata", "TypeORM's metadata; the target's own migrations wrote theirs");
    exclusions.put("query-result-cache", "TypeORM's transient query cache");
    exclusions.put("schema_migration", "Kratos' (pop) migration history; the target's own migrations wrote theirs");
    exclusions.put("flyway_schema_history", "Flyway's migration history; the target's own migrations wrote theirs");
    return Map.copyOf(exclusions);
  }
}

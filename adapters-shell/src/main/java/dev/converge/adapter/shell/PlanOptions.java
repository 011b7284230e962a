package dev.converge.adapter.shell;

import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.ExistingRows;
import dev.converge.domain.plan.PlanSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The plan's settings as command-line options: exclusions, ignored columns, policies, existing rows. */
public final class PlanOptions {

  // Lists (converge.yml's, or comma-separated) split between entries; a reason may hold commas of its own.
  @Option(names = "--exclude-table", paramLabel = "TABLE=REASON", split = ",(?=[^,=\\s]+=)", splitSynopsisLabel = ",",
      description = "Never copy this source table; the reason is shown in the plan. Repeatable.")
  Map<String, String> excludedTables = new LinkedHashMap<>();

  @Option(names = "--ignore-column", paramLabel = "TABLE.COLUMN", split = ",",
      description = "Do not copy this source column. Repeatable.")
  List<String> ignoredColumns = new ArrayList<>();

  @Option(names = "--policy", paramLabel = "NAME=CHOICE", split = ",",
      description = "A value policy for every column: booleans=reject|nonzero-is-true, zero-dates=reject|null,"
          + " nul-bytes=reject|strip, overlong=reject|truncate, invalid-uuids=reject|null. Repeatable.")
  Map<String, String> policies = new LinkedHashMap<>();

  @Option(names = "--column-policy", paramLabel = "TABLE.COLUMN:NAME=CHOICE", split = ",",
      description = "A value policy for one column, e.g. user.bio:nul-bytes=strip. Repeatable.")
  List<String> columnPolicies = new ArrayList<>();

  @Option(names = "--existing-rows", paramLabel = "TABLE=HANDLING", split = ",",
      description = "What to do with rows a target table already holds: truncate (default), keep,"
          + " merge-by-primary-key. Repeatable.")
  Map<String, String> existingRows = new LinkedHashMap<>();

  @Mixin RowDecisionOptions decisions = new RowDecisionOptions();

  /** The settings: the default exclusions plus these options. */
  public PlanSettings settings() {
    RowDecisionOptions rows = decisions;
    Map<String, String> excluded = new LinkedHashMap<>(PlanSettings.DEFAULT_EXCLUSIONS);
    excluded.putAll(excludedTables);
    ValuePolicies global = apply(ValuePolicies.STRICT, policies);
    Map<String, Map<String, String>> perColumn = new LinkedHashMap<>();
    for (String entry : columnPolicies) {
      int colon = entry.indexOf(':');
      int equals = entry.indexOf('=', colon);
      if (colon < 1 || equals < 0) {
        throw new ConvergeException(ErrorCode.CONFIGURATION, "--column-policy " + entry + " is not TABLE.COLUMN:NAME=CHOICE");
      }
      perColumn.computeIfAbsent(entry.substring(0, colon), key -> new LinkedHashMap<>())
          .put(entry.substring(colon + 1, equals), entry.substring(equals + 1));
    }
    Map<String, ValuePolicies> columnSettings = new HashMap<>();
    perColumn.forEach((column, choices) -> columnSettings.put(column, apply(global, choices)));
    Map<String, ExistingRows> handling = new HashMap<>();
    existingRows.forEach((table, choice) -> handling.put(table, choice(ExistingRows.class, "--existing-rows", choice)));
    return new PlanSettings(excluded, Set.copyOf(ignoredColumns), global, columnSettings, handling,
        rows.decisions());
  }

  private static ValuePolicies apply(ValuePolicies base, Map<String, String> choices) {
    ValuePolicies policies = base;
    for (Map.Entry<String, String> choice : choices.entrySet()) {
      String value = choice.getValue();
      policies = switch (choice.getKey()) {
        case "booleans" -> new ValuePolicies(choice(ValuePolicies.BooleanPolicy.class, "booleans", value),
            policies.zeroDates(), policies.nulBytes(), policies.overlong(), policies.invalidUuids());
        case "zero-dates" -> new ValuePolicies(policies.booleans(), choice(ValuePolicies.ZeroDatePolicy.class,
            "zero-dates", value), policies.nulBytes(), policies.overlong(), policies.invalidUuids());
        case "nul-bytes" -> new ValuePolicies(policies.booleans(), policies.zeroDates(),
            choice(ValuePolicies.NulBytePolicy.class, "nul-bytes", value), policies.overlong(), policies.invalidUuids());
        case "overlong" -> new ValuePolicies(policies.booleans(), policies.zeroDates(), policies.nulBytes(),
            choice(ValuePolicies.OverlongPolicy.class, "overlong", value), policies.invalidUuids());
        case "invalid-uuids" -> new ValuePolicies(policies.booleans(), policies.zeroDates(), policies.nulBytes(),
            policies.overlong(), choice(ValuePolicies.InvalidUuidPolicy.class, "invalid-uuids", value));
        default -> throw new ConvergeException(ErrorCode.CONFIGURATION, "unknown policy " + choice.getKey()
            + "; known: booleans, zero-dates, nul-bytes, overlong, invalid-uuids");
      };
    }
    return policies;
  }

  /** Parses {@code nonzero-is-true} as {@code NONZERO_IS_TRUE}, naming the choices when it fails. */
  static <E extends Enum<E>> E choice(Class<E> type, String name, String value) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      List<String> known = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        known.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
      throw new ConvergeException(ErrorCode.CONFIGURATION, name + "=" + value + " is not one of " + known);
    }
  }
}

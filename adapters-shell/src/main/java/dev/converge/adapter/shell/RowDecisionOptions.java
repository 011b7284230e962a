package dev.converge.adapter.shell;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.RowDecisions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The operator's row decisions as options of {@code plan}, {@code export} and {@code migrate}:
 * {@code --quarantine TABLE[:RULE]}, {@code --default TABLE.COLUMN=VALUE} and
 * {@code --map TABLE.COLUMN=lookup:SQL}, repeatable, and the same keys in {@code converge.yml} (lists;
 * {@code map} also as {@code TABLE.COLUMN: {lookup: SQL}} under the key).
 */
public final class RowDecisionOptions {

  @Option(names = "--quarantine", paramLabel = "TABLE[:RULE]", split = ",",
      description = "Set aside the rows of this source table the target would refuse (or only those breaking RULE:"
          + " not-null, unique, invalid-value, unmapped, existing-row) instead of stopping: they are not loaded, they go to"
          + " quarantine/TABLE.csv with their reason, their children under the target's foreign keys follow them,"
          + " and changes.csv lists each. Repeatable or comma-separated.")
  List<String> quarantine = new ArrayList<>();

  @Option(names = "--default", paramLabel = "TABLE.COLUMN=VALUE", split = ",(?=[^,=]+\\.[^,=]+=)", splitSynopsisLabel = ",",
      description = "Load VALUE (in the source's text form) for a NULL in this source column, whose target column is"
          + " NOT NULL; each replaced NULL is listed in changes.csv. Repeatable.")
  List<String> defaults = new ArrayList<>();

  /** How a map's value begins: the only kind of map there is, named so that others can follow. */
  static final String LOOKUP = "lookup:";

  @Option(names = "--map", paramLabel = "TABLE.COLUMN=lookup:SQL", split = ",(?=[^,=\\s]+\\.[^,=\\s]+=lookup:)", splitSynopsisLabel = ",",
      description = "Load, for each non-NULL value of this source column, the first column of the one row SQL returns"
          + " on the source with every ? bound to the value, e.g. activity.triggeredBy=lookup:SELECT id FROM user"
          + " WHERE nameID = ? (a nameID in a uuid column mapped to the row's id); a value it finds no row or several"
          + " rows for is a dirty row (unmapped); each changed value is listed in changes.csv. Repeatable.")
  List<String> maps = new ArrayList<>();

  /**
   * These options as a command line gives them ({@code --quarantine …}, {@code --default …},
   * {@code --map …}): what {@code migrate} hands on to its plan and export phases, every decision.
   */
  public List<String> arguments() {
    List<String> arguments = new ArrayList<>();
    quarantine.forEach(table -> arguments.addAll(List.of("--quarantine", table)));
    defaults.forEach(value -> arguments.addAll(List.of("--default", value)));
    maps.forEach(map -> arguments.addAll(List.of("--map", map)));
    return arguments;
  }

  /** The decisions these options give; a malformed one is a configuration error naming it. */
  public RowDecisions decisions() {
    Map<String, Set<String>> tables = new LinkedHashMap<>();
    for (String entry : quarantine) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      String table = colon < 0 ? trimmed : trimmed.substring(0, colon);
      if (table.isEmpty()) {
        throw new ConvergeException(ErrorCode.CONFIGURATION, "--quarantine " + entry + " is not TABLE or TABLE:RULE");
      }
      Set<String> rules = tables.computeIfAbsent(table, t -> new LinkedHashSet<>());
      boolean whole = tables.containsKey(table) && colon < 0;
      if (colon >= 0) {
        String rule = trimmed.substring(colon + 1);
        if (!RowDecisions.RULES.contains(rule)) {
          throw new ConvergeException(ErrorCode.CONFIGURATION, "--quarantine " + entry + ": unknown rule " + rule
              + "; known: " + String.join(", ", RowDecisions.RULES));
        }
        rules.add(rule);
      }
      if (whole) {
        rules.clear();
        rules.addAll(RowDecisions.RULES);
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String entry : defaults) {
      int equals = entry.indexOf('=');
      int dot = entry.indexOf('.');
      if (dot < 1 || equals < dot + 2) {
        throw new ConvergeException(ErrorCode.CONFIGURATION, "--default " + entry + " is not TABLE.COLUMN=VALUE");
      }
      values.put(entry.substring(0, equals).trim(), entry.substring(equals + 1));
    }
    Map<String, String> lookups = new LinkedHashMap<>();
    for (String entry : maps) {
      int equals = entry.indexOf('=');
      int dot = entry.indexOf('.');
      if (dot < 1 || equals < dot + 2 || !entry.startsWith(LOOKUP, equals + 1)
          || entry.substring(equals + 1 + LOOKUP.length()).isBlank()) {
        throw new ConvergeException(ErrorCode.CONFIGURATION, "--map " + entry + " is not TABLE.COLUMN=lookup:SQL");
      }
      lookups.put(entry.substring(0, equals).trim(), entry.substring(equals + 1 + LOOKUP.length()).strip());
    }
    return new RowDecisions(tables, values, lookups);
  }
}

package dev.converge.application.service;

import dev.converge.application.port.out.ReadMigrationVersionsPort;
import dev.converge.domain.history.HistoryComparison;
import dev.converge.domain.history.HistoryTable;
import dev.converge.domain.plan.Blocker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the application's migration history on both sides and compares it, for the schema phase
 * and the plan alike: every table converge recognises ({@link HistoryTable#known()}) that exists
 * with its history column on both sides, and every table the operator names, which must exist on
 * both (a table the operator names replaces what converge would recognise under that name).
 */
final class MigrationHistories {

  private final ReadMigrationVersionsPort source;
  private final ReadMigrationVersionsPort target;

  MigrationHistories(ReadMigrationVersionsPort source, ReadMigrationVersionsPort target) {
    this.source = Objects.requireNonNull(source, "source");
    this.target = Objects.requireNonNull(target, "target");
  }

  /** The comparisons and the problems (a named table missing, a release mismatch), one line each. */
  Result compare(List<String> named, Set<String> accepted) {
    List<HistoryTable> required = named.stream().map(HistoryTable::parse).toList();
    Map<String, HistoryTable> tables = new LinkedHashMap<>();
    HistoryTable.known().stream()
        .filter(known -> required.stream().noneMatch(table -> table.named(known.table())))
        .forEach(table -> tables.put((table.table() + "." + table.column()).toLowerCase(Locale.ROOT), table));
    required.forEach(table -> tables.put((table.table() + "." + table.column()).toLowerCase(Locale.ROOT), table));
    List<HistoryComparison> comparisons = new ArrayList<>();
    List<Blocker> problems = new ArrayList<>();
    for (HistoryTable table : tables.values()) {
      Optional<Set<String>> inSource = source.versions(table.table(), table.column());
      Optional<Set<String>> inTarget = target.versions(table.table(), table.column());
      if (inSource.isEmpty() || inTarget.isEmpty()) {
        if (required.contains(table)) {
          problems.add(new Blocker(table.table(), table.column(), "the migration-history table " + table.table()
              + " (with its column " + table.column() + ") is missing in the " + (inSource.isEmpty() ? "source" : "target")));
        }
        continue;
      }
      HistoryComparison comparison = HistoryComparison.of(table, inSource.get(), inTarget.get(), accepted);
      comparisons.add(comparison);
      comparison.mismatch().ifPresent(reason -> problems.add(new Blocker(table.table(), table.column(), reason)));
    }
    return new Result(comparisons, problems);
  }

  /** What {@link #compare} found: each comparison, and what stops the run (a missing named table, a release mismatch). */
  record Result(List<HistoryComparison> comparisons, List<Blocker> problems) {}
}

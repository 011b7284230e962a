package dev.converge.adapter.shell;

import dev.converge.domain.history.HistoryComparison;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/** How {@code schema} and {@code plan} compare the application's migration history on both sides. */
public final class HistoryOptions {

  @Option(names = "--compare-versions", paramLabel = "TABLE[.COLUMN]", split = ",",
      description = "A migration-history table to compare on both sides besides the ones converge recognises"
          + " (migrations_typeorm, migrations, flyway_schema_history, schema_migration, databasechangelog,"
          + " _prisma_migrations); the column defaults to version. Repeatable.")
  List<String> tables = new ArrayList<>();

  @Option(names = "--accept-missing-version", paramLabel = "VERSION", split = ",",
      description = "A release one side lacks on purpose: reported, never a mismatch. Repeatable.")
  Set<String> acceptedMissingVersions = new TreeSet<>();

  /** One line per compared history table. */
  static void print(List<HistoryComparison> histories, PrintWriter out) {
    if (histories.isEmpty()) {
      out.println("Migration history: no history table on both sides to compare");
      return;
    }
    for (HistoryComparison history : histories) {
      out.printf("Migration history %s%n", history.summary());
    }
  }
}

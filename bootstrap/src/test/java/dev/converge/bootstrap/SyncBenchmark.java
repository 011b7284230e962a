package dev.converge.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.adapter.embedded.mysql.EmbeddedMySqlServer;
import dev.converge.adapter.json.JsonPlanFileAdapter;
import dev.converge.adapter.json.JsonRunJournalAdapter;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.plan.ColumnPlan;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseRun;
import dev.converge.domain.run.RunJournal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sync benchmark of issue #13 (not a test; run by bench/sync.sh). Generates the Alkemio-shaped
 * dataset at a scale into the embedded MySQL 8 once, pre-copies it with {@code migrate} into a fresh
 * PostgreSQL database, then changes about 1 % of every table's rows with SQL on MySQL (0.3 % deleted,
 * the same rows inserted again under new keys, 0.4 % updated; cascades come on top), then times
 * {@code sync} (its proof included) against {@code migrate} + {@code verify} of the same changed
 * data into another fresh database. Prints both and their ratio, and writes JSON.
 */
public final class SyncBenchmark {

  private SyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
    int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    Path results = Path.of(args.length > 2 ? args[2] : "bench/results");
    EmbeddedMySqlServer mySql = (EmbeddedMySqlServer) EmbeddedServers.mySql();
    long generating = System.nanoTime();
    Rehearsal base = Rehearsal.of("alkemio", mySql, DatasetOptions.clean(scale), true,
        Files.createTempDirectory("converge-sync-plan"));
    double generated = seconds(generating);
    check(base, base.converge("plan", "--check-timeout", "PT30M", "--scan-budget", "PT2H"));
    MigrationPlan plan = new JsonPlanFileAdapter(base.workDirectory).load().orElseThrow();
    System.out.printf(Locale.ROOT, "generated alkemio at scale %s in %.1f s; %d tables; --parallel %d%n", scale,
        generated, plan.tables().size(), parallel);
    Map<String, Object> figures = new LinkedHashMap<>();

    Rehearsal preCopy = base.withFreshTarget(Files.createTempDirectory("converge-sync-run"));
    // Planned in its own work directory, untimed: migrate runs only after a plan the run journal recorded.
    check(preCopy, preCopy.converge("plan", "--check-timeout", "PT30M", "--parallel", String.valueOf(parallel)));
    long copying = System.nanoTime();
    check(preCopy, preCopy.converge("migrate", "--keep-plan", "--parallel", String.valueOf(parallel)));
    figures.put("preCopyMigrateWithVerify", seconds(copying));

    long changing = System.nanoTime();
    long[] changed = change(base, plan);
    figures.put("changeSeconds", seconds(changing));
    figures.put("sqlDeletedAndReinserted", changed[0]);
    figures.put("sqlUpdated", changed[1]);

    long syncing = System.nanoTime();
    check(preCopy, preCopy.converge("sync", "--parallel", String.valueOf(parallel)));
    figures.put("sync", seconds(syncing));
    JsonNode report = new ObjectMapper().readTree(preCopy.workDirectory.resolve("sync_report.json").toFile());
    long rows = 0;
    long inserted = 0;
    long updated = 0;
    long deleted = 0;
    for (JsonNode table : report.get("tables")) {
      rows += table.get("sourceRows").asLong();
      inserted += table.get("inserted").asLong();
      updated += table.get("updated").asLong();
      deleted += table.get("deleted").asLong();
    }
    figures.put("rows", rows);
    figures.put("syncInserted", inserted);
    figures.put("syncUpdated", updated);
    figures.put("syncDeleted", deleted);
    figures.put("changedPercent", 100.0 * (inserted + updated + deleted) / rows);
    long again = System.nanoTime();
    check(preCopy, preCopy.converge("sync", "--parallel", String.valueOf(parallel)));
    figures.put("secondSync", seconds(again));

    Rehearsal fresh = base.withFreshTarget(Files.createTempDirectory("converge-sync-baseline"));
    check(fresh, fresh.converge("plan", "--check-timeout", "PT30M", "--parallel", String.valueOf(parallel)));
    long migrating = System.nanoTime();
    check(fresh, fresh.converge("migrate", "--keep-plan", "--parallel", String.valueOf(parallel)));
    figures.put("migrateWithVerify", seconds(migrating));
    RunJournal journal = new JsonRunJournalAdapter(fresh.workDirectory).load().orElseThrow();
    PhaseRun verify = journal.latestSucceeded(Phase.VERIFY).orElseThrow();
    figures.put("verify", verify.elapsed().toMillis() / 1000.0);
    figures.put("ratio", (double) figures.get("sync") / (double) figures.get("migrateWithVerify"));

    System.out.printf(Locale.ROOT, "%nscale %s, --parallel %d, %,d rows; SQL changes: %,d rows deleted and inserted again"
        + " under new keys, %,d updated%n", scale, parallel, rows, changed[0], changed[1]);
    System.out.printf(Locale.ROOT, "  pre-copy migrate + verify      %8.1f s%n", num(figures, "preCopyMigrateWithVerify"));
    System.out.printf(Locale.ROOT, "  sync (proof included)          %8.1f s  (%,d inserted, %,d updated, %,d deleted:"
        + " %.2f %% of the rows)%n", num(figures, "sync"), inserted, updated, deleted, num(figures, "changedPercent"));
    System.out.printf(Locale.ROOT, "  second sync (nothing to write) %8.1f s%n", num(figures, "secondSync"));
    System.out.printf(Locale.ROOT, "  migrate + verify, same data    %8.1f s  (verify %.1f s)%n",
        num(figures, "migrateWithVerify"), num(figures, "verify"));
    System.out.printf(Locale.ROOT, "  sync / (migrate + verify)      %8.2f  (target ≤ 0.50)%n", num(figures, "ratio"));
    Files.createDirectories(results);
    Path json = results.resolve("sync-" + Instant.now().toString().replace(":", "").substring(0, 17) + ".json");
    Files.writeString(json, String.format(Locale.ROOT, "{\"scale\": %s, \"parallel\": %d, \"cores\": %d, \"figures\": %s}%n",
        scale, parallel, Runtime.getRuntime().availableProcessors(), figures.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\": " + e.getValue()).collect(Collectors.joining(", ", "{", "}"))),
        StandardCharsets.UTF_8);
    System.out.println("JSON: " + json);
    System.exit(0);
  }

  /**
   * About 1 % of each table's rows changed as an application would: 0.3 % deleted and inserted again under a new
   * key (a uuid, or an integer past the table's), 0.4 % updated (their {@code version}); the foreign keys' cascades
   * come on top. Returns {deleted, updated}.
   */
  private static long[] change(Rehearsal base, MigrationPlan plan) throws SQLException {
    long moved = 0;
    long updated = 0;
    try (Connection source = DriverManager.getConnection("jdbc:mysql://" + base.source.host() + ":" + base.source.port()
            + "/" + base.source.database() + "?useSSL=false&allowPublicKeyRetrieval=true", base.source.user(),
            base.source.password());
        Statement statement = source.createStatement()) {
      for (TablePlan table : plan.tables()) {
        String name = "`" + table.sourceTable() + "`";
        boolean hasVersion = table.columns().stream().anyMatch(column -> column.source().name().equals("version"));
        if (hasVersion) {
          updated += statement.executeUpdate("UPDATE " + name + " SET version = version + 1 WHERE RAND() < 0.004");
        }
        if (table.primaryKey().size() != 1) {
          continue;
        }
        ColumnPlan key = table.columns().stream().filter(column -> column.target().name().equals(table.primaryKey().get(0)))
            .findFirst().orElseThrow();
        String keyName = "`" + key.source().name() + "`";
        String newKey = switch (key.source().dataType()) {
          case "char", "varchar" -> "UUID()";
          case "int", "bigint" -> keyName + " + 1000000000";
          default -> null;
        };
        if (newKey == null) {
          continue;
        }
        statement.execute("DROP TEMPORARY TABLE IF EXISTS sync_bench_moved");
        statement.execute("CREATE TEMPORARY TABLE sync_bench_moved AS SELECT * FROM " + name + " WHERE RAND() < 0.003");
        long rows = statement.executeUpdate("DELETE t FROM " + name + " t JOIN sync_bench_moved m ON t." + keyName
            + " = m." + keyName);
        statement.executeUpdate("UPDATE sync_bench_moved SET " + keyName + " = " + newKey);
        // IGNORE: a moved row whose parent moved too (a self-reference) lost it to the cascade; it stays deleted.
        statement.executeUpdate("INSERT IGNORE INTO " + name + " SELECT * FROM sync_bench_moved");
        moved += rows;
      }
    }
    return new long[] {moved, updated};
  }

  private static double num(Map<String, Object> figures, String key) {
    return ((Number) figures.get(key)).doubleValue();
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private static void check(Rehearsal run, int status) {
    if (status != 0) {
      throw new IllegalStateException("converge exited " + status + ":\n" + run.output());
    }
  }
}

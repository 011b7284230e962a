package dev.converge.bootstrap;

import dev.converge.adapter.embedded.mysql.EmbeddedMySqlServer;
import dev.converge.adapter.json.JsonPlanFileAdapter;
import dev.converge.adapter.json.JsonRunJournalAdapter;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.plan.ColumnPlan;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseRun;
import dev.converge.domain.run.RunJournal;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * The cut-over benchmark of issue #8 (not a test; run by bench/cutover.sh). Generates the
 * Alkemio-shaped dataset at a scale into the embedded MySQL 8 once, then, N times on that same
 * data and each time into a freshly provisioned PostgreSQL database:
 * <ol>
 *   <li>the <b>native floor</b> — MySQL's own {@code SELECT … INTO OUTFILE} of every table in
 *       PostgreSQL's text format (see {@link #selected}), then PostgreSQL's
 *       {@code COPY … FROM STDIN} of those files, tables in
 *       parallel as converge loads them; no conversion, no checks — the servers' own speed;</li>
 *   <li>the <b>pipelined floor</b> — the same two steps per table, each table's import started as
 *       soon as its export ended: the limit a pipeline aims at;</li>
 *   <li>converge {@code migrate} (plan made beforehand): export, validate and import as one
 *       pipeline, then verify, timed per phase from the run journal (the pipelined phases overlap:
 *       each runs from the pipeline's start to its own end, and migrate is the pipeline's wall
 *       clock).</li>
 * </ol>
 * Prints each run and the medians with rows/s, MB/s, peak heap and peak RSS, the ratios to the
 * floor, and writes everything as JSON.
 */
public final class CutoverBenchmark {

  private static final Set<String> BINARY = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob");
  private static final Set<String> TEXT = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum",
      "set", "json");

  private CutoverBenchmark() {}

  /**
   * Options a second migrate of each run takes (env {@code CONVERGE_BENCH_VARIANT}, space-separated, e.g.
   * {@code --part-size 16MiB}); none by default.
   */
  private static final List<String> VARIANT = System.getenv().getOrDefault("CONVERGE_BENCH_VARIANT", "").isBlank()
      ? List.of() : List.of(System.getenv("CONVERGE_BENCH_VARIANT").trim().split("\\s+"));

  public static void main(String[] args) throws Exception {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
    int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path results = Path.of(args.length > 3 ? args[3] : "bench/results");
    EmbeddedMySqlServer mySql = (EmbeddedMySqlServer) EmbeddedServers.mySql();
    long generating = System.nanoTime();
    Rehearsal base = Rehearsal.of("alkemio", mySql, DatasetOptions.clean(scale), true,
        Files.createTempDirectory("converge-cutover-plan"));
    double generated = seconds(generating);
    // The pre-flight scan reads every JSON value; past scale 1 its single query outlasts the 60 s default
    // (at scale 4, authorization_policy holds 10 GB), and the plan would rightly refuse the unchecked column.
    check(base, base.converge("plan", "--check-timeout", "PT30M", "--scan-budget", "PT2H"));
    MigrationPlan plan = new JsonPlanFileAdapter(base.workDirectory).load().orElseThrow();
    System.out.printf(Locale.ROOT, "generated alkemio at scale %s in %.1f s; %d tables; %d run(s), --parallel %d%n",
        scale, generated, plan.tables().size(), repeats, parallel);

    List<Map<String, Object>> runs = new ArrayList<>();
    Path json = results.resolve("cutover-" + Instant.now().toString().replace(":", "").substring(0, 17) + ".json");
    for (int run = 1; run <= repeats; run++) {
      Map<String, Object> figures = new LinkedHashMap<>();
      Rehearsal floorTarget = base.withFreshTarget(Files.createTempDirectory("converge-cutover-floor"));
      resetPeaks();
      long out = System.nanoTime();
      Map<String, Long> bytes = nativeExport(mySql, base.source, plan, parallel, run);
      figures.put("floorExport", seconds(out));
      long in = System.nanoTime();
      long rows = nativeImport(floorTarget.target, plan, mySql.outfileDirectory(), bytes, parallel, run);
      figures.put("floorImport", seconds(in));
      figures.put("floor", (double) figures.get("floorExport") + (double) figures.get("floorImport"));
      figures.put("floorRows", rows);
      figures.put("floorMegabytes", bytes.values().stream().mapToLong(Long::longValue).sum() / 1e6);
      for (String table : bytes.keySet()) {
        deleteQuietly(mySql.outfileDirectory().resolve(file(table, run)));
      }
      Rehearsal pipelinedTarget = base.withFreshTarget(Files.createTempDirectory("converge-cutover-pipelined"));
      long pipelined = System.nanoTime();
      long pipelinedRows = pipelinedFloor(mySql, base.source, pipelinedTarget.target, plan, parallel, run);
      figures.put("pipelinedFloor", seconds(pipelined));
      if (pipelinedRows != rows) {
        throw new IllegalStateException("the pipelined floor loaded " + pipelinedRows + " rows, the floor " + rows);
      }
      deleteTree(pipelinedTarget.workDirectory);

      if (!VARIANT.isEmpty() && run % 2 == 0) {
        // Every other run the variant goes first: neither is always the one that runs on a warmer machine.
        variant(base, parallel, figures);
      }
      Rehearsal converge = base.withFreshTarget(Files.createTempDirectory("converge-cutover-run"));
      // Planned in its own work directory, untimed: migrate runs only after a plan the run journal recorded.
      check(converge, converge.converge("plan", "--check-timeout", "PT30M", "--parallel", String.valueOf(parallel)));
      resetPeaks();
      long migrating = System.nanoTime();
      check(converge, converge.converge("migrate", "--keep-plan", "--parallel", String.valueOf(parallel)));
      figures.put("migrateWithVerify", seconds(migrating));
      figures.put("peakHeapMegabytes", peakHeap() >> 20);
      figures.put("peakRssMegabytes", peakRss() >> 10);
      RunJournal journal = new JsonRunJournalAdapter(converge.workDirectory).load().orElseThrow();
      for (Phase phase : List.of(Phase.EXPORT, Phase.VALIDATE, Phase.IMPORT, Phase.VERIFY)) {
        PhaseRun done = journal.latestSucceeded(phase).orElseThrow();
        figures.put(phase.command(), done.elapsed().toMillis() / 1000.0);
        figures.put(phase.command() + "Rows", done.rows());
      }
      // The pipeline's phases overlap: migrate is the wall clock from the export's start to the last commit.
      figures.put("migrate", java.time.Duration.between(journal.latestSucceeded(Phase.EXPORT).orElseThrow().started(),
          journal.latestSucceeded(Phase.IMPORT).orElseThrow().finished()).toMillis() / 1000.0);
      String output = converge.out.toString();
      int pipeline = output.indexOf("Pipeline:");
      if (pipeline >= 0) {
        int end = output.indexOf("\n==", pipeline);
        System.out.println(output.substring(pipeline, end < 0 ? output.length() : end));
      }
      figures.put("csvMegabytes", csvMegabytes(converge.workDirectory));
      if (!VARIANT.isEmpty() && run % 2 == 1) {
        variant(base, parallel, figures);
      }
      runs.add(figures);
      print("run " + run, figures);
      // Written after every run (the medians so far), so that a long benchmark cut short keeps what it measured.
      Files.createDirectories(results);
      Files.writeString(json, json(scale, parallel, runs, medians(runs)), StandardCharsets.UTF_8);
      deleteTree(converge.workDirectory);
      deleteTree(floorTarget.workDirectory);
    }
    Map<String, Object> medians = medians(runs);
    print("median of " + repeats, medians);
    Files.writeString(json, json(scale, parallel, runs, medians), StandardCharsets.UTF_8);
    System.out.println("JSON: " + json);
    System.exit(0);
  }

  /** The same migrate with {@link #VARIANT}'s options into a fresh target: an A/B of a setting in one run. */
  private static void variant(Rehearsal base, int parallel, Map<String, Object> figures) throws Exception {
    Rehearsal other = base.withFreshTarget(Files.createTempDirectory("converge-cutover-variant"));
    check(other, other.converge("plan", "--check-timeout", "PT30M", "--parallel", String.valueOf(parallel)));
    List<String> options = new ArrayList<>(List.of("--keep-plan", "--parallel", String.valueOf(parallel)));
    options.addAll(VARIANT);
    check(other, other.converge("migrate", options.toArray(String[]::new)));
    RunJournal variant = new JsonRunJournalAdapter(other.workDirectory).load().orElseThrow();
    figures.put("variantMigrate", java.time.Duration.between(variant.latestSucceeded(Phase.EXPORT).orElseThrow()
        .started(), variant.latestSucceeded(Phase.IMPORT).orElseThrow().finished()).toMillis() / 1000.0);
    figures.put("variantVerify", variant.latestSucceeded(Phase.VERIFY).orElseThrow().elapsed().toMillis() / 1000.0);
    String output = other.out.toString();
    int pipeline = output.indexOf("Pipeline:");
    if (pipeline >= 0) {
      System.out.println("variant " + VARIANT + ": " + output.substring(pipeline, output.indexOf('\n', pipeline)));
    }
    deleteTree(other.workDirectory);
  }

  private static Map<String, Object> medians(List<Map<String, Object>> runs) {
    Map<String, Object> medians = new LinkedHashMap<>();
    for (String key : runs.get(0).keySet()) {
      List<Double> values = runs.stream().map(r -> ((Number) r.get(key)).doubleValue()).sorted().toList();
      medians.put(key, values.get(values.size() / 2));
    }
    return medians;
  }

  private static Map<String, Long> nativeExport(EmbeddedMySqlServer mySql, DatabaseEndpoint source, MigrationPlan plan,
      int parallel, int run) throws Exception {
    Map<String, Long> bytes = new java.util.concurrent.ConcurrentHashMap<>();
    inParallel(plan.tables(), parallel, table -> bytes.put(table.targetTable(),
        nativeExportTable(mySql, source, table, file(table.targetTable(), run))));
    return bytes;
  }

  /** One table's {@code SELECT … INTO OUTFILE}; returns the file's size. */
  private static long nativeExportTable(EmbeddedMySqlServer mySql, DatabaseEndpoint source, TablePlan table, String name)
      throws Exception {
    String columns = table.columns().stream().map(CutoverBenchmark::selected).collect(Collectors.joining(", "));
    Path file = mySql.outfileDirectory().resolve(name);
    try (Connection connection = DriverManager.getConnection("jdbc:mysql://" + source.host() + ":" + source.port() + "/"
            + source.database() + "?user=" + source.user() + "&password=" + source.password());
        Statement statement = connection.createStatement()) {
      statement.execute("SET time_zone = '+00:00'");
      statement.execute("SELECT " + columns + " FROM `" + table.sourceTable() + "` INTO OUTFILE '" + file
          + "' FIELDS TERMINATED BY '\\t' ESCAPED BY '' LINES TERMINATED BY '\\n'");
    }
    return Files.size(file);
  }

  /**
   * The pipelined floor, the limit a pipeline of the servers' own tools could reach: each table's
   * native import starts as soon as its native export ends ({@code parallel} exports and
   * {@code parallel} imports at a time, the largest tables first); the wall clock to the last commit.
   */
  private static long pipelinedFloor(EmbeddedMySqlServer mySql, DatabaseEndpoint source, DatabaseEndpoint target,
      MigrationPlan plan, int parallel, int run) throws Exception {
    emptyTarget(target, plan);
    java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
    ExecutorService importers = Executors.newFixedThreadPool(parallel);
    List<Future<?>> imports = java.util.Collections.synchronizedList(new ArrayList<>());
    try {
      inParallel(plan.tables(), parallel, table -> {
        String name = file(table.targetTable(), run) + ".pipelined";
        nativeExportTable(mySql, source, table, name);
        imports.add(importers.submit(() -> {
          rows.addAndGet(nativeImportTable(target, table, mySql.outfileDirectory().resolve(name)));
          deleteQuietly(mySql.outfileDirectory().resolve(name));
          return null;
        }));
      });
      for (Future<?> imported : List.copyOf(imports)) {
        imported.get();
      }
    } finally {
      importers.shutdownNow();
    }
    return rows.get();
  }

  /**
   * PostgreSQL's text format written by MySQL itself: OUTFILE with no escape character, the few
   * escapes PostgreSQL needs ({@code \\ \t \n \r}) done in SQL for text, {@code \N} for NULL, and
   * bytes as {@code \\x} hex. (MySQL's own escaping cannot write {@code \r}, which PostgreSQL needs.)
   */
  private static String selected(ColumnPlan column) {
    String name = "`" + column.source().name() + "`";
    String type = column.source().dataType();
    String value;
    if (BINARY.contains(type)) {
      value = "CONCAT('\\\\\\\\x', HEX(" + name + "))";
    } else if (TEXT.contains(type)) {
      value = "REPLACE(REPLACE(REPLACE(REPLACE(" + name + ", '\\\\', '\\\\\\\\'), '\t', '\\\\t'), '\n', '\\\\n'),"
          + " '\r', '\\\\r')";
    } else {
      value = name;
    }
    return "COALESCE(" + value + ", '\\\\N')";
  }

  private static long nativeImport(DatabaseEndpoint target, MigrationPlan plan, Path directory, Map<String, Long> bytes,
      int parallel, int run) throws Exception {
    emptyTarget(target, plan);
    java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
    inParallel(plan.tables(), parallel, table ->
        rows.addAndGet(nativeImportTable(target, table, directory.resolve(file(table.targetTable(), run)))));
    return rows.get();
  }

  /** The seed migration's rows out first, in one statement: parallel TRUNCATE … CASCADE would deadlock. */
  private static void emptyTarget(DatabaseEndpoint target, MigrationPlan plan) throws Exception {
    try (Connection connection = DriverManager.getConnection(url(target), target.user(), target.password());
        Statement statement = connection.createStatement()) {
      statement.execute("TRUNCATE " + plan.tables().stream().map(t -> "\"" + t.targetTable() + "\"")
          .collect(Collectors.joining(", ")));
    }
  }

  private static String url(DatabaseEndpoint target) {
    return "jdbc:postgresql://" + target.host() + ":" + target.port() + "/" + target.database();
  }

  /** One table's {@code COPY … FROM STDIN (FORMAT text)} in its own transaction; returns its rows. */
  private static long nativeImportTable(DatabaseEndpoint target, TablePlan table, Path file) throws Exception {
    String columns = table.columns().stream().map(c -> "\"" + c.target().name() + "\"").collect(Collectors.joining(", "));
    try (Connection connection = DriverManager.getConnection(url(target), target.user(), target.password())) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET LOCAL session_replication_role = replica");
        statement.execute("SET LOCAL TIME ZONE 'UTC'");
      }
      long rows;
      try (InputStream in = Files.newInputStream(file)) {
        rows = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY \"" + table.targetTable()
            + "\" (" + columns + ") FROM STDIN (FORMAT text)", in, 1 << 16);
      }
      connection.commit();
      return rows;
    }
  }

  private interface TableTask {
    void run(TablePlan table) throws Exception;
  }

  /** Tables on {@code parallel} threads, the largest first: as converge schedules them, so the comparison is fair. */
  private static void inParallel(List<TablePlan> tables, int parallel, TableTask task) throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (TablePlan table : tables.stream()
          .sorted(java.util.Comparator.comparingLong(TablePlan::estimatedRows).reversed()).toList()) {
        futures.add(workers.submit(() -> {
          task.run(table);
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      workers.shutdownNow();
    }
  }

  private static String file(String table, int run) {
    return table + "_" + run + ".tsv";
  }

  private static void print(String label, Map<String, Object> f) {
    double floor = num(f, "floor");
    System.out.printf(Locale.ROOT, "%n%s%n  %-26s %9s %12s %9s %8s%n", label, "phase", "seconds", "rows/s", "MB/s",
        "× floor");
    row("native floor: export", num(f, "floorExport"), num(f, "floorRows"), num(f, "floorMegabytes"), Double.NaN);
    row("native floor: import", num(f, "floorImport"), num(f, "floorRows"), num(f, "floorMegabytes"), Double.NaN);
    row("native floor", floor, num(f, "floorRows"), num(f, "floorMegabytes"), 1.0);
    row("native pipelined floor", num(f, "pipelinedFloor"), num(f, "floorRows"), num(f, "floorMegabytes"),
        num(f, "pipelinedFloor") / floor);
    row("converge export", num(f, "export"), num(f, "exportRows"), num(f, "csvMegabytes"), num(f, "export") / floor);
    row("converge validate", num(f, "validate"), num(f, "validateRows"), num(f, "csvMegabytes"), num(f, "validate") / floor);
    row("converge import", num(f, "import"), num(f, "importRows"), num(f, "csvMegabytes"), num(f, "import") / floor);
    row("converge verify", num(f, "verify"), num(f, "exportRows"), num(f, "csvMegabytes"), num(f, "verify") / floor);
    row("converge migrate (e→v→i)", num(f, "migrate"), num(f, "exportRows"), num(f, "csvMegabytes"),
        num(f, "migrate") / floor);
    if (f.containsKey("variantMigrate")) {
      row("variant migrate " + String.join(" ", VARIANT), num(f, "variantMigrate"), num(f, "exportRows"),
          num(f, "csvMegabytes"), num(f, "variantMigrate") / floor);
      row("variant verify", num(f, "variantVerify"), num(f, "exportRows"), num(f, "csvMegabytes"),
          num(f, "variantVerify") / floor);
    }
    System.out.printf(Locale.ROOT, "  peak heap %.0f MB, peak RSS %.0f MB (converge, whole JVM)%n",
        num(f, "peakHeapMegabytes"), num(f, "peakRssMegabytes"));
  }

  private static void row(String phase, double seconds, double rows, double megabytes, double ratio) {
    System.out.printf(Locale.ROOT, "  %-26s %9.1f %,12.0f %9.1f %8s%n", phase, seconds, rows / seconds,
        megabytes / seconds, Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio));
  }

  private static double num(Map<String, Object> figures, String key) {
    return ((Number) figures.get(key)).doubleValue();
  }

  private static String json(double scale, int parallel, List<Map<String, Object>> runs, Map<String, Object> medians) {
    StringBuilder json = new StringBuilder("{\n");
    json.append(String.format(Locale.ROOT, "  \"scale\": %s,%n  \"parallel\": %d,%n", scale, parallel));
    json.append(String.format(Locale.ROOT, "  \"cores\": %d,%n  \"maxHeapMegabytes\": %d,%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
    json.append("  \"java\": \"").append(System.getProperty("java.version")).append("\",\n");
    json.append("  \"runs\": [\n");
    for (int i = 0; i < runs.size(); i++) {
      json.append("    ").append(object(runs.get(i))).append(i + 1 < runs.size() ? ",\n" : "\n");
    }
    json.append("  ],\n  \"medians\": ").append(object(medians)).append("\n}\n");
    return json.toString();
  }

  private static String object(Map<String, Object> figures) {
    return figures.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static double csvMegabytes(Path work) throws Exception {
    try (var files = Files.list(work)) {
      return files.filter(f -> f.toString().endsWith(".csv")).mapToLong(f -> f.toFile().length()).sum() / 1e6;
    }
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    try {
      // Linux: writing 5 to clear_refs resets the peak RSS (VmHWM) to the current RSS.
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (Exception e) {
      // Not Linux, or not allowed: the peak RSS then covers the whole JVM's life.
    }
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  /** VmHWM in kB. */
  private static long peakRss() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (Exception e) {
      // The outfile directory is the server's temp directory, removed when it stops.
    }
  }

  private static void deleteTree(Path directory) throws Exception {
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(CutoverBenchmark::deleteQuietly);
    }
  }

  private static void check(Rehearsal run, int status) {
    if (status != 0) {
      throw new IllegalStateException("converge exited " + status + ":\n" + run.output());
    }
  }
}

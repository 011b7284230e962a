package dev.converge.bootstrap;

import dev.converge.adapter.json.JsonManifestFileAdapter;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.manifest.TableManifest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test; run by bench/phase-throughput.sh): generates both reference datasets at a
 * scale into the embedded MySQL 8, provisions PostgreSQL from the baselines, plans, then times
 * export, validate, import and verify, and prints rows, MB, rows/s and peak heap.
 */
public final class ExportBenchmark {

  private ExportBenchmark() {}

  public static void main(String[] args) throws Exception {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.5;
    int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    String server = args.length > 2 ? args[2] : "mysql";
    String[] datasets = args.length > 3 ? args[3].split(",") : new String[] {"alkemio", "kratos"};
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
    for (String name : datasets) {
      Path work = Files.createTempDirectory("converge-bench-" + name);
      long generating = System.nanoTime();
      Rehearsal run = Rehearsal.of(name, server.equals("mariadb") ? EmbeddedServers.mariaDb() : EmbeddedServers.mySql(),
          DatasetOptions.clean(scale), true, work);
      double generated = (System.nanoTime() - generating) / 1e9;
      // A first plan, untimed, warms the JVM (JIT) as the earlier phases warm export's: the scan and the
      // export it is compared with are then both timed warm.
      check(run, run.converge("plan", "--parallel", String.valueOf(parallel)));
      // Converge's default TLS mode (prefer: TLS whenever the server offers it, as both embedded servers
      // do), then the same plan and export in plaintext: the server's encryption is its own share of both.
      // Several rounds, the two modes' order swapped each round; the figures are the rounds' medians.
      List<Timed> tlsRounds = new ArrayList<>();
      List<Timed> plainRounds = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        for (String mode : round % 2 == 0 ? List.of("prefer", "disable") : List.of("disable", "prefer")) {
          Timed timed = scanAndExport(run, parallel, mode);
          (mode.equals("prefer") ? tlsRounds : plainRounds).add(timed);
          System.out.printf(Locale.ROOT, "%s on %s, round %d, %s: scan %.1f s, export %.1f s = %.2f×%n", name, server,
              round + 1, mode, timed.scan(), timed.export(), timed.scan() / timed.export());
        }
      }
      Timed tls = Timed.medians(tlsRounds);
      Timed plain = Timed.medians(plainRounds);
      long validating = System.nanoTime();
      check(run, run.converge("validate"));
      double validated = (System.nanoTime() - validating) / 1e9;
      long importing = System.nanoTime();
      check(run, run.converge("import", "--parallel", String.valueOf(parallel)));
      double imported = (System.nanoTime() - importing) / 1e9;
      long verifying = System.nanoTime();
      check(run, run.converge("verify"));
      double verified = (System.nanoTime() - verifying) / 1e9;
      Manifest manifest = new JsonManifestFileAdapter(work).latest().orElseThrow().manifest();
      long bytes = manifest.tables().stream().flatMap(t -> t.files().stream()).mapToLong(TableManifest.DataFile::bytes).sum();
      double exported = tls.export();
      System.out.printf(Locale.ROOT, "%s on %s scale %s: %,d rows, %,.0f MB of CSV; generate %.1f s; source TLS %s;"
              + " plan with its data scan %.1f s (scan %.1f s = %.2f× export: rows %.1f s beside foreign-key queries %.1f s);"
              + " export (--parallel %d) %.1f s = %,.0f rows/s, %.1f MB/s; in plaintext (--source-ssl-mode disable): scan"
              + " %.1f s = %.2f× export %.1f s; validate %.1f s = %,.0f rows/s; import %.1f s = %,.0f rows/s;"
              + " verify %.1f s = %,.0f rows/s%n",
          name, server, scale, manifest.rows(), bytes / 1e6, generated, tlsDescription(run), tls.plan(), tls.scan(),
          tls.scan() / exported, tls.rows(), tls.queries(), parallel, exported, manifest.rows() / exported, bytes / 1e6 / exported,
          plain.scan(), plain.scan() / plain.export(), plain.export(), validated, manifest.rows() / validated, imported,
          manifest.rows() / imported, verified, manifest.rows() / verified);
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "peak heap %d MB of max %d MB%n", peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    System.exit(0);
  }

  /** One timed plan and export, in seconds: the plan, its data scan, the scan's rows and its foreign-key queries, the export. */
  private record Timed(double plan, double scan, double rows, double queries, double export) {

    /** Each figure's median over the rounds (the mean of the middle two for an even count). */
    static Timed medians(List<Timed> rounds) {
      return new Timed(median(rounds, Timed::plan), median(rounds, Timed::scan), median(rounds, Timed::rows),
          median(rounds, Timed::queries), median(rounds, Timed::export));
    }

    private static double median(List<Timed> rounds, java.util.function.ToDoubleFunction<Timed> figure) {
      double[] sorted = rounds.stream().mapToDouble(figure).sorted().toArray();
      return (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    }
  }

  /** A timed plan and export with {@code --source-ssl-mode mode}. */
  private static Timed scanAndExport(Rehearsal run, int parallel, String mode) {
    run.out.getBuffer().setLength(0);
    long planning = System.nanoTime();
    check(run, run.converge("plan", "--parallel", String.valueOf(parallel), "--source-ssl-mode", mode));
    double planned = (System.nanoTime() - planning) / 1e9;
    // The plan prints its own split: "(introspection N ms, scan N ms: rows N ms beside foreign-key queries N ms)".
    java.util.regex.Matcher split = java.util.regex.Pattern
        .compile("scan (\\d+) ms: rows (\\d+) ms beside foreign-key queries (\\d+) ms").matcher(run.out.toString());
    boolean found = split.find();
    long exporting = System.nanoTime();
    check(run, run.converge("export", "--parallel", String.valueOf(parallel), "--source-ssl-mode", mode));
    double exported = (System.nanoTime() - exporting) / 1e9;
    return new Timed(planned, found ? Long.parseLong(split.group(1)) / 1e3 : Double.NaN,
        found ? Long.parseLong(split.group(2)) / 1e3 : Double.NaN, found ? Long.parseLong(split.group(3)) / 1e3 : Double.NaN,
        exported);
  }

  /** The cipher converge's default mode gets from the source, and the server's TLS library where it says. */
  private static String tlsDescription(Rehearsal run) throws java.sql.SQLException {
    try (com.zaxxer.hikari.HikariDataSource pool = dev.converge.adapter.mysql.connection.MySqlDataSourceFactory
            .readOnlySource(run.source, 1);
        java.sql.Connection connection = pool.getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      String cipher = "";
      try (java.sql.ResultSet result = statement.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) {
        cipher = result.next() ? result.getString(2) : "";
      }
      String library = "";
      try (java.sql.ResultSet result = statement.executeQuery(
          "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('version_ssl_library', 'tls_library_version')")) {
        library = result.next() ? " (" + result.getString(2) + ")" : "";
      }
      return (cipher.isEmpty() ? "none" : cipher) + library;
    }
  }

  private static void check(Rehearsal run, int status) {
    if (status != 0) {
      throw new IllegalStateException("converge exited " + status + ":\n" + run.output());
    }
  }
}

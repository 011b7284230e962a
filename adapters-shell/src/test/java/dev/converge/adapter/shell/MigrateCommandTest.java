package dev.converge.adapter.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.application.port.in.ReportRunUseCase;
import dev.converge.application.port.in.RunMigrationCommand;
import dev.converge.application.port.in.RunMigrationReport;
import dev.converge.application.port.in.RunMigrationUseCase;
import dev.converge.application.port.in.RunPhaseUseCase;
import dev.converge.application.port.in.ShowStatusUseCase;
import dev.converge.application.port.in.RecordPhaseUseCase;
import dev.converge.application.session.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * migrate hands the application typed commands: each phase's from that phase's own options with
 * its configured defaults (converge.yml, the environment), migrate's own options in their place where
 * given — never a command line rebuilt from strings.
 */
class MigrateCommandTest {

  private final StringWriter out = new StringWriter();
  private RunMigrationCommand handed;

  private CommandLine commandLine(Map<String, String> file) {
    RunMigrationUseCase migration = command -> {
      handed = command;
      return new RunMigrationReport(Duration.ofSeconds(1));
    };
    Workspace workspace = new Workspace() {
      @Override
      public RunPhaseUseCase runPhase() {
        throw new AssertionError("migrate runs through the migration runner");
      }

      @Override
      public RunMigrationUseCase runMigration() {
        return migration;
      }

      @Override
      public RecordPhaseUseCase recordPhase() {
        throw new AssertionError();
      }

      @Override
      public ShowStatusUseCase showStatus() {
        throw new AssertionError();
      }

      @Override
      public ReportRunUseCase reportRun() {
        throw new AssertionError();
      }
    };
    PhaseContext context = new PhaseContext(settings -> {
      throw new AssertionError("the application opens the sessions");
    }, directory -> workspace, report -> "{}", new PrintWriter(out, true),
        new TerminalProgressAdapter(new PrintWriter(new StringWriter())), failure -> 1, new RunControl(), name -> null);
    CommandLine root = new CommandLine(new ConvergeCommand(new PrintWriter(out, true)));
    root.addSubcommand(new SchemaCommand(context));
    root.addSubcommand(new PlanCommand(context));
    root.addSubcommand(new ExportCommand(context));
    root.addSubcommand(new ValidateCommand(context));
    root.addSubcommand(new ImportCommand(context));
    root.addSubcommand(new VerifyCommand(context));
    root.addSubcommand(new MigrateCommand(context));
    root.registerConverter(Duration.class, new DurationText());
    root.setErr(new PrintWriter(out, true));
    ConfiguredDefaults defaults = new ConfiguredDefaults(name -> null);
    defaults.load("converge.yml", file, root);
    root.setDefaultValueProvider(defaults);
    return root;
  }

  private static final String[] CONNECTION = {"--source-database", "app", "--source-user", "migrator",
      "--target-database", "app", "--target-user", "app", "--work-dir", "run-1"};

  private int migrate(Map<String, String> file, String... options) {
    String[] args = new String[1 + CONNECTION.length + options.length];
    args[0] = "migrate";
    System.arraycopy(CONNECTION, 0, args, 1, CONNECTION.length);
    System.arraycopy(options, 0, args, 1 + CONNECTION.length, options.length);
    return commandLine(file).execute(args);
  }

  @Test
  void eachPhaseTakesItsConfiguredDefaultsAsWhenItRunsAlone() {
    assertEquals(0, migrate(Map.of("export.part-size", "1MiB", "export.snapshot-mode", "lock-free",
        "import.parallel", "3", "validate.problems", "7", "verify.examples", "9", "plan.check-timeout", "15m")),
        out.toString());

    assertEquals(1L << 20, handed.export().command().partBytes());
    assertEquals("LOCK_FREE", handed.export().command().snapshotMode().name());
    assertEquals(4, handed.export().command().parallelism().tables(), "export's own default");
    assertEquals(3, handed.load().command().parallelism().tables());
    assertEquals(7, handed.validate().command().problemsPerTable());
    assertEquals(9, handed.verify().command().examples());
    assertEquals(Duration.ofMinutes(15), handed.plan().command().checkTimeout());
    assertNull(handed.schema(), "no provisioning asked for");
    assertEquals(3, handed.transfer().loadParallelism().tables(), "the pipeline loads as import would");
    assertTrue(out.toString().contains("Migrate: every phase passed"), out.toString());
  }

  @Test
  void migratesOwnOptionsTakeThePlaceOfThePhasesDefaults() {
    assertEquals(0, migrate(Map.of("export.part-size", "1MiB", "import.parallel", "3"), "--parallel", "2",
        "--part-size", "64KiB", "--snapshot-lock-timeout", "30s", "--keep-plan", "--sequential",
        "--flyway-location", "filesystem:db", "--quarantine", "users", "--reuse-stale-export"), out.toString());

    assertEquals(2, handed.export().command().parallelism().tables());
    assertEquals(2, handed.load().command().parallelism().tables());
    assertEquals(2, handed.verify().command().parallelism().tables());
    assertEquals(64L << 10, handed.export().command().partBytes());
    assertEquals(Duration.ofSeconds(30), handed.export().command().snapshotLockTimeout());
    assertTrue(handed.export().command().reuseStaleExport() && handed.load().command().reuseStaleExport());
    assertEquals("filesystem:db", handed.schema().command().flywayLocation());
    assertEquals(java.util.List.of("--quarantine users"), handed.export().command().decisions().describe());
    assertNull(handed.plan(), "--keep-plan");
    assertTrue(handed.sequential());
  }

  @Test
  void thePlansOptionsAreMigratesToo() {
    // The plan's advice names --column-policy, --policy, --existing-rows …: they work on migrate as on plan.
    assertEquals(0, migrate(Map.of("exclude-table", "legacy=retired"), "--column-policy", "site.name:overlong=truncate",
        "--policy", "nul-bytes=strip", "--existing-rows", "firmware=keep", "--ignore-column", "site.notes"),
        out.toString());

    var settings = handed.plan().command().settings();
    assertEquals("TRUNCATE", settings.policiesFor("site", "name").overlong().name());
    assertEquals("STRIP", settings.policiesFor("any", "column").nulBytes().name());
    assertEquals("KEEP", settings.existingRowsFor("firmware").name());
    assertTrue(settings.ignoredColumns().contains("site.notes"));
    assertEquals("retired", settings.excludedTables().get("legacy"), "converge.yml's plan settings apply to migrate");
  }

  @Test
  void withoutKeepPlanThePlanTakesMigratesRowDecisions() {
    assertEquals(0, migrate(Map.of(), "--quarantine", "users", "--default", "users.name=anonymous"), out.toString());

    assertEquals(handed.export().command().decisions(), handed.plan().command().settings().decisions());
    assertEquals(java.util.List.of("--quarantine users", "--default users.name=anonymous"),
        handed.plan().command().settings().decisions().describe());
  }
}

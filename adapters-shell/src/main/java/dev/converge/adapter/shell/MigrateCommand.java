package dev.converge.adapter.shell;

import dev.converge.application.port.in.Parallelism;
import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.ExportTablesCommand;
import dev.converge.application.port.in.ImportTablesCommand;
import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;
import dev.converge.application.port.in.RunMigrationCommand;
import dev.converge.application.port.in.RunMigrationReport;
import dev.converge.application.port.in.RunMigrationUseCase;
import dev.converge.application.port.in.RunPhaseUseCase;
import dev.converge.application.port.in.TransferTablesReport;
import dev.converge.domain.run.Phase;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code converge migrate}: every phase on one pair of connections — schema (when a Flyway location
 * or provisioning command is given), plan, export, validate, import, verify — stopping at the first
 * that fails, with that phase's exit status. Export, validate and import run as one pipeline (each
 * part of a table's file validated as soon as it is exported and loaded as soon as it is valid),
 * unless {@code --sequential}. Each phase takes its options from the configuration file and
 * environment as when run alone, and is journaled as itself (the pipelined three overlap in time).
 */
@Command(name = "migrate",
    description = {"Runs every phase in order on one pair of connections: schema (with --flyway-location or"
        + " --provision-command), plan (unless --keep-plan), export, validate, import, verify. Stops at the first"
        + " phase that fails, with that phase's exit status; a re-run resumes export and import where they stopped.",
      "Each phase's own options come from converge.yml and the environment (see docs/configuration.md)."})
public final class MigrateCommand implements Callable<Integer>, FailureDocument.Contributor, DryRun.Steps {

  private final PhaseContext context;

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Mixin OutputOptions output = new OutputOptions();

  @Mixin DryRun dryRun = new DryRun();

  /** With {@code --output json}: each phase's result as it ended, the document's {@code phases}. */
  private final List<Map<String, Object>> finished = new ArrayList<>();

  @Option(names = "--flyway-location", paramLabel = "LOCATION",
      description = "Provision the target first from these Flyway migrations (as converge schema does).")
  String flywayLocation;

  @Option(names = "--provision-command", paramLabel = "COMMAND",
      description = "Provision the target first with this command (as converge schema does).")
  String provisionCommand;

  @Option(names = "--keep-plan", description = "Use the plan already in the work directory instead of planning again.")
  boolean keepPlan;

  @Option(names = "--parallel", converter = ParallelismText.class, paramLabel = "N",
      description = "Tables scanned (plan), exported, imported and verified at once (default: each phase's own default).")
  Parallelism parallelism;

  @Option(names = "--part-size", paramLabel = "SIZE", converter = ByteSize.class,
      description = "The size of a table's file parts (as converge export --part-size; default: export's own default).")
  Long partBytes;

  @Option(names = "--snapshot-mode", paramLabel = "MODE",
      description = "How the export's readers share one snapshot: auto, lock or lock-free (as converge export"
          + " --snapshot-mode; default: export's own default).")
  String snapshotMode;

  @Option(names = "--snapshot-lock-timeout", paramLabel = "DURATION",
      description = "Longest wait for the snapshot's global read lock (as converge export --snapshot-lock-timeout;"
          + " default: export's own default).")
  Duration snapshotLockTimeout;

  @Option(names = "--reuse-stale-export", description = "A re-run continues and loads the earlier export although"
      + " the source moved since it was read (a rehearsal); without it such an export is refused.")
  boolean reuseStaleExport;

  @Option(names = "--sequential", description = "Run export, validate and import one after another, each over every"
      + " table, instead of as one pipeline: nothing reaches the target before every file has passed validation.")
  boolean sequential;

  /** The plan's settings, row decisions included: the plan's advice names these flags, on migrate as on plan. */
  @Mixin PlanOptions planOptions = new PlanOptions();

  public MigrateCommand(PhaseContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    finished.clear();
    if (dryRun.requested) {
      return DryRun.print("migrate", this, output, context);
    }
    boolean json = output.json();
    // Text prints each phase; JSON collects them into one document; quiet prints only the last line.
    boolean verbose = !json && !output.quiet();
    context.progress().quiet(output.quiet());
    ConnectionSettings settings = connection.settings(context.environment());
    RunMigrationCommand command = command(settings, new Rendering(verbose, json));
    context.control().reset();
    RunMigrationReport report = context.workspaces().open(settings.workDirectory()).runMigration().migrate(command);
    double seconds = report.elapsed().toMillis() / 1000.0;
    if (json) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("command", "migrate");
      document.put("status", 0);
      document.put("seconds", Math.round(seconds * 1000) / 1000.0);
      document.put("phases", List.copyOf(finished));
      context.out().println(context.json().json(document));
    } else {
      context.out().printf(Locale.ROOT, (verbose ? "%n" : "")
          + "Migrate: every phase passed in %.1f s; converge report projects the cut-over.%n", seconds);
    }
    context.out().flush();
    return 0;
  }

  /**
   * Each phase's typed command: the phase's own command parsed without arguments (so that its
   * defaults from converge.yml and the environment apply as when it runs alone), with migrate's own
   * options, where given, in their place.
   */
  private RunMigrationCommand command(ConnectionSettings settings, Rendering rendering) {
    CommandLine root = spec.root().commandLine();
    ProvisioningChoice provisioning = ProvisioningChoice.of(spec, flywayLocation, provisionCommand);
    PhaseStep.Schema schema = provisioning.given() ? parsed(root, SchemaCommand.class).step(provisioning) : null;
    // The row decisions go to plan (which checks them against the data) and to export (which follows them).
    RowDecisionOptions decisions = planOptions.decisions;
    PhaseStep.Plan plan = keepPlan ? null : parsed(root, PlanCommand.class).step(planOptions, parallelism);
    ExportTablesCommand exported = parsed(root, ExportCommand.class).step().command();
    ExportTablesCommand export = new ExportTablesCommand(parallelism == null ? exported.parallelism() : parallelism,
        exported.restart(), partBytes == null ? exported.partBytes() : partBytes,
        snapshotMode == null ? exported.snapshotMode() : ExportCommand.snapshotMode(snapshotMode),
        snapshotLockTimeout == null ? exported.snapshotLockTimeout() : snapshotLockTimeout,
        reuseStaleExport || exported.reuseStaleExport(),
        decisions.decisions().isEmpty() ? exported.decisions() : decisions.decisions());
    ImportTablesCommand loaded = parsed(root, ImportCommand.class).step().command();
    ImportTablesCommand load = new ImportTablesCommand(parallelism == null ? loaded.parallelism() : parallelism,
        loaded.restart(), reuseStaleExport || loaded.reuseStaleExport());
    return new RunMigrationCommand(settings, schema, plan, new PhaseStep.Export(export),
        parsed(root, ValidateCommand.class).step(), new PhaseStep.Import(load),
        parsed(root, VerifyCommand.class).step(parallelism), sequential, rendering);
  }

  /** Prints (or, for JSON, collects) each phase as it ends, with the phase's own command's rendering. */
  private final class Rendering implements RunMigrationUseCase.Watcher {

    private final boolean verbose;
    private final boolean json;
    private final RunPhaseUseCase.Watcher progress = PhaseCommand.watcher(context);

    Rendering(boolean verbose, boolean json) {
      this.verbose = verbose;
      this.json = json;
    }

    @Override
    public void begun(String runId, String name) {
      progress.begun(runId, name);
    }

    @Override
    public void ended() {
      progress.ended();
    }

    @Override
    public boolean cancelled() {
      return progress.cancelled();
    }

    @Override
    public void phaseBegun(String name) {
      if (verbose) {
        context.out().printf("%n== %s%n", name.equals("export+validate+import") ? "export, validate, import (one pipeline)"
            : name);
        context.out().flush();
      }
    }

    @Override
    public <R> void phaseEnded(PhaseStep<R> step, R report) {
      PhaseCommand<R> phase = renderer(step);
      if (verbose) {
        phase.print(report);
        context.out().flush();
      } else {
        collect(step.phase().command(), phase.jsonOf(report));
      }
    }

    @Override
    public void pipelineEnded(TransferTablesReport report) {
      ExportCommand export = parsed(ExportCommand.class);
      ValidateCommand validate = parsed(ValidateCommand.class);
      ImportCommand load = parsed(ImportCommand.class);
      if (!verbose) {
        collect(Phase.EXPORT.command(), export.jsonOf(report.export()));
        collect(Phase.VALIDATE.command(), validate.jsonOf(report.validation()));
        collect(Phase.IMPORT.command(), load.jsonOf(report.imported()));
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("started", report.started());
        times.put("exportEnded", report.exportEnded());
        times.put("validationEnded", report.validationEnded());
        times.put("importEnded", report.importEnded());
        times.put("tables", report.tables());
        collect("pipeline", times);
        return;
      }
      export.print(report.export());
      validate.print(report.validation());
      load.print(report.imported());
      PrintWriter out = context.out();
      out.printf(Locale.ROOT, "Pipeline: exported after %.1f s, validated after %.1f s, imported after %.1f s%n",
          seconds(report.started(), report.exportEnded()), seconds(report.started(), report.validationEnded()),
          seconds(report.started(), report.importEnded()));
      out.printf("  %-40s %12s %9s %10s %9s%n", "table", "rows", "export s", "validate s", "load s");
      for (TransferTablesReport.TableTimes table : report.tables()) {
        out.printf(Locale.ROOT, "  %-40s %,12d %9.1f %10.1f %9s%n", table.table(), table.rows(),
            table.export().toMillis() / 1000.0, table.validation().toMillis() / 1000.0,
            table.loaded() ? String.format(Locale.ROOT, "%.1f", table.load().toMillis() / 1000.0) : "committed before");
      }
      out.flush();
    }

    private void collect(String phase, Object result) {
      if (json) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("phase", phase);
        entry.put("result", result);
        finished.add(entry);
      }
    }

    @SuppressWarnings("unchecked") // each step's report is the one its command renders
    private <R> PhaseCommand<R> renderer(PhaseStep<R> step) {
      CommandLine phase = spec.root().commandLine().getSubcommands().get(step.phase().command());
      return (PhaseCommand<R>) phase.getCommand();
    }

    private <C> C parsed(Class<C> type) {
      return type.cast(spec.root().commandLine().getSubcommands().get(commandName(type)).getCommand());
    }
  }

  @Override
  public List<String> steps() {
    ConnectionSettings settings = connection.settings(context.environment());
    List<String> steps = new ArrayList<>();
    steps.add("connect to " + PhaseCommand.describe(settings.source()) + " (read-only) and "
        + PhaseCommand.describe(settings) + "; lock the work directory " + settings.workDirectory());
    if (flywayLocation != null) {
      steps.add("schema: apply the Flyway migrations of " + flywayLocation + " and check the contract");
    } else if (provisionCommand != null) {
      steps.add("schema: run " + provisionCommand + " and check the contract");
    }
    steps.add(keepPlan ? "plan: use the plan already in " + settings.workDirectory()
        : "plan: map every table and scan the data" + (parallelism == null ? "" : ", " + parallelism + " at once")
            + "; stop if it has blockers");
    String parts = (partBytes == null ? "" : ", parts of " + partBytes + " bytes") + (parallelism == null ? ""
        : ", " + parallelism + " tables at once");
    steps.add(sequential ? "export every table" + parts + ", then validate every file, then import every table"
        : "export, validate and import as one pipeline" + parts + ": each part validated as it is written and"
            + " loaded into its table's open transaction");
    steps.add("verify: compare source, export and target by rows and content checksums");
    return steps;
  }

  @Override
  public void contribute(Map<String, Object> document) {
    document.put("phases", List.copyOf(finished));
  }

  /** The phase command of {@code type}, parsed without arguments: its configured defaults applied, as when it runs alone. */
  private static <C> C parsed(CommandLine root, Class<C> type) {
    CommandLine phase = root.getSubcommands().get(commandName(type));
    phase.parseArgs();
    return type.cast(phase.getCommand());
  }

  private static String commandName(Class<?> type) {
    return type.getAnnotation(Command.class).name();
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}

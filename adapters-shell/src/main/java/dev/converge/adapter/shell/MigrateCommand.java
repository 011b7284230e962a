package dev.converge.adapter.shell;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.BeginPhaseCommand;
import dev.converge.application.port.in.EndPhaseCommand;
import dev.converge.application.port.in.RecordPhaseUseCase;
import dev.converge.application.session.MigrationSession;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
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

  @Option(names = "--parallel", paramLabel = "N",
      description = "Tables scanned (plan), exported, imported and verified at once (default: each phase's own default).")
  Integer parallelism;

  @Option(names = "--part-size", paramLabel = "SIZE",
      description = "The size of a table's file parts (as converge export --part-size; default: export's own default).")
  String partSize;

  @Option(names = "--snapshot-mode", paramLabel = "MODE",
      description = "How the export's readers share one snapshot: auto, lock or lock-free (as converge export"
          + " --snapshot-mode; default: export's own default).")
  String snapshotMode;

  @Option(names = "--snapshot-lock-timeout", paramLabel = "DURATION",
      description = "Longest wait for the snapshot's global read lock (as converge export --snapshot-lock-timeout;"
          + " default: export's own default).")
  String snapshotLockTimeout;

  @Option(names = "--reuse-stale-export", description = "A re-run continues and loads the earlier export although"
      + " the source moved since it was read (a rehearsal); without it such an export is refused.")
  boolean reuseStaleExport;

  @Option(names = "--sequential", description = "Run export, validate and import one after another, each over every"
      + " table, instead of as one pipeline: nothing reaches the target before every file has passed validation.")
  boolean sequential;

  @Mixin RowDecisionOptions decisions = new RowDecisionOptions();

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
    BiConsumer<String, Object> collect = (phase, result) -> {
      if (json) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("phase", phase);
        entry.put("result", result);
        finished.add(entry);
      }
    };
    ConnectionSettings settings = connection.settings(context.environment());
    List<PhaseCommand<?>> phases = phases();
    context.control().reset();
    RecordPhaseUseCase journal = context.workspaces().open(settings.workDirectory()).recordPhase();
    long started = System.nanoTime();
    MigrationSession session;
    journal.begin(new BeginPhaseCommand(Phase.CONNECT, PhaseCommand.describe(settings.source()),
        PhaseCommand.describe(settings)));
    try {
      session = context.sessions().open(settings);
    } catch (RuntimeException failure) {
      journal.end(new EndPhaseCommand(Phase.CONNECT, PhaseOutcome.FAILED, context.exitStatus().applyAsInt(failure), "",
          failure.getMessage(), List.of()));
      throw failure;
    }
    journal.end(new EndPhaseCommand(Phase.CONNECT, PhaseOutcome.SUCCEEDED, 0, "both databases reachable", null,
        List.of()));
    try (session) {
      for (int i = 0; i < phases.size(); i++) {
        PhaseCommand<?> phase = phases.get(i);
        if (!sequential && phase instanceof ExportCommand export) {
          if (verbose) {
            context.out().printf("%n== export, validate, import (one pipeline)%n");
            context.out().flush();
          }
          new Pipeline(context, settings, journal).run(session, export, (ValidateCommand) phases.get(i + 1),
              (ImportCommand) phases.get(i + 2), verbose ? null : collect);
          i += 2;
          continue;
        }
        if (verbose) {
          context.out().printf("%n== %s%n", phase.phase().command());
          context.out().flush();
        }
        String name = phase.phase().command();
        phase.runIn(settings, journal, session, verbose ? null : result -> collect.accept(name, result));
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (json) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("command", "migrate");
      document.put("status", 0);
      document.put("seconds", Math.round(seconds * 1000) / 1000.0);
      document.put("phases", List.copyOf(finished));
      context.out().println(context.json().json(document));
    } else {
      context.out().printf(Locale.ROOT, "%sMigrate: every phase passed in %.1f s; converge report projects the cut-over.%n",
          verbose ? "%n" : "", seconds);
    }
    context.out().flush();
    return 0;
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
    String parts = (partSize == null ? "" : ", parts of " + partSize) + (parallelism == null ? ""
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

  /** The phase commands, each parsed as if run alone (so that its defaults and configured options apply). */
  private List<PhaseCommand<?>> phases() {
    CommandLine root = spec.root().commandLine();
    List<PhaseCommand<?>> phases = new ArrayList<>();
    if (flywayLocation != null) {
      phases.add(parsed(root, "schema", "--flyway-location", flywayLocation));
    } else if (provisionCommand != null) {
      phases.add(parsed(root, "schema", "--provision-command", provisionCommand));
    }
    // The row decisions go to plan (which checks them against the data) and to export (which follows them).
    List<String> decided = new ArrayList<>();
    decisions.quarantine.forEach(table -> decided.addAll(List.of("--quarantine", table)));
    decisions.defaults.forEach(value -> decided.addAll(List.of("--default", value)));
    if (!keepPlan) {
      List<String> planOptions = new ArrayList<>(decided);
      if (parallelism != null) {
        planOptions.addAll(List.of("--parallel", "" + parallelism));
      }
      phases.add(parsed(root, "plan", planOptions.toArray(String[]::new)));
    }
    List<String> exportOptions = new ArrayList<>(decided);
    if (parallelism != null) {
      exportOptions.addAll(List.of("--parallel", "" + parallelism));
    }
    if (partSize != null) {
      exportOptions.addAll(List.of("--part-size", partSize));
    }
    if (snapshotMode != null) {
      exportOptions.addAll(List.of("--snapshot-mode", snapshotMode));
    }
    if (snapshotLockTimeout != null) {
      exportOptions.addAll(List.of("--snapshot-lock-timeout", snapshotLockTimeout));
    }
    List<String> importOptions = new ArrayList<>();
    if (parallelism != null) {
      importOptions.addAll(List.of("--parallel", "" + parallelism));
    }
    if (reuseStaleExport) {
      exportOptions.add("--reuse-stale-export");
      importOptions.add("--reuse-stale-export");
    }
    phases.add(parsed(root, "export", exportOptions.toArray(String[]::new)));
    phases.add(parsed(root, "validate"));
    phases.add(parsed(root, "import", importOptions.toArray(String[]::new)));
    phases.add(parallelism == null ? parsed(root, "verify") : parsed(root, "verify", "--parallel", "" + parallelism));
    return phases;
  }

  private static PhaseCommand<?> parsed(CommandLine root, String name, String... args) {
    CommandLine phase = root.getSubcommands().get(name);
    phase.parseArgs(args);
    return (PhaseCommand<?>) phase.getCommand();
  }
}

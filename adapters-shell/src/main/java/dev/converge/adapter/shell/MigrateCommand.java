package dev.converge.adapter.shell;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.BeginPhaseCommand;
import dev.converge.application.port.in.EndPhaseCommand;
import dev.converge.application.port.in.RecordPhaseUseCase;
import dev.converge.application.session.MigrationSession;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code converge migrate}: every phase in order on one pair of connections — schema (when a Flyway
 * location or provisioning command is given), plan, export, validate, import, verify — stopping at
 * the first that fails, with that phase's exit status. Each phase is the same command as when run
 * alone, with its options from the configuration file and environment, and is journaled as such.
 */
@Command(name = "migrate",
    description = {"Runs every phase in order on one pair of connections: schema (with --flyway-location or"
        + " --provision-command), plan (unless --keep-plan), export, validate, import, verify. Stops at the first"
        + " phase that fails, with that phase's exit status; a re-run resumes export and import where they stopped.",
      "Each phase's own options come from converge.yml and the environment (see docs/configuration.md)."})
public final class MigrateCommand implements Callable<Integer> {

  private final PhaseContext context;

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--flyway-location", paramLabel = "LOCATION",
      description = "Provision the target first from these Flyway migrations (as converge schema does).")
  String flywayLocation;

  @Option(names = "--provision-command", paramLabel = "COMMAND",
      description = "Provision the target first with this command (as converge schema does).")
  String provisionCommand;

  @Option(names = "--keep-plan", description = "Use the plan already in the work directory instead of planning again.")
  boolean keepPlan;

  @Option(names = "--parallel", paramLabel = "N",
      description = "Tables exported and imported at once (default: each phase's own default).")
  Integer parallelism;

  public MigrateCommand(PhaseContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    ConnectionSettings settings = connection.settings();
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
      for (PhaseCommand<?> phase : phases) {
        context.out().printf("%n== %s%n", phase.phase().command());
        context.out().flush();
        phase.runIn(settings, journal, session);
      }
    }
    context.out().printf(Locale.ROOT, "%nMigrate: every phase passed in %.1f s; converge report projects the cut-over.%n",
        (System.nanoTime() - started) / 1e9);
    context.out().flush();
    return 0;
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
    if (!keepPlan) {
      phases.add(parsed(root, "plan"));
    }
    phases.add(parallelism == null ? parsed(root, "export") : parsed(root, "export", "--parallel", "" + parallelism));
    phases.add(parsed(root, "validate"));
    phases.add(parallelism == null ? parsed(root, "import") : parsed(root, "import", "--parallel", "" + parallelism));
    phases.add(parsed(root, "verify"));
    return phases;
  }

  private static PhaseCommand<?> parsed(CommandLine root, String name, String... args) {
    CommandLine phase = root.getSubcommands().get(name);
    phase.parseArgs(args);
    return (PhaseCommand<?>) phase.getCommand();
  }
}

package dev.converge.adapter.shell;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.RollbackTargetCommand;
import dev.converge.application.port.in.RollbackTargetCommand.Mode;
import dev.converge.application.port.in.RollbackTargetReport;
import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.run.Phase;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code converge rollback}: the target back to its post-schema state; the source was never touched. */
@Command(name = "rollback",
    description = {"Empties every table of the plan in the target and restores the rows they held when converge first"
        + " met them (a seed migration's, kept in the target), resets the sequences and forgets the import journal. With --drop, drops and"
        + " re-creates the whole target schema and provisions it again as the schema phase did. MySQL is never"
        + " written by any phase, so it needs no rollback: repoint the applications at it (docs/rollback.md).",
      "Destructive: needs --yes. Each rollback is recorded in <work-dir>/rollback_journal.json."})
public final class RollbackCommand extends PhaseCommand<RollbackTargetReport> implements DryRun.Steps {

  @Mixin DryRun dryRun = new DryRun();

  @Option(names = "--yes", description = "Confirm: the loaded data in the target is deleted.")
  boolean confirmed;

  @Option(names = "--drop",
      description = "Drop and re-create the target schema (DROP SCHEMA … CASCADE), then provision it again with"
          + " --flyway-location or --provision-command, given as to the schema phase.")
  boolean drop;

  @Option(names = "--flyway-location", paramLabel = "LOCATION",
      description = "With --drop: the Flyway location the schema phase applied (default: converge.yml's"
          + " schema.flyway-location).")
  String flywayLocation;

  @Option(names = "--provision-command", paramLabel = "COMMAND",
      description = "With --drop: the provisioning command the schema phase ran (default: converge.yml's"
          + " schema.provision-command); its output goes to <work-dir>/logs/.")
  String provisionCommand;

  @Spec CommandSpec spec;

  public RollbackCommand(PhaseContext context) {
    super(context);
  }

  @Override
  protected Phase phase() {
    return Phase.ROLLBACK;
  }

  @Override
  protected boolean dryRunRequested() {
    return dryRun.requested;
  }

  @Override
  public List<String> steps() {
    ConnectionSettings settings = connection.settings(context.environment());
    String target = describe(settings);
    List<String> steps = new java.util.ArrayList<>();
    if (drop) {
      steps.add("drop the schema " + settings.targetSchema() + " of " + target + " (DROP SCHEMA … CASCADE) and create it"
          + " again");
      String provisioning;
      try {
        ProvisioningChoice choice = ProvisioningChoice.of(spec, flywayLocation, provisionCommand);
        provisioning = choice.flywayLocation() != null ? "apply the Flyway migrations of " + choice.flywayLocation()
            : choice.given() ? "run the provisioning command: " + String.join(" ", choice.command())
            : "provision it again (refused: --flyway-location or --provision-command is needed)";
      } catch (ConvergeException refused) {
        provisioning = "provision it again (refused: " + refused.getMessage() + ")";
      }
      steps.add(provisioning);
    } else {
      steps.add("empty every table of the plan in " + settings.workDirectory() + " in " + target);
      steps.add("restore the rows those tables held when converge first met them (kept in the target), and reset"
          + " their sequences");
    }
    steps.add("forget the import journal of " + settings.workDirectory() + " and record the rollback in"
        + " rollback_journal.json");
    if (!confirmed) {
      steps.add("(without --yes the rollback itself is refused)");
    }
    return steps;
  }

  @Override
  protected PhaseStep.Rollback step() {
    ParseResult line = spec.commandLine().getParseResult();
    if (!drop && line != null
        && (line.hasMatchedOption("--flyway-location") || line.hasMatchedOption("--provision-command"))) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "--flyway-location and --provision-command go with --drop");
    }
    // Without --drop, configured provisioning (the schema section of converge.yml, say) is simply not needed.
    ProvisioningChoice provisioning = drop ? ProvisioningChoice.of(spec, flywayLocation, provisionCommand)
        : new ProvisioningChoice(null, List.of());
    return new PhaseStep.Rollback(new RollbackTargetCommand(confirmed, drop ? Mode.DROP : Mode.TRUNCATE,
        provisioning.flywayLocation(), provisioning.command()));
  }

  @Override
  protected void print(RollbackTargetReport report) {
    boolean restored = report.restored().values().stream().anyMatch(rows -> rows > 0);
    if (report.mode() == Mode.DROP) {
      out.printf("Rollback: schema dropped, re-created and provisioned again; %d planned table(s) as provisioned. %s%n",
          report.emptied().size(), restored ? "Rows the provisioning seeded:" : "The provisioning seeded no rows.");
    } else {
      out.printf("Rollback: %d table(s) emptied; %s%n", report.emptied().size(),
          restored ? "rows restored as converge first found them:" : "they held no rows when converge first found them.");
    }
    report.restored().forEach((table, rows) -> {
      if (rows > 0) {
        out.printf("  %s: %d%n", table, rows);
      }
    });
    out.println("The source was never written; the import journal is cleared.");
  }
}

package dev.converge.adapter.shell;

import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;
import dev.converge.domain.run.Phase;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code converge connect}: opens both databases and proves they answer. In the interactive shell
 * the connection options given here stay in force for every later command, so that an operator
 * types them once.
 */
@Command(name = "connect",
    description = {"Connects to the MySQL source (read-only) and the PostgreSQL target and proves both answer.",
      "In the interactive shell, the connection options given here apply to every later command until the next"
          + " connect."})
public final class ConnectCommand extends PhaseCommand<PhaseStep.Connected> {

  private final ConfiguredDefaults defaults;

  @Spec CommandSpec spec;

  public ConnectCommand(PhaseContext context, ConfiguredDefaults defaults) {
    super(context);
    this.defaults = Objects.requireNonNull(defaults, "defaults");
  }

  @Override
  protected Phase phase() {
    return Phase.CONNECT;
  }

  @Override
  protected PhaseStep.Connect step() {
    return new PhaseStep.Connect();
  }

  @Override
  protected void succeeded(PhaseStep.Connected report) {
    // Opening the session proved both pools; in the shell, what was typed now stays in force.
    if (context.control().interactive()) {
      for (OptionSpec option : spec.options()) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option) && option.longestName().startsWith("--")
            && !option.longestName().equals(OutputOptions.OUTPUT) && !option.longestName().equals(OutputOptions.QUIET)) {
          defaults.remember(option.longestName().substring(2), String.valueOf((Object) option.getValue()));
        }
      }
    }
  }

  @Override
  protected void print(PhaseStep.Connected result) {
    out.printf("Connected: source %s (read-only), target %s; work directory %s%n", result.source(), result.target(),
        result.workDirectory());
  }
}

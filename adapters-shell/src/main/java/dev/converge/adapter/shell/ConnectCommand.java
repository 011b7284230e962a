package dev.converge.adapter.shell;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.session.MigrationSession;
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
public final class ConnectCommand extends PhaseCommand<ConnectCommand.Connected> {

  /** What was reached. */
  public record Connected(String source, String target, String workDirectory) {}

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
  protected Connected run(MigrationSession session) {
    // Opening the session proved both pools; in the shell, what was typed now stays in force.
    if (context.control().interactive()) {
      for (OptionSpec option : spec.options()) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option) && option.longestName().startsWith("--")
            && !option.longestName().equals(OutputOptions.OUTPUT) && !option.longestName().equals(OutputOptions.QUIET)) {
          defaults.remember(option.longestName().substring(2), String.valueOf((Object) option.getValue()));
        }
      }
    }
    ConnectionSettings settings = connection.settings(context.environment());
    return new Connected(describe(settings.source()), describe(settings), settings.workDirectory().toString());
  }

  @Override
  protected String summary(Connected result) {
    return "both databases answered";
  }

  @Override
  protected void print(Connected result) {
    out.printf("Connected: source %s (read-only), target %s; work directory %s%n", result.source(), result.target(),
        result.workDirectory());
  }
}

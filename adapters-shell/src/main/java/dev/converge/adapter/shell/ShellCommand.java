package dev.converge.adapter.shell;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code converge shell} (or {@code converge} alone on a terminal): the interactive shell. */
@Command(name = "shell",
    description = {"Starts the interactive shell: the same commands as batch mode at a prompt that shows the run's"
        + " database and phase, with tab completion, history, live progress bars, confirmation before destructive"
        + " steps, and Ctrl-C to cancel the running phase. Connection options given here (or to connect) stay in"
        + " force for every command."})
public final class ShellCommand implements Callable<Integer> {

  private final PhaseContext context;
  private final ConfiguredDefaults defaults;
  private final ShellTerminals terminals;

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  public ShellCommand(PhaseContext context, ConfiguredDefaults defaults, ShellTerminals terminals) {
    this.context = Objects.requireNonNull(context, "context");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.terminals = Objects.requireNonNull(terminals, "terminals");
  }

  @Override
  public Integer call() {
    for (OptionSpec option : spec.options()) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option) && option.longestName().startsWith("--")) {
        defaults.remember(option.longestName().substring(2), String.valueOf((Object) option.getValue()));
      }
    }
    try (Terminal terminal = terminals.open()) {
      return new InteractiveShell(spec.root().commandLine(), context, defaults).run(terminal,
          "converge shell — " + (defaults.source().isEmpty() ? "no configuration file" : "configuration " + defaults.source()));
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot open the terminal: " + e.getMessage(), e);
    }
  }
}

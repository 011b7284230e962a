package dev.converge.adapter.shell;

import java.io.PrintWriter;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: {@code converge [--help | --version | <phase> …]}. */
@Command(
    name = "converge",
    mixinStandardHelpOptions = true,
    subcommands = HelpCommand.class,
    description = {
      "Moves an application's data from MySQL 8 to PostgreSQL 17 for a planned cut-over:",
      "schema first, then plan, export, validate, import and verify, with zero silent data loss."
    },
    footer = {"", "converge help COMMAND (or converge COMMAND --help) shows a command's options, exit statuses and"
        + " examples; every option, environment variable and converge.yml key is in docs/configuration.md."})
public final class ConvergeCommand implements Runnable {

  private final PrintWriter out;

  @Spec
  private CommandSpec spec;

  /** Read by the failure reporter through the parse result; declared here so that --help lists it. */
  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Print stack traces of failures (the log file always has them).")
  private boolean verbose;

  /** Read by Main before parsing (the file supplies defaults for the parse itself); declared here for --help. */
  @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "Configuration file (env CONVERGE_CONFIG; default ./converge.yml when it exists).")
  private java.nio.file.Path config;

  /** Read by Main before parsing (the log starts before the command runs); declared here for --help. */
  @Option(names = "--log-format", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
      description = "The log file's format: text or json, one object per line with run id, phase and table"
          + " (env CONVERGE_LOG_FORMAT; default text).")
  private String logFormat;

  public ConvergeCommand(PrintWriter out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Without a command (and no terminal for the shell), say what there is to do instead of doing nothing. */
  @Override
  public void run() {
    spec.commandLine().usage(out);
    out.flush();
  }
}

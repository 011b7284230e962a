package dev.converge.adapter.shell;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code --output} and {@code --quiet}, shared by every command that prints a result: text for the
 * operator, or exactly one JSON document on standard output (a failure's too, see
 * {@link FailureDocument}); progress and notices always go to standard error.
 */
final class OutputOptions {

  static final String OUTPUT = "--output";
  static final String QUIET = "--quiet";

  @Option(names = OUTPUT, paramLabel = "text|json", defaultValue = "text", converter = OutputFormat.Converter.class,
      description = "text, or json: one JSON document on standard output, failures included; progress goes to"
          + " standard error (default ${DEFAULT-VALUE}).")
  OutputFormat format = OutputFormat.TEXT;

  @Option(names = QUIET, description = "Print only the one-line summary and errors: no tables, no progress.")
  boolean quiet;

  /** Whether the command prints JSON. */
  boolean json() {
    return format == OutputFormat.JSON;
  }

  /** Text, but only the summary line. */
  boolean quiet() {
    return quiet && !json();
  }

  /** Whether the command that {@code commandLine} parsed asked for JSON (read by the failure reporter). */
  static boolean json(CommandLine commandLine) {
    OptionSpec option = commandLine.getCommandSpec().findOption(OUTPUT);
    return option != null && option.getValue() == OutputFormat.JSON;
  }

  /** Whether a command line that could not be parsed asked for JSON: {@code --output json} or {@code --output=json}. */
  static boolean json(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equalsIgnoreCase(OUTPUT + "=" + OutputFormat.JSON.word())
          || args.get(i).equals(OUTPUT) && i + 1 < args.size()
          && args.get(i + 1).equalsIgnoreCase(OutputFormat.JSON.word())) {
        return true;
      }
    }
    return false;
  }
}

package dev.converge.adapter.shell;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --dry-run} for a command that changes something ({@code migrate}, {@code rollback}, and
 * any later one such as {@code sync}): the command says, step by step, what it would do, then
 * stops — no connection, no file written, nothing journaled. A command takes part by declaring this
 * mixin and implementing {@link Steps}.
 */
final class DryRun {

  /** What a command would do, one step per line, from its parsed options alone. */
  interface Steps {

    List<String> steps();
  }

  @Option(names = "--dry-run", description = "Say step by step what would be done and stop: no connection,"
      + " nothing written, nothing journaled.")
  boolean requested;

  /** Prints the steps as text, or as one JSON document {@code {command, dryRun, steps}}; returns the exit status. */
  static int print(String command, Steps steps, OutputOptions output, PhaseContext context) {
    PrintWriter out = context.out();
    List<String> lines = steps.steps();
    if (output.json()) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("command", command);
      document.put("dryRun", true);
      document.put("steps", lines);
      out.println(context.json().json(document));
    } else {
      out.println(command + " --dry-run: nothing was done; it would:");
      for (int i = 0; i < lines.size(); i++) {
        out.printf("  %d. %s%n", i + 1, lines.get(i));
      }
    }
    out.flush();
    return 0;
  }
}

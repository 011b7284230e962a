package dev.converge.adapter.shell;

import dev.converge.domain.failure.ConvergeException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The one JSON document a failed command prints with {@code --output json}: the command, the exit
 * status, the error (code, message, the causes worth reading, and the failure's facts as fields —
 * table, key, column, value, rule, file, line …), and what the command produced before it failed
 * (a failed verification's report, {@code migrate}'s finished phases). Described by
 * docs/schemas/failure.schema.json.
 */
public final class FailureDocument {

  /** A command that has more to say in its failure document than the error itself. */
  interface Contributor {

    /** Adds what the command produced before it failed (e.g. {@code result}, {@code phases}). */
    void contribute(Map<String, Object> document);
  }

  /** picocli's code for a command line it cannot parse; no {@code ErrorCode}, as nothing ran. */
  public static final String USAGE = "USAGE";

  private FailureDocument() {}

  /** Whether the failed command asked for JSON. */
  public static boolean requested(CommandLine commandLine) {
    return OutputOptions.json(commandLine);
  }

  /** Whether a command line (parsed or not) asks for JSON. */
  public static boolean requested(String... args) {
    return OutputOptions.json(Arrays.asList(args));
  }

  /**
   * The document of a failure while {@code commandLine}'s command ran.
   *
   * @param lines what the operator reads: the message first, then each cause worth reading
   */
  public static Map<String, Object> of(CommandLine commandLine, int status, String code, List<String> lines,
      Throwable failure) {
    Map<String, Object> document = of(commandLine.getCommandName(), status, code, lines, failure);
    if (commandLine.getCommand() instanceof Contributor contributor) {
      contributor.contribute(document);
    }
    return document;
  }

  /** The document of a failure outside a command's run (the command line or the configuration file). */
  public static Map<String, Object> of(String command, int status, String code, List<String> lines,
      Throwable failure) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", lines.isEmpty() ? "" : lines.get(0));
    error.put("causes", lines.size() > 1 ? List.copyOf(lines.subList(1, lines.size())) : List.of());
    if (failure instanceof ConvergeException converge) {
      converge.details().forEach(error::putIfAbsent);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("command", command.isEmpty() ? "converge" : command);
    document.put("status", status);
    document.put("error", error);
    return document;
  }
}

package dev.converge.adapter.shell;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option's value comes from when the command line does not give it, highest first:
 * <ol>
 *   <li>the interactive shell's {@code connect} (what the operator connected to stays connected);</li>
 *   <li>the option's environment variable, {@code CONVERGE_} + its name ({@code --source-host} →
 *       {@code CONVERGE_SOURCE_HOST}), read through the environment this object was given (never
 *       {@code System.getenv} elsewhere, so a test or the demo decides what the operator's
 *       environment is);</li>
 *   <li>the configuration file, {@code converge.yml}: a key {@code <command>.<option>} (e.g.
 *       {@code import.parallel}) or a key for every command, with dots or dashes
 *       ({@code source.host} or {@code source-host});</li>
 *   <li>the built-in default.</li>
 * </ol>
 * {@link #isolate()} switches the environment and the file off for the rest of the process: the
 * demo runs on servers it started itself, and no operator setting may leak into it.
 */
public final class ConfiguredDefaults implements IDefaultValueProvider {

  private final UnaryOperator<String> environment;
  private volatile boolean isolated;
  private final Map<String, String> session = new ConcurrentHashMap<>();
  private volatile Map<String, String> file = Map.of();
  private volatile String source = "";

  public ConfiguredDefaults(UnaryOperator<String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /**
   * Takes the configuration file's flat keys, after checking every key names an option of some
   * command of {@code commandLine}: a misspelt key is an error, never silently ignored.
   */
  public void load(String fileName, Map<String, String> keys, CommandLine commandLine) {
    Map<String, String> normalized = new LinkedHashMap<>();
    keys.forEach((key, value) -> normalized.put(normalize(key), value));
    Set<String> known = new HashSet<>();
    collect(commandLine, known);
    List<String> unknown = new ArrayList<>();
    keys.keySet().stream().filter(key -> !known.contains(normalize(key))).forEach(unknown::add);
    if (!unknown.isEmpty()) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, fileName + ": unknown key(s) " + String.join(", ", unknown)
          + "; every key is an option name (see docs/configuration.md)");
    }
    file = Map.copyOf(normalized);
    source = fileName;
  }

  /**
   * From now on neither the environment nor the configuration file gives any value: only the
   * command line, {@code connect} and the built-in defaults do.
   */
  public void isolate() {
    isolated = true;
    file = Map.of();
    source = "";
  }

  /** An environment variable's value, or null when it is unset, blank, or the defaults are isolated. */
  public String variable(String name) {
    if (isolated) {
      return null;
    }
    String value = environment.apply(name);
    return value == null || value.isBlank() ? null : value;
  }

  /** Where the file values came from ("" when there is no file). */
  public String source() {
    return source;
  }

  /**
   * Remembers options the operator gave {@code connect} in the shell, by long name without dashes,
   * or as {@code <command>-<name>} for one command only.
   */
  void remember(String option, String value) {
    session.put(option, value);
  }

  /** The options the shell's {@code connect} remembered. */
  Map<String, String> remembered() {
    return Map.copyOf(session);
  }

  /** The value in force for an option no command line gives: connect, then the environment, then the file. */
  String current(String option, String variable) {
    String connected = session.get(option);
    if (connected != null) {
      return connected;
    }
    String fromEnvironment = variable(variable);
    return fromEnvironment != null ? fromEnvironment : file.get(option);
  }

  @Override
  public String defaultValue(ArgSpec argument) {
    if (!(argument instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
      return null;
    }
    String name = option.longestName().substring(2);
    String command = option.command() == null ? "" : option.command().name();
    String connected = scoped(session, command, name);
    if (connected != null) {
      return connected;
    }
    // A confirmation is given on the line or at the prompt, never standing in the environment.
    String fromEnvironment = name.equals("yes") ? null : variable(environmentVariable(name));
    if (fromEnvironment != null) {
      return fromEnvironment;
    }
    return scoped(file, command, name);
  }

  /** The value for one command, else for every command. */
  private static String scoped(Map<String, String> values, String command, String name) {
    String scoped = values.get(command + "-" + name);
    if (scoped == null && command.equals("rollback") && PROVISIONING.contains(name)) {
      // rollback --drop provisions the schema again exactly as the schema phase did.
      scoped = values.get("schema-" + name);
    }
    return scoped != null ? scoped : values.get(name);
  }

  /** The options by which the schema phase provisions the target, which {@code rollback --drop} repeats. */
  private static final Set<String> PROVISIONING = Set.of("flyway-location", "provision-command");

  /** {@code source-host} → {@code CONVERGE_SOURCE_HOST}: the one naming rule for every option's variable. */
  public static String environmentVariable(String option) {
    return "CONVERGE_" + option.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** {@code source.host}, {@code source-host} and {@code source_host} are the same key. */
  public static String normalize(String key) {
    return key.toLowerCase(Locale.ROOT).replace('.', '-').replace('_', '-');
  }

  private static void collect(CommandLine commandLine, Set<String> known) {
    String command = commandLine.getCommandName();
    for (OptionSpec option : commandLine.getCommandSpec().options()) {
      if (option.longestName().startsWith("--") && !option.usageHelp() && !option.versionHelp()) {
        String name = option.longestName().substring(2);
        known.add(name);
        known.add(command + "-" + name);
      }
    }
    commandLine.getSubcommands().values().forEach(sub -> collect(sub, known));
  }
}

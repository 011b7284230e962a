package dev.converge.bootstrap;

import dev.converge.adapter.csv.FileWorkDirectoryLockAdapter;
import dev.converge.adapter.csv.YamlConfigurationFile;
import dev.converge.adapter.shell.ShellTerminals;
import dev.converge.domain.failure.ConvergeException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.MDC;
import picocli.CommandLine;

/** Entry point of {@code converge.jar}: builds the object graph and runs one command (or the shell). */
public final class Main {

  /** Where the configuration file is looked for when neither --config nor CONVERGE_CONFIG names one. */
  static final Path DEFAULT_CONFIGURATION = Path.of("converge.yml");

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8), ShellTerminals.system()));
  }

  /** Runs the command line and returns its exit status; for tests, without exiting the JVM. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, ShellTerminals.system());
  }

  /** As {@link #run(String[], PrintWriter, PrintWriter)}, with the interactive shell on the given terminal. */
  static int run(String[] args, PrintWriter out, PrintWriter err, ShellTerminals terminals) {
    ConvergeComponent component = DaggerConvergeComponent.factory().create(BuildInfo.fromClasspath(), out, err,
        Clock.systemUTC(), terminals);
    // The work directory stays locked for the whole command (every phase of migrate, the shell's session).
    try (FileWorkDirectoryLockAdapter.Held locks = component.workDirectoryLocks()) {
      CommandLine commandLine = component.commandLine().setErr(err);
      try {
        Map<String, String> file = Map.of();
        Optional<Path> configuration = configurationFile(args);
        if (configuration.isPresent()) {
          file = YamlConfigurationFile.read(configuration.get());
          component.defaults().load(configuration.get().toString(), file, commandLine);
        }
        LogDestination.begin(LogDestination.parse(logFormat(args, file)), System.getenv("CONVERGE_LOG_FILE"));
      } catch (ConvergeException e) {
        err.println("converge: " + e.getMessage());
        err.flush();
        return ExitStatus.of(e.code());
      }
      // converge alone on a terminal is the interactive shell; alone in a script, the usage.
      String[] effective = args.length == 0 && System.console() != null && interactiveConsole()
          ? new String[] {"shell"} : args;
      int status = commandLine.execute(effective);
      out.flush();
      err.flush();
      return status;
    } finally {
      LogDestination.end();
      MDC.clear();
    }
  }

  /** {@code --log-format} anywhere on the line, else {@code CONVERGE_LOG_FORMAT}, else the file's key, else text. */
  static String logFormat(String[] args, Map<String, String> file) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--log-format") && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith("--log-format=")) {
        return args[i].substring("--log-format=".length());
      }
    }
    String fromEnvironment = System.getenv("CONVERGE_LOG_FORMAT");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    for (Map.Entry<String, String> key : file.entrySet()) {
      if (key.getKey().toLowerCase(java.util.Locale.ROOT).replace('.', '-').replace('_', '-').equals("log-format")) {
        return key.getValue();
      }
    }
    return "text";
  }

  /** {@code --config FILE} anywhere on the line, else {@code CONVERGE_CONFIG}, else ./converge.yml if present. */
  static Optional<Path> configurationFile(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return Optional.of(Path.of(args[i + 1]));
      }
      if (args[i].startsWith("--config=")) {
        return Optional.of(Path.of(args[i].substring("--config=".length())));
      }
    }
    String fromEnvironment = System.getenv("CONVERGE_CONFIG");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Optional.of(Path.of(fromEnvironment));
    }
    return Files.isRegularFile(DEFAULT_CONFIGURATION) ? Optional.of(DEFAULT_CONFIGURATION) : Optional.empty();
  }

  /** Before JDK 22 a console exists only on a terminal; from 22 on, it says so itself. */
  private static boolean interactiveConsole() {
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(System.console());
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}

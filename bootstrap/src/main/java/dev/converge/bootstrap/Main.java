package dev.converge.bootstrap;

import dev.converge.adapter.shell.ConfiguredDefaults;
import dev.converge.adapter.shell.DemoCommand;
import dev.converge.adapter.shell.FailureDocument;
import dev.converge.adapter.shell.ShellTerminals;
import dev.converge.adapter.workdir.FileWorkDirectoryLockAdapter;
import dev.converge.adapter.yaml.YamlConfigurationFile;
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
        new PrintWriter(System.err, true, StandardCharsets.UTF_8), ShellTerminals.system(), OperatorEnvironment.system(),
        true));
  }

  /**
   * Runs the command line and returns its exit status; for tests, without exiting the JVM, and with
   * an empty environment: whatever {@code CONVERGE_*} variables the developer's shell holds, a test
   * passes its configuration explicitly and gets the same result everywhere.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, ShellTerminals.system(), OperatorEnvironment.of(Map.of()), false);
  }

  /** As {@link #run(String[], PrintWriter, PrintWriter)}, with the interactive shell on the given terminal. */
  static int run(String[] args, PrintWriter out, PrintWriter err, ShellTerminals terminals) {
    return run(args, out, err, terminals, OperatorEnvironment.of(Map.of()), false);
  }

  /**
   * Runs the command line in {@code environment}, the interactive shell on {@code terminals}; with
   * {@code signals}, SIGTERM and SIGINT stop the running phase cleanly ({@link StopSignals}).
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, ShellTerminals terminals,
      OperatorEnvironment environment, boolean signals) {
    ConvergeComponent component = DaggerConvergeComponent.factory().create(BuildInfo.fromClasspath(), out, err,
        Clock.systemUTC(), terminals, environment);
    // The work directory stays locked for the whole command (every phase of migrate, the shell's session).
    try (FileWorkDirectoryLockAdapter.Held locks = component.workDirectoryLocks()) {
      CommandLine commandLine = component.commandLine().setErr(err);
      StopSignals stop = null;
      try {
        Map<String, String> file = Map.of();
        // The demo runs on servers it starts itself: the operator's file and variables stay out of it.
        if (DemoCommand.NAME.equals(commandName(args))) {
          component.defaults().isolate();
        } else {
          Optional<Path> configuration = configurationFile(args, environment);
          if (configuration.isPresent()) {
            file = YamlConfigurationFile.read(configuration.get());
            component.defaults().load(configuration.get().toString(), file, commandLine);
          }
        }
        LogDestination.begin(LogDestination.parse(logFormat(args, file, environment)),
            environment.variable("CONVERGE_LOG_FILE"));
        if (signals) {
          stop = new StopSignals(component.runControl(), err, StopSignals.bound(environment.variable("CONVERGE_STOP_TIMEOUT")));
        }
      } catch (ConvergeException e) {
        err.println("converge: " + e.getMessage());
        err.flush();
        if (FailureDocument.requested(args)) {
          out.println(component.json().json(FailureDocument.of(commandName(args), ExitStatus.of(e.code()),
              e.code().name(), FailureLines.of(e), e)));
          out.flush();
        }
        return ExitStatus.of(e.code());
      }
      // converge alone on a terminal is the interactive shell; alone in a script, the usage.
      String[] effective = args.length == 0 && System.console() != null && interactiveConsole()
          ? new String[] {"shell"} : args;
      if (stop != null) {
        stop.install(Thread.currentThread());
      }
      int status = commandLine.execute(effective);
      if (stop != null && stop.received() != null) {
        Thread.interrupted();
        err.println("converge: " + commandName(effective) + " stopped by SIG" + stop.received()
            + "; committed tables stay, the open ones were rolled back. Run the same command again to resume"
            + " (converge status shows where the run stands).");
        status = stop.exitStatus();
      }
      out.flush();
      err.flush();
      return status;
    } finally {
      LogDestination.end();
      MDC.clear();
    }
  }

  /** {@code --log-format} anywhere on the line, else {@code CONVERGE_LOG_FORMAT}, else the file's key, else text. */
  static String logFormat(String[] args, Map<String, String> file, OperatorEnvironment environment) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--log-format") && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith("--log-format=")) {
        return args[i].substring("--log-format=".length());
      }
    }
    String fromEnvironment = environment.variable("CONVERGE_LOG_FORMAT");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    for (Map.Entry<String, String> key : file.entrySet()) {
      if (ConfiguredDefaults.normalize(key.getKey()).equals("log-format")) {
        return key.getValue();
      }
    }
    return "text";
  }

  /** {@code --config FILE} anywhere on the line, else {@code CONVERGE_CONFIG}, else ./converge.yml if present. */
  static Optional<Path> configurationFile(String[] args, OperatorEnvironment environment) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return Optional.of(Path.of(args[i + 1]));
      }
      if (args[i].startsWith("--config=")) {
        return Optional.of(Path.of(args[i].substring("--config=".length())));
      }
    }
    String fromEnvironment = environment.variable("CONVERGE_CONFIG");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Optional.of(Path.of(fromEnvironment));
    }
    return Files.isRegularFile(DEFAULT_CONFIGURATION) ? Optional.of(DEFAULT_CONFIGURATION) : Optional.empty();
  }

  /** The subcommand the line names: its first word that is neither an option nor {@code --config}'s value. */
  static String commandName(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config")) {
        i++;
      } else if (!args[i].startsWith("-")) {
        return args[i];
      }
    }
    return "";
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

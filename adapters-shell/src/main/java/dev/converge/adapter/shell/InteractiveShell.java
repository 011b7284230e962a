package dev.converge.adapter.shell;

import dev.converge.application.port.in.RunStatusReport;
import dev.converge.domain.run.PhaseOutcome;
import dev.converge.domain.run.PhaseRun;
import dev.converge.domain.run.RunJournal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.utils.InfoCmp;
import picocli.CommandLine;

/**
 * The operator's interactive shell: a JLine prompt showing the run's database and where it stands,
 * the same picocli commands as batch mode, tab completion, history, confirmation before a
 * destructive step, and Ctrl-C that cancels the running phase (its open transaction rolls back, the
 * journal records where to resume) while the shell stays alive.
 */
public final class InteractiveShell {

  /** Commands of batch mode that make no sense at the prompt: the shell has its own Tab completion. */
  static final Set<String> NOT_IN_SHELL = Set.of("shell", "demo", "completion");

  private final CommandLine root;
  private final PhaseContext context;
  private final ConfiguredDefaults defaults;

  public InteractiveShell(CommandLine root, PhaseContext context, ConfiguredDefaults defaults) {
    this.root = Objects.requireNonNull(root, "root");
    this.context = Objects.requireNonNull(context, "context");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
  }

  /** Runs the shell on {@code terminal} until {@code exit} or end of input; returns 0. */
  public int run(Terminal terminal, String greeting) {
    PrintWriter screen = terminal.writer();
    LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("converge")
        .parser(new DefaultParser())
        .completer(new ShellCompleter(root, this::tables));
    // $HOME of the operator's environment (the JVM's user.home may be another directory, e.g. in a
    // container); without one, the history stays in memory.
    String home = defaults.variable("HOME");
    if (home != null) {
      builder.variable(LineReader.HISTORY_FILE, Path.of(home, ".converge_history"));
    }
    LineReader reader = builder.build();
    AtomicReference<Thread> running = new AtomicReference<>();
    terminal.handle(Signal.INT, signal -> {
      Thread phase = running.get();
      if (phase != null) {
        context.control().cancel();
        phase.interrupt();
        screen.println();
        screen.println("^C — cancelling; the table being loaded rolls back, committed tables stay (see status).");
        screen.flush();
      }
    });
    context.control().interactive(true);
    context.progress().attach(terminal);
    try {
      screen.println(greeting);
      screen.println("Type help for the commands, Tab to complete, Ctrl-C to cancel a running phase, exit to leave.");
      screen.flush();
      while (true) {
        String line;
        try {
          line = reader.readLine(prompt());
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          break;
        }
        List<String> words = new ArrayList<>(reader.getParsedLine().words());
        words.removeIf(String::isBlank);
        if (words.isEmpty()) {
          continue;
        }
        String command = words.get(0);
        if (command.equals("exit") || command.equals("quit")) {
          break;
        }
        if (command.equals("clear")) {
          terminal.puts(InfoCmp.Capability.clear_screen);
          terminal.flush();
          continue;
        }
        if (command.equals("help")) {
          // help alone: every command in one line; help <command>: that command, as in batch mode.
          if (words.size() == 1) {
            CommandHelp.commandList(root.getHelp()).lines()
                .filter(listed -> !NOT_IN_SHELL.contains(listed.strip().split(" ", 2)[0]))
                .forEach(context.out()::println);
            context.out().println("  clear      clears the screen");
            context.out().println("  exit       leaves the shell");
            context.out().println("help COMMAND shows a command's options, exit statuses and examples.");
            context.out().flush();
            continue;
          }
          CommandLine asked = root.getSubcommands().get(words.get(1));
          if (asked == null) {
            screen.println("no command " + words.get(1) + didYouMean(words.get(1)) + "; help lists them");
            screen.flush();
          } else {
            asked.usage(context.out());
            context.out().flush();
          }
          continue;
        }
        if (!root.getSubcommands().containsKey(command) && !command.startsWith("-")) {
          screen.println("unknown command " + command + didYouMean(command) + "; help lists the commands");
          screen.flush();
          continue;
        }
        if (NOT_IN_SHELL.contains(command)) {
          screen.println(command + " is not available inside the shell");
          screen.flush();
          continue;
        }
        if (command.equals("rollback") && !words.contains("--yes") && !words.contains("--help")) {
          String answer;
          // The answer is no command: it must never come back with the up arrow or a history search.
          reader.setVariable(LineReader.DISABLE_HISTORY, true);
          try {
            answer = reader.readLine("rollback empties every table converge loaded into the target. Type yes to go on: ");
          } catch (UserInterruptException | EndOfFileException e) {
            answer = "";
          } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, false);
          }
          if (!answer.trim().equalsIgnoreCase("yes")) {
            screen.println("Rollback not run.");
            screen.flush();
            continue;
          }
          words.add("--yes");
        }
        int status = execute(words, running);
        context.out().flush();
        if (status != 0) {
          screen.printf(Locale.ROOT, "(%s ended with exit status %d)%n", command, status);
        }
        screen.flush();
      }
    } finally {
      context.progress().attach(null);
      context.control().interactive(false);
      try {
        reader.getHistory().save();
      } catch (IOException e) {
        // History is a convenience; losing it must not fail the shell.
      }
    }
    return 0;
  }

  private String didYouMean(String word) {
    return CommandHelp.nearest(word, root.getSubcommands().keySet()).map(near -> " (did you mean " + near + "?)")
        .orElse("");
  }

  /** Runs one command on its own thread, so that Ctrl-C can interrupt it while the shell waits. */
  private int execute(List<String> words, AtomicReference<Thread> running) {
    int[] status = {0};
    Thread phase = new Thread(() -> status[0] = root.execute(words.toArray(String[]::new)), "converge-phase");
    running.set(phase);
    phase.start();
    try {
      while (true) {
        try {
          phase.join();
          break;
        } catch (InterruptedException e) {
          // The shell's own thread is not the phase; keep waiting for the phase to end.
        }
      }
    } finally {
      running.set(null);
    }
    return status[0];
  }

  /** {@code converge alkemio [validate ✓ → import]>}: the database and where the run stands. */
  String prompt() {
    RunStatusReport status = status();
    String configured = defaults.current("target-database", "CONVERGE_TARGET_DATABASE");
    String database = configured == null ? "" : configured;
    if (status.journal().isEmpty()) {
      return "converge" + (database.isEmpty() ? "" : " " + database) + " [new → plan]> ";
    }
    RunJournal journal = status.journal().get();
    if (database.isEmpty()) {
      int slash = journal.target().lastIndexOf('/');
      database = slash < 0 ? "" : journal.target().substring(slash + 1).replaceFirst(" .*", "");
    }
    String last = journal.phases().isEmpty() ? "new" : describe(journal.phases().get(journal.phases().size() - 1));
    return "converge " + database + " [" + last + " → " + status.next().command() + "]> ";
  }

  private static String describe(PhaseRun run) {
    String mark = run.outcome() == PhaseOutcome.SUCCEEDED ? "ok" : run.outcome().name().toLowerCase(Locale.ROOT);
    return run.phase().command() + " " + mark;
  }

  private RunStatusReport status() {
    try {
      return context.workspaces().open(workDirectory()).showStatus().status();
    } catch (RuntimeException e) {
      return new RunStatusReport(java.util.Optional.empty(), java.util.Map.of(), dev.converge.domain.run.Phase.PLAN);
    }
  }

  private List<String> tables() {
    return List.copyOf(status().tables().keySet());
  }

  private Path workDirectory() {
    String configured = defaults.current("work-dir", "CONVERGE_WORK_DIR");
    return Path.of(configured != null ? configured : "converge-work");
  }
}

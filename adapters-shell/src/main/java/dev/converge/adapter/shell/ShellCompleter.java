package dev.converge.adapter.shell;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Tab completion from the picocli model itself: command names first, then the command's options,
 * and table names for the options whose values start with a table ({@code --exclude-table},
 * {@code --existing-rows}, {@code --ignore-column}, {@code --column-policy}).
 */
final class ShellCompleter implements Completer {

  private static final Set<String> TABLE_OPTIONS = Set.of("--exclude-table", "--existing-rows", "--ignore-column",
      "--column-policy");

  private final CommandLine root;
  private final Supplier<List<String>> tables;

  ShellCompleter(CommandLine root, Supplier<List<String>> tables) {
    this.root = Objects.requireNonNull(root, "root");
    this.tables = Objects.requireNonNull(tables, "tables");
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    if (line.wordIndex() == 0) {
      root.getSubcommands().forEach((name, command) -> {
        if (!InteractiveShell.NOT_IN_SHELL.contains(name)) {
          candidates.add(new Candidate(name, name, null, first(command.getCommandSpec().usageMessage().description()),
              null, null, true));
        }
      });
      for (String builtin : List.of("help", "exit")) {
        candidates.add(new Candidate(builtin));
      }
      return;
    }
    CommandLine command = root.getSubcommands().get(line.words().get(0));
    if (command == null) {
      return;
    }
    String previous = line.wordIndex() > 0 ? line.words().get(line.wordIndex() - 1) : "";
    if (TABLE_OPTIONS.contains(previous)) {
      tables.get().forEach(table -> candidates.add(new Candidate(table, table, null, null, null, null, false)));
      return;
    }
    for (OptionSpec option : command.getCommandSpec().options()) {
      for (String name : option.names()) {
        if (name.startsWith("--")) {
          candidates.add(new Candidate(name, name, null, first(option.description()), null, null, option.arity().max() == 0));
        }
      }
    }
  }

  private static String first(String[] lines) {
    return lines.length == 0 ? null : lines[0].length() > 70 ? lines[0].substring(0, 67) + "..." : lines[0];
  }
}

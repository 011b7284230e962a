package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command's {@code --help} at 80 columns: no line wider, no word or path broken across lines,
 * every value labelled with what it is, the options grouped, and at the end the exit statuses and
 * at least two examples that the command line really accepts.
 */
class CommandHelpTest {

  private static final int WIDTH = 80;

  @Test
  void everyCommandsHelpFitsEightyColumnsWithoutABrokenWord() {
    CommandLine root = TestComponents.quiet().commandLine();
    List<String> broken = new ArrayList<>();
    for (Map.Entry<String, CommandLine> command : commands(root).entrySet()) {
      String help = render(command.getValue());
      for (String line : help.split("\n")) {
        assertTrue(line.length() <= WIDTH, command.getKey() + ": wider than " + WIDTH + ": " + line);
      }
      Set<String> rendered = new HashSet<>(Arrays.asList(help.split("\\s+")));
      for (String word : sourceWords(command.getValue())) {
        if (!rendered.contains(word)) {
          broken.add(command.getKey() + ": '" + word + "'");
        }
      }
      assertFalse(help.matches("(?s).*=<[a-zA-Z]+>.*"), command.getKey() + ": a value label names a field:\n" + help);
    }
    assertTrue(broken.isEmpty(), "broken across lines at 80 columns: " + broken);
  }

  @Test
  void everyCommandsHelpGroupsItsOptionsAndEndsWithExitStatusesAndExamples() {
    CommandLine root = TestComponents.quiet().commandLine();
    for (Map.Entry<String, CommandLine> command : commands(root).entrySet()) {
      String name = command.getKey();
      String help = render(command.getValue());
      assertTrue(help.contains("\nExit statuses:\n") && help.contains("\n  0 "), name + ": no exit statuses:\n" + help);
      assertTrue(help.contains("\nGeneral:\n"), name + ": options not grouped:\n" + help);
      int examplesAt = help.indexOf("\nExamples:\n");
      assertTrue(examplesAt > help.indexOf("\nExit statuses:\n"), name + ": no examples after the statuses:\n" + help);
      List<String> examples = new ArrayList<>();
      for (String line : help.substring(examplesAt).split("\n")) {
        if (line.startsWith("  converge " + name)) {
          examples.add(line.strip());
        }
      }
      assertTrue(examples.size() >= 2, name + ": fewer than two examples:\n" + help);
      for (String example : examples) {
        List<String> words = words(example.substring("converge ".length()));
        CommandLine fresh = TestComponents.quiet().commandLine();
        fresh.parseArgs(words.toArray(String[]::new));
      }
    }
    String export = render(root.getSubcommands().get("export"));
    assertTrue(export.contains("--parallel=N") && export.contains("\nConnection:\n") && export.contains("\nTLS:\n")
        && export.contains("\nOutput:\n"), export);
    assertTrue(render(root.getSubcommands().get("plan")).contains("\nPolicies:\n"));
    assertTrue(export.contains("\n  7 ") && export.contains("\n  5 "), "export's own statuses: " + export);
  }

  @Test
  void theExitStatusesOfTheHelpAreThoseOfExitStatus() {
    String verify = render(TestComponents.quiet().commandLine().getSubcommands().get("verify"));
    assertTrue(verify.contains("\n  " + ExitStatus.of(dev.converge.domain.failure.ErrorCode.VERIFICATION) + " "), verify);
    assertEquals(-1, render(TestComponents.quiet().commandLine().getSubcommands().get("status")).indexOf("\n  143 "));
  }

  private static Map<String, CommandLine> commands(CommandLine root) {
    Map<String, CommandLine> commands = new java.util.LinkedHashMap<>(root.getSubcommands());
    commands.remove("help");
    return commands;
  }

  private static String render(CommandLine command) {
    command.setUsageHelpAutoWidth(false);
    command.setUsageHelpWidth(WIDTH);
    StringWriter text = new StringWriter();
    command.usage(new PrintWriter(text));
    return text.toString();
  }

  /** The words of the command's description and option descriptions, as written (no variables). */
  private static List<String> sourceWords(CommandLine command) {
    List<String> words = new ArrayList<>();
    List<String> texts = new ArrayList<>(Arrays.asList(command.getCommandSpec().usageMessage().description()));
    for (OptionSpec option : command.getCommandSpec().options()) {
      texts.addAll(Arrays.asList(option.description()));
    }
    for (String text : texts) {
      for (String word : text.split("\\s+")) {
        if (!word.isEmpty() && !word.contains("${") && !word.contains("%")) {
          words.add(word);
        }
      }
    }
    return words;
  }

  /** Words of a command line, double quotes grouping. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }
}

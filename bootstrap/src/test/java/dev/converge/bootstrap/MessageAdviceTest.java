package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Advice names only what exists: every {@code --flag} quoted in a string of converge's own code
 * (messages, help, hints) is an option of some command, and every configuration key a message
 * points at ({@code converge.yml: key}, {@code in the configuration (key)}) names an option.
 */
class MessageAdviceTest {

  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--([a-z][a-z0-9-]+)");
  private static final Pattern KEY = Pattern.compile("(?:converge\\.yml: |configuration \\()([a-z][a-z0-9]*(?:[.-][a-z0-9]+)*)");

  @Test
  void everyFlagAndKeyAMessageQuotesExists() throws IOException {
    Set<String> options = options();
    Set<String> unknown = new TreeSet<>();
    for (Path source : sources()) {
      String code = Files.readString(source, StandardCharsets.UTF_8);
      Matcher literal = STRING.matcher(code);
      while (literal.find()) {
        String text = literal.group(1);
        Matcher flag = FLAG.matcher(text);
        while (flag.find()) {
          // A literal that is only a prefix options are built from ("--source" + "-ssl-mode") names no flag.
          boolean prefix = text.equals("--" + flag.group(1))
              && options.stream().anyMatch(option -> option.startsWith(flag.group(1) + "-"));
          if (!prefix && !options.contains(flag.group(1))) {
            unknown.add("--" + flag.group(1) + " in " + source.getFileName());
          }
        }
        Matcher key = KEY.matcher(text);
        while (key.find()) {
          if (!options.contains(key.group(1).replace('.', '-'))) {
            unknown.add("key " + key.group(1) + " in " + source.getFileName());
          }
        }
      }
    }
    assertTrue(unknown.isEmpty(), "messages name flags or keys converge does not have: " + unknown);
  }

  @Test
  void theCheckFindsAFlagThatDoesNotExist() {
    assertFalse(options().contains("tables-exclude"));
    assertTrue(FLAG.matcher("use --no-such-flag").find());
    Matcher key = KEY.matcher("exclude it in the configuration (tables.exclude) with a reason");
    assertTrue(key.find() && key.group(1).equals("tables.exclude"));
  }

  /** The operator-facing code: every module's main sources, except the embedded servers' own command lines. */
  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of(".."))) {
      return files.filter(file -> file.toString().endsWith(".java"))
          .filter(file -> file.toString().contains("/src/main/java/"))
          .filter(file -> !file.toString().contains("/embedded/") && !file.toString().contains("/target/"))
          .toList();
    }
  }

  private static Set<String> options() {
    CommandLine root = TestComponents.quiet().commandLine();
    Set<String> names = new HashSet<>();
    collect(root, names);
    return names;
  }

  private static void collect(CommandLine command, Set<String> names) {
    for (OptionSpec option : command.getCommandSpec().options()) {
      for (String name : option.names()) {
        if (name.startsWith("--")) {
          names.add(name.substring(2));
        }
      }
    }
    command.getSubcommands().values().forEach(sub -> collect(sub, names));
  }
}

package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code converge completion bash|zsh} writes a script generated from the live command model, and a
 * real bash accepts it: it parses, registers a completion for converge, and completes commands and
 * options when Tab is pressed.
 */
class CompletionScriptTest {

  @TempDir Path directory;

  @Test
  void theBashScriptNamesEveryCommandAndTheirOptions() {
    String script = generate("bash");
    CommandLine root = TestComponents.quiet().commandLine();
    for (String command : root.getSubcommands().keySet()) {
      assertTrue(script.contains(command), "the script lacks the command " + command);
    }
    for (String option : List.of("--source-host", "--target-password-file", "--parallel", "--output", "--work-dir",
        "--keep-plan", "--yes")) {
      assertTrue(script.contains(option), "the script lacks the option " + option);
    }
  }

  @Test
  void bashSourcesTheScriptAndRegistersACompletionForConverge() throws Exception {
    Path script = Files.writeString(directory.resolve("converge.bash"), generate("bash"), StandardCharsets.UTF_8);
    assertEquals("", bash("bash", "-n", script.toString()), "bash -n finds a syntax error");
    String registered = bash("bash", "-c", "source " + script + " && complete -p converge");
    assertTrue(registered.matches("complete (-o \\S+ )*-F _complete_converge converge\\s*"), registered);
  }

  @Test
  void tabAfterTheCommandNameCompletesCommandsAndAfterACommandItsOptions() throws Exception {
    Path script = Files.writeString(directory.resolve("converge.bash"), generate("bash"), StandardCharsets.UTF_8);
    // compopt works only inside a completion bash itself started; called directly, the function needs it quiet.
    String function = "compopt() { :; } && _complete_converge";
    String commands = bash("bash", "-c", "source " + script + " && COMP_WORDS=(converge ex) && COMP_CWORD=1"
        + " && COMP_LINE='converge ex' && COMP_POINT=11 && " + function + " && echo \"${COMPREPLY[@]}\"");
    assertEquals(Set.of("export"), Set.of(commands.trim().split("\\s+")), commands);
    String options = bash("bash", "-c", "source " + script + " && COMP_WORDS=(converge migrate --keep) && COMP_CWORD=2"
        + " && COMP_LINE='converge migrate --keep' && COMP_POINT=23 && " + function + " && echo \"${COMPREPLY[@]}\"");
    assertTrue(options.contains("--keep-plan"), options);
  }

  @Test
  void theZshScriptLoadsThroughBashcompinitAndParses() throws Exception {
    String zsh = generate("zsh");
    assertTrue(zsh.contains("bashcompinit"), "zsh loads the script through bashcompinit");
    assertTrue(zsh.contains("~/.zshrc"), "the script says where it goes");
    Path script = Files.writeString(directory.resolve("converge.zsh"), zsh, StandardCharsets.UTF_8);
    assertEquals("", bash("bash", "-n", script.toString()));
  }

  @Test
  void anotherShellIsAUsageErrorNamingTheOnesThereAre() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"completion", "fish"}, new PrintWriter(out), new PrintWriter(err));
    assertEquals(ExitStatus.USAGE, status, err.toString());
    assertTrue(err.toString().contains("converge completion bash or converge completion zsh"), err.toString());
  }

  private static String generate(String shell) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"completion", shell}, new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, status, err.toString());
    return out.toString();
  }

  /** Runs a bash command line; its standard output and error together. */
  private static String bash(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bash did not end");
    assertEquals(0, process.exitValue(), output);
    return output;
  }
}

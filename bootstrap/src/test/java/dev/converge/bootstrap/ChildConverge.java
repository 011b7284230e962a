package dev.converge.bootstrap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * converge as a JVM of its own with the test's classpath — the one place a test starts it as a
 * process. The developer's {@code CONVERGE_*} variables are removed first; a test that wants some
 * passes them itself, so the suite gives the same result in any shell.
 */
final class ChildConverge {

  private ChildConverge() {}

  /** A process builder for {@code converge args} in {@code directory}, with exactly {@code variables} of converge's own. */
  static ProcessBuilder process(Path directory, List<String> args, Map<String, String> variables) {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("CONVERGE_"));
    builder.environment().putAll(variables);
    return builder;
  }
}

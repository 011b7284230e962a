package dev.converge.bootstrap;

import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The environment variables converge reads its settings from: the process's own in {@code main},
 * an explicit map in tests — so no test and no demo depends on the shell it was started from.
 */
record OperatorEnvironment(UnaryOperator<String> variables) {

  OperatorEnvironment {
    Objects.requireNonNull(variables, "variables");
  }

  /** The process's environment. */
  static OperatorEnvironment system() {
    return new OperatorEnvironment(System::getenv);
  }

  /** Exactly these variables and no others. */
  static OperatorEnvironment of(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return new OperatorEnvironment(copy::get);
  }

  /** A variable's value, or null when unset. */
  String variable(String name) {
    return variables.apply(name);
  }
}

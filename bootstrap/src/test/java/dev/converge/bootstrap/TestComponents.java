package dev.converge.bootstrap;

import dev.converge.adapter.shell.ShellTerminals;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;

/** converge's object graph for tests that only read the command model: output discarded, no environment. */
final class TestComponents {

  private TestComponents() {}

  static ConvergeComponent quiet() {
    StringWriter sink = new StringWriter();
    return DaggerConvergeComponent.factory().create(BuildInfo.fromClasspath(), new PrintWriter(sink),
        new PrintWriter(sink), Clock.systemUTC(), ShellTerminals.system(), OperatorEnvironment.of(Map.of()));
  }
}

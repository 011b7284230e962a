package dev.converge.adapter.shell;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Phase contexts for tests that only parse command lines: any use of a session or work directory fails. */
final class TestContexts {

  private TestContexts() {}

  static PhaseContext parsingOnly() {
    return new PhaseContext(settings -> {
      throw new AssertionError("parsing only");
    }, directory -> {
      throw new AssertionError("parsing only");
    }, report -> "{}", new PrintWriter(new StringWriter()), new TerminalProgressAdapter(new PrintWriter(new StringWriter())),
        failure -> 1, new RunControl(), name -> null);
  }
}

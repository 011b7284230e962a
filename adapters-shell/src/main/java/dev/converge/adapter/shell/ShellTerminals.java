package dev.converge.adapter.shell;

import java.io.IOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Where the interactive shell gets its terminal: the system's, or one a test drives through streams. */
@FunctionalInterface
public interface ShellTerminals {

  Terminal open() throws IOException;

  /** The process's own terminal (a dumb one when there is none). */
  static ShellTerminals system() {
    return () -> TerminalBuilder.builder().name("converge").system(true).build();
  }
}

package dev.converge.application.archfixture;

import org.jline.terminal.Terminal;

/** Breaks the JLine rule: a terminal outside the shell adapter. */
public class ApplicationUsingJLine {
  public int width(Terminal terminal) {
    return terminal.getWidth();
  }
}

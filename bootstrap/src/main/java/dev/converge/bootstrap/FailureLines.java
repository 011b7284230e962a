package dev.converge.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the operator reads of a failure: its message, then each cause that says something new —
 * no Java class names, and no cause repeating a sentence already shown (a refused connection's
 * driver message used to appear three times, once per wrapper, with the pool's class name).
 */
final class FailureLines {

  private FailureLines() {}

  /** The first line (what failed) and the causes worth reading, each once. */
  static List<String> of(Throwable failure) {
    List<String> lines = new ArrayList<>();
    lines.add(text(failure));
    for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      String line = text(cause);
      if (!alreadySaid(lines, line)) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** The message, without a wrapper's own prefix; a message-less throwable says what kind of failure it was. */
  private static String text(Throwable failure) {
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      return words(failure.getClass().getSimpleName());
    }
    String line = message.strip();
    // A wrapper that only repeats its cause's "class: message" (Throwable(Throwable) does this).
    Throwable cause = failure.getCause();
    if (cause != null && line.equals(cause.toString())) {
      return text(cause);
    }
    return line.replaceFirst("^Failed to initialize pool: ", "").replaceFirst("^[a-z]+(\\.[a-zA-Z_$0-9]+)+: ", "");
  }

  private static boolean alreadySaid(List<String> lines, String line) {
    String needle = normalised(line);
    return lines.stream().map(FailureLines::normalised).anyMatch(said -> said.contains(needle));
  }

  private static String normalised(String line) {
    return line.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  /** {@code SocketTimeoutException} → {@code socket timeout}. */
  private static String words(String className) {
    return className.replaceAll("(Exception|Error)$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
        .strip();
  }
}

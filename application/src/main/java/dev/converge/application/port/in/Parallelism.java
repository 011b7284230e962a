package dev.converge.application.port.in;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;

/**
 * How many tables a phase moves at once, 1 to {@link #MAX}: each table at once needs its own
 * connection, and the pools hold {@link #MAX} and two more.
 */
public record Parallelism(int tables) {

  /** Most tables a phase moves at once. */
  public static final int MAX = 32;

  public Parallelism {
    if (tables < 1 || tables > MAX) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "--parallel must be 1 to " + MAX
          + " (each table at once needs its own connection), was " + tables);
    }
  }

  /** The number as the operator writes it ({@code --parallel 4}). */
  public static Parallelism of(String text) {
    try {
      return new Parallelism(Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "--parallel must be a whole number of tables, 1 to " + MAX
          + ", not '" + text + "'");
    }
  }

  @Override
  public String toString() {
    return String.valueOf(tables);
  }
}

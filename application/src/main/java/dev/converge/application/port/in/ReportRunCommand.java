package dev.converge.application.port.in;

import java.time.Duration;
import java.util.Objects;

/**
 * What to project the rehearsal onto.
 *
 * @param productionRows the production row count (0: the rehearsal's own count, as on a staging copy)
 * @param window the maintenance window the cut-over must fit in
 */
public record ReportRunCommand(long productionRows, Duration window) {

  public ReportRunCommand {
    if (productionRows < 0) {
      throw new IllegalArgumentException("production rows cannot be negative, was " + productionRows);
    }
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the maintenance window must be positive, was " + window);
    }
  }
}

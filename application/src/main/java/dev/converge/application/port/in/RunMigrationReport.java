package dev.converge.application.port.in;

import java.time.Duration;
import java.util.Objects;

/** A {@code migrate} in which every phase passed, and how long it took from the connection to the verdict. */
public record RunMigrationReport(Duration elapsed) {

  public RunMigrationReport {
    Objects.requireNonNull(elapsed, "elapsed");
  }
}

package dev.converge.application.port.in;

import dev.converge.domain.manifest.Manifest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * @param reusedTables tables an earlier, interrupted export had finished, whose files proved intact
 * @param snapshot how this run's snapshot was taken
 */
public record ExportTablesReport(Manifest manifest, String savedAs, List<String> reusedTables, String snapshot,
    Duration elapsed) {

  public ExportTablesReport {
    Objects.requireNonNull(manifest, "manifest");
    reusedTables = List.copyOf(reusedTables);
    Objects.requireNonNull(elapsed, "elapsed");
  }
}

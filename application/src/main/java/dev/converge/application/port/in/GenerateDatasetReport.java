package dev.converge.application.port.in;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** What a generation wrote: rows per source table (in load order) and how long it took. */
public record GenerateDatasetReport(String dataset, Map<String, Long> rowsPerTable, Duration elapsed) {

  public GenerateDatasetReport {
    Objects.requireNonNull(dataset, "dataset");
    rowsPerTable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsPerTable));
    Objects.requireNonNull(elapsed, "elapsed");
  }

  public long totalRows() {
    return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
  }
}

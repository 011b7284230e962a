package dev.converge.application.port.in;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * @param loaded rows loaded now, per table, in plan order
 * @param skipped tables an earlier run had committed for this manifest
 */
public record ImportTablesReport(String migrationId, Map<String, Long> loaded, List<String> skipped, Duration elapsed) {

  public ImportTablesReport {
    Objects.requireNonNull(migrationId, "migrationId");
    loaded = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(loaded));
    skipped = List.copyOf(skipped);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  public long rows() {
    return loaded.values().stream().mapToLong(Long::longValue).sum();
  }
}

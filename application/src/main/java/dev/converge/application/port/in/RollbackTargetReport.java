package dev.converge.application.port.in;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * @param finished when the rollback finished
 * @param mode how far it went
 * @param emptied the target tables emptied (with {@code DROP}: the plan's tables, dropped and re-created)
 * @param restored rows per table afterwards: the ones it held before the first import (restored by
 *     {@code TRUNCATE}, or seeded again by the re-provisioning of {@code DROP})
 */
public record RollbackTargetReport(Instant finished, RollbackTargetCommand.Mode mode, List<String> emptied,
    Map<String, Long> restored) {

  public RollbackTargetReport {
    Objects.requireNonNull(finished, "finished");
    Objects.requireNonNull(mode, "mode");
    emptied = List.copyOf(emptied);
    restored = Collections.unmodifiableMap(new LinkedHashMap<>(restored));
  }
}

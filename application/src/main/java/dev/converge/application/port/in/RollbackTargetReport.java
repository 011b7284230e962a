package dev.converge.application.port.in;

import java.util.List;
import java.util.Map;

/**
 * @param emptied the target tables emptied
 * @param restored rows put back per table (the rows it held before the first import)
 */
public record RollbackTargetReport(List<String> emptied, Map<String, Long> restored) {

  public RollbackTargetReport {
    emptied = List.copyOf(emptied);
    restored = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(restored));
  }
}

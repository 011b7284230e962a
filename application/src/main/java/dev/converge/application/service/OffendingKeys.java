package dev.converge.application.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first column of a checklist query's rows, as keys comparable across MySQL and PostgreSQL:
 * trimmed and case-folded (a uuid prints in lower case on one side, upper case on the other). Holds
 * at most {@code limit} distinct keys; rows past that are only counted.
 */
final class OffendingKeys {

  /** How many rows of each side are compared key by key; past that, only the counts are. */
  static final int LIMIT = 100_000;

  // NULL is a key of its own, which no text can spell.
  private static final String NULL = "\u0000NULL";

  private final int limit;
  /** Each key with the first value that spelt it and how many rows had it, in the order they came. */
  private final Map<String, Seen> keys = new LinkedHashMap<>();
  private long rows;

  OffendingKeys(int limit) {
    this.limit = limit;
  }

  void add(List<String> row) {
    rows++;
    if (rows > limit || row.isEmpty()) {
      return;
    }
    String value = row.get(0);
    keys.computeIfAbsent(key(value), key -> new Seen(value)).rows++;
  }

  long rows() {
    return rows;
  }

  /** Whether rows were only counted: the keys are not all known. */
  boolean overflowed() {
    return rows > limit;
  }

  /** The rows whose key {@code other} does not hold: their count, and their keys as the query printed them. */
  Missing notIn(OffendingKeys other) {
    long rows = 0;
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, Seen> key : keys.entrySet()) {
      if (!other.keys.containsKey(key.getKey())) {
        rows += key.getValue().rows;
        values.add(key.getValue().value);
      }
    }
    return new Missing(rows, values);
  }

  /** Rows of one side that the other side lacks, and their distinct keys. */
  record Missing(long rows, List<String> keys) {}

  private static final class Seen {
    private final String value;
    private long rows;

    private Seen(String value) {
      this.value = value;
    }
  }

  private static String key(String value) {
    return value == null ? NULL : value.strip().toLowerCase(Locale.ROOT);
  }
}

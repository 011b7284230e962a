package dev.converge.application.service;

import dev.converge.application.port.out.LookupSourceValuesPort;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The source's answers to the maps' lookups, kept in memory for the services' tests; counts what was asked. */
final class InMemoryLookups implements LookupSourceValuesPort {

  final Map<String, Map<Object, List<Object>>> answers = new HashMap<>();
  int asked;
  int opened;
  int closed;

  /** {@code sql} answers {@code value} with {@code rows}. */
  InMemoryLookups answer(String sql, Object value, Object... rows) {
    answers.computeIfAbsent(sql, s -> new HashMap<>()).put(value, List.of(rows));
    return this;
  }

  @Override
  public synchronized Session open() {
    opened++;
    return new Session() {
      @Override
      public List<Object> find(String sql, Object value) {
        synchronized (InMemoryLookups.this) {
          asked++;
          return answers.getOrDefault(sql, Map.of()).getOrDefault(value, List.of());
        }
      }

      @Override
      public void close() {
        synchronized (InMemoryLookups.this) {
          closed++;
        }
      }
    };
  }
}

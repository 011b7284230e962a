package dev.converge.application.service;

import dev.converge.application.port.out.KeepSchemaRowsPort;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fake {@link KeepSchemaRowsPort} for service tests: remembers which tables were kept, with no rows. */
final class InMemorySchemaRows implements KeepSchemaRowsPort {

  final Map<String, Long> kept = new LinkedHashMap<>();

  @Override
  public Map<String, Long> keepOnce(List<String> tables) {
    Map<String, Long> now = new LinkedHashMap<>();
    tables.stream().filter(table -> !kept.containsKey(table)).forEach(table -> now.put(table, 0L));
    kept.putAll(now);
    return now;
  }

  @Override
  public Map<String, Long> kept(List<String> tables) {
    Map<String, Long> found = new LinkedHashMap<>();
    tables.stream().filter(kept::containsKey).forEach(table -> found.put(table, kept.get(table)));
    return found;
  }

  @Override
  public long writeKept(String table, List<String> columns, Path file) {
    throw new UnsupportedOperationException("no rows are kept in memory");
  }
}

package dev.converge.application.service;

import dev.converge.application.port.out.LookupSourceValuesPort;
import dev.converge.domain.plan.RowDecisions;
import dev.converge.domain.plan.ValueLookup;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The plan's column maps answered from the source, for the plan's scan, export and verify alike: one
 * read-only session for the phase, each (lookup, value) asked once while it stays among the
 * {@link #CACHED} most recently used answers (a column repeats its values: many rows name the same
 * contributor). Thread-safe; closing it closes the session.
 */
final class SourceLookups implements ValueLookup, AutoCloseable {

  /** How many answers are kept, over every map: bounded memory whatever the table's size. */
  static final int CACHED = 100_000;

  private final LookupSourceValuesPort.Session session;
  private final Map<List<Object>, List<Object>> answers = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<List<Object>, List<Object>> eldest) {
      return size() > CACHED;
    }
  };
  private long asked;

  private SourceLookups(LookupSourceValuesPort.Session session) {
    this.session = session;
  }

  /** The lookups of {@code decisions}' maps; {@link ValueLookup#NONE} (and no session) when there is none. */
  static Opened open(LookupSourceValuesPort port, RowDecisions decisions) {
    if (decisions.lookups().isEmpty()) {
      return new Opened(ValueLookup.NONE, () -> {});
    }
    SourceLookups lookups = new SourceLookups(Objects.requireNonNull(port, "port").open());
    return new Opened(lookups, lookups::close);
  }

  /** The lookup to hand to the scans and what closes it. */
  record Opened(ValueLookup lookup, Runnable closer) implements AutoCloseable {
    @Override
    public void close() {
      closer.run();
    }
  }

  @Override
  public List<Object> matches(String sql, Object value) {
    // byte[] has no value equality: its hex stands for it in the cache's key.
    List<Object> key = List.of(sql, value instanceof byte[] bytes ? "0x" + HexFormat.of().formatHex(bytes) : value);
    synchronized (answers) {
      List<Object> known = answers.get(key);
      if (known != null) {
        return known;
      }
    }
    List<Object> found = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(session.find(sql, value)));
    synchronized (answers) {
      asked++;
      answers.put(key, found);
    }
    return found;
  }

  /** How many lookups reached the source (the rest came from the cache). */
  long asked() {
    synchronized (answers) {
      return asked;
    }
  }

  @Override
  public void close() {
    session.close();
  }
}

package dev.converge.application.port.out;

import dev.converge.domain.plan.ValueChange;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The audit of the operator's row decisions in the work directory: {@code changes.csv} (every
 * value a decision changed and every row it set aside) and {@code quarantine/<table>.csv} (each
 * row set aside, with its values and reason), owner-only: they hold source data.
 */
public interface RecordChangesPort {

  /** Opens new files, replacing an earlier export's. */
  Changes open();

  /**
   * Opens a rewrite of some tables' records, as {@code sync} and a resumed export make them: each
   * table's records are staged apart, and those of the tables {@link Rewrite#keep kept} replace that
   * table's earlier lines in {@code changes.csv} and its {@code quarantine/<table>.csv} when the rewrite is closed;
   * the other tables' records stay as they were.
   */
  Rewrite rewrite();

  /** The keys (as {@link ValueChange#key()} names them) of the rows the last export set aside from {@code table}. */
  Set<String> quarantinedKeys(String table);

  /**
   * The keys of the source rows of {@code table} the last export did not export because the target
   * keeps its own row under the same primary key with other content (their lines in
   * {@code changes.csv} with the decision {@code merged-by-primary-key}).
   */
  Set<String> mergedKeys(String table);

  /**
   * What the last export decided, read back from {@code changes.csv}: per source table, each
   * decision ({@link ValueChange#decision()}) and how many values or rows it covers; empty when
   * nothing was decided.
   */
  Summary summary();

  /**
   * The decisions' counts and where their audit lies.
   *
   * @param counts source table → decision ({@code default}, {@code map}, {@code quarantine: unique},
   *     {@code policy: nul-bytes=strip}, …) → lines in changes.csv, in table and decision order
   * @param changesFile the path of {@code changes.csv}
   * @param quarantineDirectory the path of {@code quarantine/}
   */
  record Summary(Map<String, Map<String, Long>> counts, String changesFile, String quarantineDirectory) {
    public Summary {
      Map<String, Map<String, Long>> copied = new java.util.TreeMap<>();
      Objects.requireNonNull(counts, "counts").forEach((table, decisions) -> copied.put(table,
          java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(decisions))));
      counts = java.util.Collections.unmodifiableMap(copied);
      Objects.requireNonNull(changesFile, "changesFile");
      Objects.requireNonNull(quarantineDirectory, "quarantineDirectory");
    }

    /** The counts of one table's decisions (empty when none). */
    public Map<String, Long> of(String table) {
      return counts.getOrDefault(table, Map.of());
    }
  }

  /** One rewrite of some tables' records; thread-safe. */
  interface Rewrite extends AutoCloseable {

    /** Begins the staged records of one source table, discarding any staged before for it. */
    Changes table(String table);

    /** The table's staged records (from its latest {@link #table}) are to replace its earlier ones. */
    void keep(String table);

    /** Replaces the kept tables' records; discards every staged record of the others. */
    @Override
    void close();
  }

  /** The files being written; every method is thread-safe, the files are complete once closed. */
  interface Changes extends AutoCloseable {

    /** A changed value, or (with {@link ValueChange#QUARANTINED}) the reason a row was set aside. */
    void change(ValueChange change);

    /**
     * A row set aside: its values as the source holds them (displayed), under the source column
     * names, in {@code quarantine/<table>.csv}.
     */
    void quarantine(String table, List<String> columns, List<String> values, ValueChange reason);

    @Override
    void close();
  }
}

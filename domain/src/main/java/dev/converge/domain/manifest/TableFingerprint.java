package dev.converge.domain.manifest;

import dev.converge.domain.schema.SourceColumn;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A table's rows as the source held them at an export's snapshot, told by their count and the latest
 * value of its updated-date column: what shows an export stale when the source keeps no replication
 * position (no binary log, no GTIDs, or a login that may not read them). It cannot see a change that
 * leaves both alone: an update that does not set the column, or as many rows deleted as inserted in
 * a table without one.
 *
 * @param rows the table's rows in the snapshot (exported and quarantined alike)
 * @param updatedColumn the column whose latest value is kept, or null when the table has none (count only)
 * @param latest that column's greatest value in MySQL's text ({@code CAST(… AS CHAR)} in UTC), or null
 *     when no row has one
 * @param readAt no later than the snapshot: what changed after it may show
 */
public record TableFingerprint(long rows, String updatedColumn, String latest, Instant readAt) {

  /**
   * Names of updated-date columns, lower case without underscores, most telling first: TypeORM's
   * {@code updatedDate}, Rails' and Laravel's {@code updated_at}, and their kin.
   */
  private static final List<String> UPDATED_NAMES = List.of("updateddate", "updatedat", "updatedon", "updatedtime",
      "updatetime", "updatedate", "lastupdated", "lastupdate", "lastmodified", "modifieddate", "modifiedat",
      "modifiedon", "modifiedtime", "modifytime", "datemodified", "dateupdated", "updated", "modified", "mtime");

  /** Temporal types whose text, as MySQL writes it, orders as the values do. */
  private static final List<String> TEMPORAL = List.of("timestamp", "datetime");

  public TableFingerprint {
    if (rows < 0) {
      throw new IllegalArgumentException("a table has no negative row count, was " + rows);
    }
    if (updatedColumn == null && latest != null) {
      throw new IllegalArgumentException("a latest value without its column: " + latest);
    }
    Objects.requireNonNull(readAt, "readAt");
  }

  /**
   * The column whose latest value shows a table updated: a TIMESTAMP or DATETIME column named as
   * updated-date columns are ({@code updatedDate}, {@code updated_at}, {@code modified}, …, any case,
   * with or without underscores), else one whose name speaks of an update or a modification; empty
   * when the table has none (its fingerprint is the row count alone).
   */
  public static Optional<SourceColumn> updatedColumn(List<SourceColumn> columns) {
    List<SourceColumn> temporal = columns.stream().filter(column -> TEMPORAL.contains(column.dataType())
        && !column.generated()).toList();
    for (String name : UPDATED_NAMES) {
      for (SourceColumn column : temporal) {
        if (normalized(column.name()).equals(name)) {
          return Optional.of(column);
        }
      }
    }
    return temporal.stream().filter(column -> normalized(column.name()).contains("updat")
        || normalized(column.name()).contains("modif")).findFirst();
  }

  private static String normalized(String name) {
    return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }

  /** Whether {@code other} tells the same rows: the same count and the same latest value of the same column. */
  public boolean sameAs(TableFingerprint other) {
    return rows == other.rows && Objects.equals(updatedColumn, other.updatedColumn) && Objects.equals(latest, other.latest);
  }

  /** {@code 120 rows, latest updatedDate 2026-12-02 04:00:00.000000}, or {@code 120 rows} for a count alone. */
  public String describe() {
    return rows + " rows" + (updatedColumn == null ? "" : ", latest " + updatedColumn + " " + (latest == null ? "none"
        : latest));
  }

  /** What it compares, in words: {@code row count and latest updatedDate}, or {@code row count only}. */
  public String compares() {
    return updatedColumn == null ? "row count only (no updated-date column)" : "row count and latest " + updatedColumn;
  }

  /**
   * Counts a table's rows and keeps the latest value of its updated-date column while the export
   * streams it; thread-safe, so that the key ranges of one table read side by side share one.
   */
  public static final class Tally {
    private final String column;
    private final int index;
    private final LongAdder rows = new LongAdder();
    private final AtomicReference<String> latest = new AtomicReference<>();

    /** For rows of {@code columns} (in the order the rows hold them). */
    public Tally(List<SourceColumn> columns) {
      Optional<SourceColumn> updated = updatedColumn(columns);
      this.column = updated.map(SourceColumn::name).orElse(null);
      this.index = updated.map(columns::indexOf).orElse(-1);
    }

    /** One row as the snapshot streams it: its updated-date value in MySQL's text, or null. */
    public void see(Object[] row) {
      rows.increment();
      if (index >= 0 && row[index] instanceof String value) {
        // MySQL's text of a DATETIME or TIMESTAMP has a fixed width per column: it orders as the values do.
        String held = latest.get();
        while ((held == null || value.compareTo(held) > 0) && !latest.compareAndSet(held, value)) {
          held = latest.get();
        }
      }
    }

    /** The fingerprint of every row seen, read no later than {@code readAt}. */
    public TableFingerprint fingerprint(Instant readAt) {
      return new TableFingerprint(rows.sum(), column, latest.get(), readAt);
    }
  }
}

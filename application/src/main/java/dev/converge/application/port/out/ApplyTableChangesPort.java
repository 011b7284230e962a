package dev.converge.application.port.out;

import dev.converge.domain.plan.ForeignKeyStrategy;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes the rows of one target table that differ from the source, in the table's one transaction:
 * the source's rows (inserts and updates) and the keys of rows the source no longer holds are
 * collected into work tables, then deleted, replaced and inserted at commit; afterwards the rows at
 * those keys are read back for the proof.
 */
public interface ApplyTableChangesPort {

  /** Starts one table's changes; nothing is written to the target until the first row or key arrives. */
  TableChanges begin(TableChange table);

  /**
   * @param columns the table's planned columns, in the order of the values handed to {@link TableChanges#put}
   * @param primaryKey the key columns, in the order of the values handed to {@link TableChanges#remove};
   *     empty for a full reload
   * @param fullReload replace every row of the table with the rows put (a table without a primary key)
   */
  record TableChange(String table, List<String> columns, List<String> primaryKey, ForeignKeyStrategy strategy,
      boolean fullReload) {
    public TableChange {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      primaryKey = List.copyOf(primaryKey);
      Objects.requireNonNull(strategy, "strategy");
      if (!fullReload && primaryKey.isEmpty()) {
        throw new IllegalArgumentException("table " + table + ": changes by key need a primary key");
      }
    }
  }

  /** One table's open changes; not thread-safe. */
  interface TableChanges extends AutoCloseable {

    /** A source row to hold in the target, as export writes it (the plan's conversions and policies applied). */
    void put(String[] values);

    /** The key of a target row to delete, as PostgreSQL's own text of the key columns. */
    void remove(String[] key);

    /**
     * In the table's transaction: deletes the removed keys, replaces the rows of keys put that the
     * table holds, inserts the others (a full reload: deletes every row first), commits.
     */
    Applied commit();

    /**
     * After {@link #commit}: streams the table's rows at every key put or removed (a full reload:
     * every row), each value as PostgreSQL's text, in column order; returns how many.
     */
    long readBack(Consumer<String[]> rows);

    /** Rolls back what was not committed and drops the work tables. */
    @Override
    void close();
  }

  /** What a commit changed. */
  record Applied(long inserted, long updated, long deleted) {}
}

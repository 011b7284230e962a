package dev.converge.application.port.out;

import dev.converge.domain.plan.ValueChange;
import java.util.List;
import java.util.Set;

/**
 * The audit of the operator's row decisions in the work directory: {@code changes.csv} (every
 * value a decision changed and every row it set aside) and {@code quarantine/<table>.csv} (each
 * row set aside, with its values and reason), owner-only: they hold source data.
 */
public interface RecordChangesPort {

  /** Opens new files, replacing an earlier export's. */
  Changes open();

  /** The keys (as {@link ValueChange#key()} names them) of the rows the last export set aside from {@code table}. */
  Set<String> quarantinedKeys(String table);

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

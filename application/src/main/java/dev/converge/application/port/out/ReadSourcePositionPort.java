package dev.converge.application.port.out;

import dev.converge.domain.manifest.SourcePosition;
import dev.converge.domain.manifest.TableFingerprint;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Where the source stands now, to tell whether it moved since an export was read: its replication
 * position, or, on a source that keeps none, a table's fingerprint.
 */
public interface ReadSourcePositionPort {

  /** The GTID set or binary-log position now; empty when the source keeps neither. */
  Optional<SourcePosition> readSourcePosition();

  /**
   * Which of {@code tables} (the source's names) the server knows were written at or after
   * {@code since}. A replication position is the whole server's: it also moves for every other
   * database on it (Kratos beside Alkemio), so a moved position alone does not make an export
   * stale. Empty when the server cannot tell (no per-table change times, or it restarted since).
   */
  default Optional<Set<String>> tablesWrittenSince(Instant since, Collection<String> tables) {
    return Optional.empty();
  }

  /**
   * {@code table}'s fingerprint now (its source name): its row count and, when {@code updatedColumn} is
   * not null, that column's latest value in the text an export reads it as; one statement, so the two
   * agree. Empty when this source cannot tell. Costs a scan of the table.
   */
  default Optional<TableFingerprint> readFingerprint(String table, String updatedColumn) {
    return Optional.empty();
  }
}

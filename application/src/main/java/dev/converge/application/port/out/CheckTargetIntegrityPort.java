package dev.converge.application.port.out;

import dev.converge.domain.schema.ForeignKey;
import java.util.List;

/** Integrity facts the target can answer: orphans of foreign keys, and where a sequence stands. */
public interface CheckTargetIntegrityPort {

  /** Rows of {@code table} whose non-NULL key has no row in the referenced table, with a few example keys. */
  Orphans orphans(String table, ForeignKey foreignKey, int examples);

  /**
   * How many rows of each child have a non-NULL key with no row in the parent, for references that all
   * point at the same parent table and columns: the adapter may answer them together, reading the
   * parent once instead of once per reference (a parent many tables point at is often the largest).
   *
   * @return each reference's orphan count, in the order given
   */
  default List<Long> orphanCounts(List<Reference> references) {
    return references.stream().map(reference -> orphans(reference.table(), reference.foreignKey(), 1).rows()).toList();
  }

  /** A foreign key of {@code table}. */
  record Reference(String table, ForeignKey foreignKey) {}

  /** The next value {@code sequence} will hand out, and the largest value of {@code column} in {@code table}. */
  SequenceState sequence(String table, String column, String sequence);

  /** Orphans found. */
  record Orphans(long rows, List<String> examples) {
    public Orphans {
      examples = List.copyOf(examples);
    }
  }

  /** @param maximum the column's largest value, or null for an empty table */
  record SequenceState(long nextValue, Long maximum) {
    public boolean pastMaximum() {
      return maximum == null || nextValue > maximum;
    }
  }
}

package dev.converge.application.port.out;

import dev.converge.domain.schema.ForeignKey;
import java.util.List;

/** Integrity facts the target can answer: orphans of a foreign key, and where a sequence stands. */
public interface CheckTargetIntegrityPort {

  /** Rows of {@code table} whose non-NULL key has no row in the referenced table, with a few example keys. */
  Orphans orphans(String table, ForeignKey foreignKey, int examples);

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

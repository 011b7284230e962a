package dev.converge.domain.run;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one table stands in a run. A table moves forward one phase at a time; any state may fail,
 * and a failed table (or one being redone after a restart) goes back to {@link #PENDING}.
 */
public enum TableState {
  PENDING,
  EXPORTED,
  VALIDATED,
  IMPORTED,
  VERIFIED,
  FAILED;

  /** Whether a table in this state may move to {@code next}. */
  public boolean canMoveTo(TableState next) {
    return successors().contains(next);
  }

  private Set<TableState> successors() {
    return switch (this) {
      case PENDING -> EnumSet.of(EXPORTED, FAILED);
      case EXPORTED -> EnumSet.of(VALIDATED, FAILED, PENDING);
      case VALIDATED -> EnumSet.of(IMPORTED, FAILED, PENDING);
      case IMPORTED -> EnumSet.of(VERIFIED, FAILED, PENDING);
      case VERIFIED -> EnumSet.of(FAILED, PENDING);
      case FAILED -> EnumSet.of(PENDING);
    };
  }
}

package dev.converge.application.port.in;

import java.util.Locale;

/** How several readers are made to see one instant of the source. */
public enum SnapshotMode {
  /** {@code lock} when the login has the RELOAD privilege, else {@code lock-free}. */
  AUTO,
  /** A global read lock, bounded in time, held only while the readers start their transactions. */
  LOCK,
  /** No lock: the readers start their transactions and an unchanged source position across all starts proves them one snapshot. */
  LOCK_FREE;

  /** {@code lock-free}, as on the command line. */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The mode named {@code keyword} ({@code auto}, {@code lock}, {@code lock-free}). */
  public static SnapshotMode of(String keyword) {
    for (SnapshotMode mode : values()) {
      if (mode.keyword().equals(keyword.trim().toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new IllegalArgumentException("unknown snapshot mode '" + keyword + "' (auto, lock, lock-free)");
  }
}

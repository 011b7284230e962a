package dev.converge.domain.run;

import java.util.Locale;

/** The steps of a migration, in the order an operator takes them. */
public enum Phase {
  CONNECT,
  SCHEMA,
  PLAN,
  EXPORT,
  VALIDATE,
  IMPORT,
  VERIFY,
  REPORT,
  ROLLBACK,
  /** The cut-over by delta: after a live pre-copy, only the rows that differ are copied again, then proven. */
  SYNC;

  /** The command that runs this phase ({@code converge <command>}). */
  public String command() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this phase moves data or its proof (the ones timed for the downtime projection). */
  public boolean movesData() {
    return this == EXPORT || this == VALIDATE || this == IMPORT || this == VERIFY || this == SYNC;
  }
}

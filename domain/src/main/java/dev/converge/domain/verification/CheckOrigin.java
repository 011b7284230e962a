package dev.converge.domain.verification;

/**
 * Where a failing checklist check's offending rows come from, found by asking the check's source
 * form of the source: rows the source holds too are not the move's doing.
 */
public enum CheckOrigin {
  /** Every offending row of the target offends in the source too: true before the move; verify does not fail on it. */
  PRE_EXISTING,
  /** Some offending rows of the target do not offend in the source: the move broke them; a FAIL. */
  BROKEN_BY_MOVE,
  /** Not compared: the check passed, has no source form, or its source form could not run. */
  NOT_COMPARED
}

package dev.converge.application.port.in;

import java.util.Objects;

/**
 * What comparing an export with its source found: whether the source moved since the export was
 * read, in one line for the operator.
 *
 * @param state what the comparison found
 * @param line one line saying so: what moved and since when, how the export was found current, or why
 *     it was not compared
 */
public record SourceCheck(State state, String line) {

  /** What the comparison found. */
  public enum State {
    /** The source holds what the export read, as far as the recorded position or fingerprint can tell. */
    CURRENT,
    /** The source moved since the export was read: the export is stale. */
    MOVED,
    /** Nothing to compare: no export, a manifest without position or fingerprint, or a source that keeps none now. */
    UNKNOWN,
    /** The source could not be reached (or read) with the connection settings given. */
    UNREACHABLE,
    /** No source connection was given: the status comes from the work directory alone. */
    NOT_CHECKED
  }

  public SourceCheck {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(line, "line");
  }
}

package dev.converge.application.port.in;

/** Where the run of a work directory stands: its phases, each table's state, what to run next. */
public interface ShowStatusUseCase {

  /**
   * The status from the work directory; with a source given, also whether the source moved since the
   * export (a source that cannot be reached is said in the status, never a failure).
   */
  RunStatusReport status(ShowStatusCommand command);

  /** The status from the work directory alone, without connecting. */
  default RunStatusReport status() {
    return status(ShowStatusCommand.WORK_DIRECTORY_ONLY);
  }
}

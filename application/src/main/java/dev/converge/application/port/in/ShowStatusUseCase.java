package dev.converge.application.port.in;

/** Where the run of a work directory stands: its phases, each table's state, what to run next. */
public interface ShowStatusUseCase {

  RunStatusReport status();
}

package dev.converge.application.port.in;

import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;

import dev.converge.domain.failure.ConvergeException;
import java.util.Objects;
import java.util.Optional;

/**
 * A phase that ran: its own report, its run id, the one-line summary the journal holds, and the
 * failure its report amounts to (a blocked plan, a failed validation or verification, a broken
 * schema contract), already journaled, and what to run next as the journal now says; the front
 * end renders the report (and the advice), then reports the failure.
 */
public record RunPhaseReport<R>(PhaseStep<R> step, R report, String runId, String summary,
    Optional<ConvergeException> failure, NextStep next) {

  public RunPhaseReport {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(next, "next");
  }
}

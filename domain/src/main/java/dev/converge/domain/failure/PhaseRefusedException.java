package dev.converge.domain.failure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A phase asked for before the run's state machine allows it (import before a passing validation,
 * say): refused before anything starts, so never journaled. The message names the phase, why, and
 * the phase to run first.
 */
public final class PhaseRefusedException extends ConvergeException {

  private final String phase;
  private final String reason;

  public PhaseRefusedException(String phase, String reason) {
    super(ErrorCode.CONFIGURATION, Objects.requireNonNull(phase, "phase") + " cannot run yet: "
        + Objects.requireNonNull(reason, "reason"));
    this.phase = phase;
    this.reason = reason;
  }

  public String phase() {
    return phase;
  }

  public String reason() {
    return reason;
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    put(details, "phase", phase);
    put(details, "reason", reason);
    return details;
  }
}

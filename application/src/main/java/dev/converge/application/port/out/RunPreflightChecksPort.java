package dev.converge.application.port.out;

import dev.converge.domain.plan.Finding;
import dev.converge.domain.plan.PreflightCheck;
import java.time.Duration;
import java.util.List;

/** Answers the plan's pre-flight checks on the source data, each bounded in time. */
public interface RunPreflightChecksPort {

  /**
   * One finding per check, in the checks' order. A check that does not finish within
   * {@code perCheck}, or starts after {@code total} has passed, comes back not completed.
   */
  List<Finding> run(List<PreflightCheck> checks, Duration perCheck, Duration total);
}

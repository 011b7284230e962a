package dev.converge.domain.failure;

import java.util.LinkedHashMap;
import java.util.Map;

/** At least one verification check failed: the target does not (yet) hold what the source held. */
public final class VerificationFailedException extends ConvergeException {

  private final long failures;
  private final String report;

  public VerificationFailedException(long failures, String report) {
    super(ErrorCode.VERIFICATION, failures + " verification check(s) failed (listed above; report: " + report + ")");
    this.failures = failures;
    this.report = report;
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("failures", failures);
    put(details, "report", report);
    return details;
  }
}

package dev.converge.domain.failure;

/** At least one verification check failed: the target does not (yet) hold what the source held. */
public final class VerificationFailedException extends ConvergeException {

  public VerificationFailedException(long failures, String report) {
    super(ErrorCode.VERIFICATION, failures + " verification check(s) failed (listed above; report: " + report + ")");
  }
}

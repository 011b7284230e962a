package dev.converge.bootstrap;

import dev.converge.domain.failure.ErrorCode;

/** The one place where a failure class becomes a process exit status (documented in docs/configuration.md). */
final class ExitStatus {

  static final int OK = 0;
  /** picocli's own status for a command line it cannot parse. */
  static final int USAGE = 2;
  /** Stopped by SIGINT (128 + 2), the shells' convention. */
  static final int INTERRUPTED = 130;
  /** Stopped by SIGTERM (128 + 15), what Kubernetes sends. */
  static final int TERMINATED = 143;

  private ExitStatus() {}

  static int of(ErrorCode code) {
    return switch (code) {
      case INTERNAL -> 1;
      case CONFIGURATION -> 3;
      case PREREQUISITE -> 4;
      case CONNECTION -> 5;
      case PLAN_BLOCKED -> 6;
      case EXPORT -> 7;
      case VALIDATION -> 8;
      case IMPORT -> 9;
      case VERIFICATION -> 10;
      case EMBEDDED_SERVER -> 11;
    };
  }
}

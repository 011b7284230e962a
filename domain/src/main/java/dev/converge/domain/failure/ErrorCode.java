package dev.converge.domain.failure;

/**
 * The classes of failure an operator or a script must tell apart; each maps to one process exit
 * status (in bootstrap, and only there).
 */
public enum ErrorCode {
  /** A setting is missing, malformed or contradicts another. */
  CONFIGURATION,
  /** The machine lacks something converge needs (a system library, a binary). */
  PREREQUISITE,
  /** A database cannot be reached or refused the credentials. */
  CONNECTION,
  /** The plan has blockers, or a schema changed since the plan was made. */
  PLAN_BLOCKED,
  /** Reading the source or writing the CSV files failed. */
  EXPORT,
  /** The CSV files do not match the manifest or the plan. */
  VALIDATION,
  /** Loading into the target failed. */
  IMPORT,
  /** A verification check failed. */
  VERIFICATION,
  /** An embedded database server could not be started or stopped. */
  EMBEDDED_SERVER,
  /** A defect in converge itself. */
  INTERNAL
}

package dev.converge.application.port.out;

import dev.converge.application.port.in.RollbackTargetReport;

/** The rollback journal: what each rollback of the target did, oldest first. */
public interface RecordRollbackPort {

  /** Appends one rollback's outcome. */
  void record(RollbackTargetReport outcome);
}

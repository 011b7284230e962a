package dev.converge.application.port.in;

/** Returns the target to its post-schema state: loaded tables emptied, a seed migration's rows restored. */
public interface RollbackTargetUseCase {

  RollbackTargetReport rollback(RollbackTargetCommand command);
}

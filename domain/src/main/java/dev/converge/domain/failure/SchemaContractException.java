package dev.converge.domain.failure;

/** The target schema does not hold the contract the migration needs (missing tables, wrong version, failed provisioning). */
public final class SchemaContractException extends ConvergeException {

  public SchemaContractException(int problems) {
    super(ErrorCode.PLAN_BLOCKED, "the target schema breaks the contract in " + problems
        + " way(s) (see the list above); fix the target's migrations and run the schema phase again");
  }
}

package dev.converge.domain.failure;

/** The plan has blockers, so no data may move until the operator resolves them. */
public final class PlanBlockedException extends ConvergeException {

  private final int blockers;

  public PlanBlockedException(int blockers) {
    super(ErrorCode.PLAN_BLOCKED, "the plan has " + blockers + " blocker(s); resolve them (see the list above) and plan again");
    this.blockers = blockers;
  }

  public int blockers() {
    return blockers;
  }
}

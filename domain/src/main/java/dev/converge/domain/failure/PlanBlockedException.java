package dev.converge.domain.failure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plan has blockers, so no data may move until the operator resolves them. */
public final class PlanBlockedException extends ConvergeException {

  private static final int SHOWN = 5;

  private final int blockers;
  private final List<String> shown;

  /** {@code blockers}: each blocker as the plan states it (table.column: reason). */
  public PlanBlockedException(List<String> blockers) {
    super(ErrorCode.PLAN_BLOCKED, "the plan has " + blockers.size() + " blocker(s); resolve them and plan again: "
        + String.join("; ", blockers.subList(0, Math.min(SHOWN, blockers.size())))
        + (blockers.size() > SHOWN ? "; … (" + (blockers.size() - SHOWN) + " more: converge plan lists every one)" : ""));
    this.blockers = blockers.size();
    this.shown = List.copyOf(blockers.subList(0, Math.min(SHOWN, blockers.size())));
  }

  public int blockers() {
    return blockers;
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    put(details, "blockers", blockers);
    put(details, "firstBlockers", shown);
    return details;
  }
}

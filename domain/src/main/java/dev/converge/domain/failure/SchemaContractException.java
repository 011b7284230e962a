package dev.converge.domain.failure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The target schema does not hold the contract the migration needs (missing tables, wrong version, failed provisioning). */
public final class SchemaContractException extends ConvergeException {

  private static final int SHOWN = 5;

  private final List<String> problems;

  /** {@code problems}: each broken part of the contract, one line each. */
  public SchemaContractException(List<String> problems) {
    super(ErrorCode.PLAN_BLOCKED, "the target schema breaks the contract in " + problems.size() + " way(s): "
        + String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size())))
        + (problems.size() > SHOWN ? "; … (" + (problems.size() - SHOWN) + " more: converge schema lists every one)" : "")
        + ". Fix the target's migrations and run the schema phase again");
    this.problems = List.copyOf(problems);
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("problems", problems);
    return details;
  }
}

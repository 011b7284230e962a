package dev.converge.domain.failure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code migrate}'s pipeline stopped at a failure: the failure itself (its code decides the exit
 * status, its facts stay), and which target tables were committed (they stay; a re-run skips them)
 * and which were not.
 */
public final class PipelineStoppedException extends ConvergeException {

  private final List<String> committed;
  private final List<String> notCommitted;
  private final Map<String, Object> causeDetails;

  public PipelineStoppedException(RuntimeException cause, List<String> committed, List<String> notCommitted) {
    super(cause instanceof ConvergeException converge ? converge.code() : ErrorCode.INTERNAL,
        Objects.requireNonNull(cause, "cause").getMessage() + ". " + state(committed, notCommitted), cause);
    this.committed = List.copyOf(committed);
    this.notCommitted = List.copyOf(notCommitted);
    this.causeDetails = cause instanceof ConvergeException converge ? converge.details() : Map.of();
  }

  private static String state(List<String> committed, List<String> notCommitted) {
    return "Committed in the target (they stay; a re-run skips them): "
        + (committed.isEmpty() ? "none" : String.join(", ", committed)) + ". Not committed: "
        + (notCommitted.isEmpty() ? "none" : String.join(", ", notCommitted))
        + ". Run the same converge migrate again to continue; converge status shows each table";
  }

  public List<String> committed() {
    return committed;
  }

  public List<String> notCommitted() {
    return notCommitted;
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>(causeDetails);
    details.put("committed", committed);
    details.put("notCommitted", notCommitted);
    return details;
  }
}

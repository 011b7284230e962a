package dev.converge.domain.failure;

import java.util.LinkedHashMap;
import java.util.Map;

/** The export's files do not hold what the manifest and the plan say; nothing may be imported. */
public final class ValidationFailedException extends ConvergeException {

  private final int problems;

  public ValidationFailedException(int problems) {
    super(ErrorCode.VALIDATION, "validation found " + problems + " problem(s) (listed above); export again"
        + " (converge export --restart) or restore the files, then validate again");
    this.problems = problems;
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("problems", problems);
    return details;
  }
}

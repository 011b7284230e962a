package dev.converge.domain.failure;

/** The export's files do not hold what the manifest and the plan say; nothing may be imported. */
public final class ValidationFailedException extends ConvergeException {

  public ValidationFailedException(int problems) {
    super(ErrorCode.VALIDATION, "validation found " + problems + " problem(s) (listed above); export again"
        + " (converge export --restart) or restore the files, then validate again");
  }
}

package dev.converge.domain.failure;

import java.util.Objects;

/** The one unchecked root of every failure converge reports; its code decides the exit status. */
public class ConvergeException extends RuntimeException {

  private final ErrorCode code;

  public ConvergeException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public ConvergeException(ErrorCode code, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }
}

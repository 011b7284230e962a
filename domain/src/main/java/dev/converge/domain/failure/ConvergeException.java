package dev.converge.domain.failure;

import java.util.Map;
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

  /**
   * The failure's facts as named fields (table, key, column, value, rule, file, line, …), for
   * {@code --output json}; empty when the message is all there is. Only known values are present.
   */
  public Map<String, Object> details() {
    return Map.of();
  }

  /** Adds {@code value} under {@code name} unless it is unknown (null). */
  protected static void put(Map<String, Object> details, String name, Object value) {
    if (value != null) {
      details.put(name, value);
    }
  }
}

package dev.converge.domain.failure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checklist breaks its format: names the file (once known), the check and the field, so that the
 * operator can go straight to the line to fix.
 */
public final class InvalidChecklistException extends ConvergeException {

  private final String file;
  private final String check;
  private final String field;
  private final String reason;

  public InvalidChecklistException(String file, String check, String field, String reason) {
    super(ErrorCode.CONFIGURATION, message(file, check, field, reason));
    this.file = file;
    this.check = check;
    this.field = field;
    this.reason = reason;
  }

  /** The same problem, placed in a file and (unless it already names one) a check. */
  public InvalidChecklistException in(String otherFile, String otherCheck) {
    return new InvalidChecklistException(otherFile, check != null ? check : otherCheck, field, reason);
  }

  public String file() {
    return file;
  }

  public String check() {
    return check;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }

  private static String message(String file, String check, String field, String reason) {
    StringBuilder text = new StringBuilder("checklist");
    if (file != null) {
      text.append(' ').append(file);
    }
    if (check != null) {
      text.append(", check ").append(check);
    }
    if (field != null) {
      text.append(", field '").append(field).append('\'');
    }
    return text.append(": ").append(reason).toString();
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    put(details, "file", file);
    put(details, "check", check);
    put(details, "field", field);
    return details;
  }
}

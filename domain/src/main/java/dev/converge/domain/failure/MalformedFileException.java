package dev.converge.domain.failure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A data file that is not valid CSV in converge's dialect (bad quoting, invalid UTF-8, wrong width). */
public final class MalformedFileException extends ConvergeException {

  private final String file;
  private final long line;

  public MalformedFileException(String file, long line, String reason, Throwable cause) {
    super(ErrorCode.VALIDATION, Objects.requireNonNull(file, "file") + " line " + line + ": " + reason, cause);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    put(details, "file", file);
    put(details, "line", line);
    return details;
  }
}

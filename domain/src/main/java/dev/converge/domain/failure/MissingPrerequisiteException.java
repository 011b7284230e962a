package dev.converge.domain.failure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The machine lacks something converge needs; the message names it and the command that fixes it. */
public final class MissingPrerequisiteException extends ConvergeException {

  private final String prerequisite;
  private final String fix;

  public MissingPrerequisiteException(String prerequisite, String fix, String detail) {
    super(
        ErrorCode.PREREQUISITE,
        Objects.requireNonNull(prerequisite, "prerequisite")
            + " is missing on this machine. Fix: "
            + Objects.requireNonNull(fix, "fix")
            + (detail == null || detail.isBlank() ? "" : " (" + detail.strip() + ")"));
    this.prerequisite = prerequisite;
    this.fix = fix;
  }

  public String prerequisite() {
    return prerequisite;
  }

  public String fix() {
    return fix;
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    put(details, "prerequisite", prerequisite);
    put(details, "fix", fix);
    return details;
  }
}

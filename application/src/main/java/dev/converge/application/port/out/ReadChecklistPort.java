package dev.converge.application.port.out;

import dev.converge.domain.verification.Checklist;

/** Reads an operator's checklist: a YAML or JSON file, or one converge ships ({@code builtin:NAME}). */
public interface ReadChecklistPort {

  /**
   * The checklist at {@code location}: a file path, or {@code builtin:NAME}.
   *
   * @throws dev.converge.domain.failure.InvalidChecklistException naming the file, the check and the field
   */
  Checklist read(String location);
}

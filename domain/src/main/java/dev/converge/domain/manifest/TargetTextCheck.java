package dev.converge.domain.manifest;

import dev.converge.domain.conversion.type.TargetType;
import dev.converge.domain.schema.TargetColumn;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a CSV field's text against its target column before COPY sees it. Each type's grammar is
 * its {@link TargetType#violation}; this is the column-level entry for callers that want a function.
 */
public final class TargetTextCheck {

  private TargetTextCheck() {}

  /** What is wrong with a field of {@code column}, or empty when it holds. {@code null} is NULL. */
  public static Function<String, Optional<String>> of(TargetColumn column) {
    return TargetType.of(column)::violation;
  }
}

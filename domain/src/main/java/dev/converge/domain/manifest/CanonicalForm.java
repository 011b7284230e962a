package dev.converge.domain.manifest;

import dev.converge.domain.conversion.type.TargetType;
import dev.converge.domain.schema.TargetColumn;
import java.util.function.UnaryOperator;

/**
 * The one text form a target value is hashed in, whether it is read from converge's CSV file or
 * from PostgreSQL's own output. Each type's form is its {@link TargetType#canonical}; this is the
 * column-level entry for callers that want a function.
 */
public final class CanonicalForm {

  private CanonicalForm() {}

  /** The canonicaliser for values of {@code column}; {@code null} always stays {@code null}. */
  public static UnaryOperator<String> of(TargetColumn column) {
    return TargetType.of(column)::canonical;
  }
}

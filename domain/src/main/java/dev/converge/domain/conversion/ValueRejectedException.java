package dev.converge.domain.conversion;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.util.Objects;

/**
 * A value the target cannot hold and no policy handles. Carries the rule it broke; the export
 * adds table, key and column (see {@link dev.converge.domain.failure.RowRejectedException}).
 */
public final class ValueRejectedException extends ConvergeException {

  private final String rule;

  public ValueRejectedException(String rule) {
    super(ErrorCode.EXPORT, Objects.requireNonNull(rule, "rule"));
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }

  /** No stack trace: a rejection is an expected outcome, reported with its row instead. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}

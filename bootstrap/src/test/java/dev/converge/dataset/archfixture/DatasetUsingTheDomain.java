package dev.converge.dataset.archfixture;

import dev.converge.domain.failure.ErrorCode;

/** Breaks the datasets rule: a reference dataset that reaches into converge's domain. */
public class DatasetUsingTheDomain {
  public String code() {
    return ErrorCode.CONFIGURATION.name();
  }
}

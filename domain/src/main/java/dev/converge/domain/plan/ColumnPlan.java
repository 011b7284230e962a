package dev.converge.domain.plan;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.TargetColumn;
import java.util.Objects;

/** One source column loaded into one target column with a conversion and its value policies. */
public record ColumnPlan(SourceColumn source, TargetColumn target, ConversionKind conversion, ValuePolicies policies) {

  public ColumnPlan {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(conversion, "conversion");
    Objects.requireNonNull(policies, "policies");
  }
}

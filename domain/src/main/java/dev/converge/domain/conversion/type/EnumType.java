package dev.converge.domain.conversion.type;

import static dev.converge.domain.conversion.ConversionKind.ENUM_TO_ENUM;
import static dev.converge.domain.conversion.ConversionKind.TEXT_TO_ENUM;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.TargetFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.TargetColumn;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PostgreSQL enum type: the value is one of its labels, else rejected; every label of a MySQL
 * enum must exist in it (else a plan blocker), and MySQL's invalid {@code ''} is rejected.
 */
public final class EnumType extends TargetType {

  static final Map<TargetFamily, Map<SourceFamily, ConversionKind>> SOURCES = Map.of(TargetFamily.ENUM,
      Map.of(SourceFamily.TEXT, TEXT_TO_ENUM, SourceFamily.ENUM, ENUM_TO_ENUM));

  EnumType(TargetColumn column) {
    super(column, TargetFamily.ENUM, SOURCES.get(TargetFamily.ENUM));
  }

  public List<String> labels() {
    return column.enumLabels();
  }

  @Override
  public Optional<String> refusal(SourceColumn source, ConversionKind conversion) {
    if (conversion != ENUM_TO_ENUM) {
      return Optional.empty();
    }
    List<String> missing = source.enumValues().stream().filter(label -> !labels().contains(label)).toList();
    return missing.isEmpty() ? Optional.empty()
        : Optional.of("the target enum " + column.formattedType() + " lacks the source labels " + missing);
  }

  @Override
  ColumnCodec converter(ConversionKind conversion, ValuePolicies policies) {
    List<String> labels = labels();
    return value -> {
      String text = SourceValue.text(value);
      if (labels.contains(text)) {
        return converted(text);
      }
      throw new ValueRejectedException("not one of the target enum's labels " + labels);
    };
  }

  @Override
  Optional<String> textViolation(String text) {
    return labels().contains(text) ? Optional.empty() : Optional.of("not one of the enum's labels " + labels());
  }
}

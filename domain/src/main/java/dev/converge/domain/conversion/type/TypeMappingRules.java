package dev.converge.domain.conversion.type;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.TargetFamily;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The table of type pairs converge converts, gathered from the target types that own them: for a
 * (source family, target family) pair, the conversion to use. The target decides: a bare MySQL
 * {@code tinyint} becomes boolean only because the target column is boolean ({@link BooleanType}).
 * A pair not in the table is incompatible and blocks the plan. docs/data-mapping.md is checked
 * against this table by a test, so the two cannot drift.
 */
public final class TypeMappingRules {

  /** One row of the table. */
  public record Rule(SourceFamily source, TargetFamily target, ConversionKind conversion) {
    public Rule {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(conversion, "conversion");
    }
  }

  private static final List<Rule> RULES = gather(List.of(BooleanType.SOURCES, IntegerType.SOURCES,
      NumericType.SOURCES, FloatType.SOURCES, TextType.SOURCES, UuidType.SOURCES, JsonType.SOURCES,
      TimestampType.SOURCES, DateType.SOURCES, TimeType.SOURCES, ByteaType.SOURCES, BitType.SOURCES,
      EnumType.SOURCES));

  private TypeMappingRules() {}

  /** Every pair, by source family then target family. */
  public static List<Rule> rules() {
    return RULES;
  }

  /** Each target family is owned by exactly one type class. */
  private static List<Rule> gather(List<Map<TargetFamily, Map<SourceFamily, ConversionKind>>> byType) {
    Map<TargetFamily, Map<SourceFamily, ConversionKind>> byTarget = new EnumMap<>(TargetFamily.class);
    for (Map<TargetFamily, Map<SourceFamily, ConversionKind>> type : byType) {
      type.forEach((family, sources) -> {
        if (byTarget.put(family, sources) != null) {
          throw new IllegalStateException("two target types claim " + family);
        }
      });
    }
    if (byTarget.size() != TargetFamily.values().length) {
      throw new IllegalStateException("a target family has no type: " + byTarget.keySet());
    }
    List<Rule> rules = new ArrayList<>();
    for (SourceFamily source : SourceFamily.values()) {
      for (TargetFamily target : TargetFamily.values()) {
        ConversionKind conversion = byTarget.get(target).get(source);
        if (conversion != null) {
          rules.add(new Rule(source, target, conversion));
        }
      }
    }
    return List.copyOf(rules);
  }
}

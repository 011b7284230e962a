package dev.converge.domain.conversion.type;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.TargetFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.ValuePolicies.BooleanPolicy;
import dev.converge.domain.conversion.ValuePolicies.InvalidUuidPolicy;
import dev.converge.domain.conversion.ValuePolicies.NulBytePolicy;
import dev.converge.domain.conversion.ValuePolicies.OverlongPolicy;
import dev.converge.domain.conversion.ValuePolicies.ZeroDatePolicy;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.schema.TargetColumn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ValuePolicies#appliedBy} names exactly the policies a conversion consults: every lenient
 * policy it leaves out changes nothing of any value, dirty ones included.
 */
class PoliciesAppliedByTest {

  private static final ValuePolicies LENIENT = new ValuePolicies(BooleanPolicy.NONZERO_IS_TRUE, ZeroDatePolicy.NULL,
      NulBytePolicy.STRIP, OverlongPolicy.TRUNCATE, InvalidUuidPolicy.NULL);

  /** Values of each source family that only a policy lets through, and clean ones. */
  private static final Map<SourceFamily, List<Object>> VALUES = Map.ofEntries(
      Map.entry(SourceFamily.INTEGER, List.of("0", "1", "2", "-7")),
      Map.entry(SourceFamily.BIT, List.of("0", "1", "5")),
      Map.entry(SourceFamily.DECIMAL, List.of("1.50", "123456789012.345")),
      Map.entry(SourceFamily.FLOAT, List.of("1.5")),
      Map.entry(SourceFamily.DOUBLE, List.of("1.5")),
      Map.entry(SourceFamily.TEXT, List.of("a\0b", "x".repeat(300), "not-a-uuid", "{\"a\":1}", "happy",
          "6CCD780C-BABA-1026-9564-5B8C656024DB")),
      Map.entry(SourceFamily.JSON, List.of("{\"a\": \"b\\u0000c\"}", "[" + "1,".repeat(200) + "1]")),
      Map.entry(SourceFamily.DATETIME, List.of("0000-00-00 00:00:00", "2024-02-29 12:00:00.000000")),
      Map.entry(SourceFamily.TIMESTAMP, List.of("0000-00-00 00:00:00", "2024-02-29 12:00:00.000000")),
      Map.entry(SourceFamily.DATE, List.of("0000-00-00", "2024-00-10", "2024-02-29")),
      Map.entry(SourceFamily.TIME, List.of("12:00:00.000000")),
      Map.entry(SourceFamily.YEAR, List.of("0000", "2024")),
      Map.entry(SourceFamily.ENUM, List.of("happy", "", "x".repeat(300))),
      Map.entry(SourceFamily.SET, List.of("happy", "")),
      Map.entry(SourceFamily.BINARY, List.of(new byte[16], new byte[] {0, 1})));

  static List<TypeMappingRules.Rule> rules() {
    return TypeMappingRules.rules();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void aPolicyTheConversionDoesNotConsultChangesNoValue(TypeMappingRules.Rule rule) {
    TargetType target = TargetType.of(column(rule.target()));
    ValuePolicies applied = LENIENT.appliedBy(rule.conversion());
    for (Object value : VALUES.get(rule.source())) {
      assertEquals(outcome(target, rule, LENIENT, value), outcome(target, rule, applied, value),
          rule + " of " + (value instanceof String text ? text.substring(0, Math.min(text.length(), 40)) : "bytes"));
    }
  }

  private static String outcome(TargetType target, TypeMappingRules.Rule rule, ValuePolicies policies, Object value) {
    try {
      return "value " + target.codec(rule.conversion(), policies).convert(value).text();
    } catch (ValueRejectedException rejected) {
      return "rejected " + rejected.rule();
    }
  }

  private static TargetColumn column(TargetFamily family) {
    String type = family == TargetFamily.ENUM ? "mood" : family.typeNames().iterator().next();
    Integer length = switch (family) {
      case TEXT -> 20;
      case BIT -> 8;
      default -> null;
    };
    boolean numeric = family == TargetFamily.NUMERIC;
    return new TargetColumn("c", 1, type, type, length, numeric ? 20 : null, numeric ? 3 : null, true, false, false,
        null, false, family == TargetFamily.ENUM ? List.of("happy", "sad") : List.of(), false);
  }
}

package dev.converge.domain.conversion.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.TargetColumn;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** MySQL bit(m) into PostgreSQL bit(n): the bits as digits, padded to n, a wider source refused. */
class BitTypeTest {

  private static TargetColumn bit(Integer length) {
    return new TargetColumn("flags", 1, "bit", length == null ? "bit(1)" : "bit(" + length + ")", length, null, null,
        false, false, false, null, false, List.of(), false);
  }

  private static SourceColumn mysqlBit(int bits) {
    return new SourceColumn("flags", 1, "bit", "bit(" + bits + ")", false, null, bits, null, null, false, false, false,
        null, List.of());
  }

  private static String convert(TargetColumn target, String unsignedValue) {
    return TargetType.of(target).codec(ConversionKind.BIT_TO_BIT, ValuePolicies.STRICT).convert(unsignedValue).text();
  }

  @Test
  void aBitValueBecomesItsDigitsPaddedToTheTargetWidth() {
    assertEquals(Optional.of(ConversionKind.BIT_TO_BIT), TargetType.of(bit(8)).conversionFrom(SourceFamily.BIT));
    assertEquals("00000101", convert(bit(8), "5"));
    assertEquals("00000000", convert(bit(8), "0"));
    assertEquals("11111111", convert(bit(8), "255"));
    assertEquals("1", convert(bit(null), "1"), "bit without a length is bit(1)");
    assertEquals("1111111111111111111111111111111111111111111111111111111111111111",
        convert(bit(64), "18446744073709551615"), "MySQL's widest bit(64) as an unsigned value");
  }

  @Test
  void aSourceWiderThanTheTargetIsRefusedInThePlanAndAValueTooWideAtExport() {
    TargetType target = TargetType.of(bit(8));
    assertTrue(target.refusal(mysqlBit(8), ConversionKind.BIT_TO_BIT).isEmpty());
    assertTrue(target.refusal(mysqlBit(3), ConversionKind.BIT_TO_BIT).isEmpty(), "narrower: padded, value kept");
    assertEquals(Optional.of("incompatible types: bit(16) holds 16 bits, bit(8) holds 8"),
        target.refusal(mysqlBit(16), ConversionKind.BIT_TO_BIT));
    assertEquals("needs 9 bits, bit(8) holds 8",
        assertThrows(ValueRejectedException.class, () -> convert(bit(8), "256")).rule());
    assertEquals("not the unsigned value of a bit string",
        assertThrows(ValueRejectedException.class, () -> convert(bit(8), "b'101'")).rule());
  }

  @Test
  void theFileTextIsExactlyNDigitsOfZeroAndOne() {
    TargetType target = TargetType.of(bit(4));
    assertTrue(target.violation("0101").isEmpty());
    assertEquals(Optional.of("not exactly 4 bits"), target.violation("101"));
    assertEquals(Optional.of("not a bit string (digits 0 and 1)"), target.violation("01a1"));
    assertEquals("0101", target.canonical("0101"), "PostgreSQL prints bit(n) as its digits, as the file has them");
  }
}

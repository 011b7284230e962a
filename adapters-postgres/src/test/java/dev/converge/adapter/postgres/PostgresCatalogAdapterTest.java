package dev.converge.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.adapter.postgres.PostgresCatalogAdapter.CatalogType;
import dev.converge.adapter.postgres.PostgresCatalogAdapter.ColumnType;
import dev.converge.adapter.postgres.PostgresCatalogAdapter.TypeModifier;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.schema.FoldedUniqueKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PostgresCatalogAdapterTest {

  private static final CatalogType TEXT = base(25, "text", 0);
  private static final CatalogType VARCHAR = base(1043, "varchar", 0);
  private static final CatalogType VARCHAR_ARRAY = base(1015, "_varchar", 1043);
  private static final CatalogType MOOD = new CatalogType(5000, "mood", 'e', 0, -1, false, false, 0, List.of("a", "b c"));
  private static final CatalogType MOOD_ARRAY = base(5001, "_mood", 5000);
  private static final CatalogType SHORT_CODE = new CatalogType(6000, "short_code", 'd', 1043, 12, true, true, 0, List.of());
  private static final CatalogType TENANT_CODE = new CatalogType(6001, "tenant_code", 'd', 6000, -1, false, false, 0, List.of());
  private static final CatalogType TENANT_CODE_ARRAY = base(6002, "_tenant_code", 6001);
  private static final CatalogType CODES = new CatalogType(6003, "codes", 'd', 1015, 24, false, false, 0, List.of());
  private static final CatalogType MOOD_DOMAIN = new CatalogType(6004, "feeling", 'd', 5000, -1, false, false, 0, List.of());

  private static final Map<Long, CatalogType> TYPES = Stream.of(TEXT, VARCHAR, VARCHAR_ARRAY, MOOD, MOOD_ARRAY,
          SHORT_CODE, TENANT_CODE, TENANT_CODE_ARRAY, CODES, MOOD_DOMAIN)
      .collect(Collectors.toMap(CatalogType::oid, Function.identity()));

  @Test
  void varcharAndCharTypmodsCountTheVarlenaHeader() {
    assertEquals(new TypeModifier(36, null, null), TypeModifier.decode("varchar", 40));
    assertEquals(new TypeModifier(1, null, null), TypeModifier.decode("bpchar", 5));
    assertEquals(new TypeModifier(null, null, null), TypeModifier.decode("varchar", -1));
  }

  @Test
  void bitTypmodsAreTheLengthItself() {
    assertEquals(new TypeModifier(1, null, null), TypeModifier.decode("bit", 1));
    assertEquals(new TypeModifier(64, null, null), TypeModifier.decode("varbit", 64));
  }

  @Test
  void numericTypmodsCarryPrecisionAndScaleAndNoneWhenUnconstrained() {
    assertEquals(new TypeModifier(null, 10, 2), TypeModifier.decode("numeric", (10 << 16 | 2) + 4));
    assertEquals(new TypeModifier(null, 1000, 0), TypeModifier.decode("numeric", (1000 << 16) + 4));
    assertEquals(new TypeModifier(null, null, null), TypeModifier.decode("numeric", -1));
  }

  @Test
  void aNegativeNumericScaleSincePostgres15IsDecodedAsNegative() {
    assertEquals(new TypeModifier(null, 5, -2), TypeModifier.decode("numeric", (5 << 16 | (-2 & 0x7FF)) + 4));
  }

  @Test
  void timeTypmodsAreTheFractionalDigitsAndZeroIsNotDefault() {
    assertEquals(new TypeModifier(null, 3, null), TypeModifier.decode("timestamp", 3));
    assertEquals(new TypeModifier(null, 0, null), TypeModifier.decode("timestamptz", 0));
    assertEquals(new TypeModifier(null, 6, null), TypeModifier.decode("time", 6));
    assertEquals(new TypeModifier(null, 2, null), TypeModifier.decode("timetz", 2));
    assertEquals(new TypeModifier(null, null, null), TypeModifier.decode("timestamp", -1));
  }

  @Test
  void anIntervalHasAPrecisionOnlyWhenOneWasDeclared() {
    assertEquals(new TypeModifier(null, 3, null), TypeModifier.decode("interval", 0x7FFF << 16 | 3));
    // INTERVAL DAY: a range without fractional digits declared.
    assertEquals(new TypeModifier(null, null, null), TypeModifier.decode("interval", 8 << 16 | 0xFFFF));
  }

  @Test
  void otherTypesDeclareNothing() {
    assertEquals(new TypeModifier(null, null, null), TypeModifier.decode("int4", -1));
    assertEquals(new TypeModifier(null, null, null), TypeModifier.decode("geometry", 1107460));
  }

  @Test
  void aPlainTypeResolvesToItself() {
    assertEquals(new ColumnType("varchar", 40, false, false, false, List.of()), ColumnType.resolve(TYPES, 1043, 40));
  }

  @Test
  void anArrayResolvesToItsElementWithTheColumnsTypmod() {
    assertEquals(new ColumnType("varchar", 40, true, false, false, List.of()), ColumnType.resolve(TYPES, 1015, 40));
  }

  @Test
  void anEnumAndAnEnumArrayCarryTheLabels() {
    assertEquals(new ColumnType("mood", -1, false, false, false, List.of("a", "b c")), ColumnType.resolve(TYPES, 5000, -1));
    assertEquals(new ColumnType("mood", -1, true, false, false, List.of("a", "b c")), ColumnType.resolve(TYPES, 5001, -1));
    assertEquals(new ColumnType("mood", -1, false, false, false, List.of("a", "b c")), ColumnType.resolve(TYPES, 6004, -1));
  }

  @Test
  void aDomainOverADomainResolvesToTheBaseTypeWithTheInnerTypmodNotNullAndDefault() {
    assertEquals(new ColumnType("varchar", 12, false, true, true, List.of()), ColumnType.resolve(TYPES, 6001, -1));
  }

  @Test
  void anArrayOfADomainTakesTheTypmodButNotTheNotNullOrDefaultOfItsElements() {
    assertEquals(new ColumnType("varchar", 12, true, false, false, List.of()), ColumnType.resolve(TYPES, 6002, -1));
  }

  @Test
  void aDomainOverAnArrayIsAnArrayOfTheElement() {
    assertEquals(new ColumnType("varchar", 24, true, false, false, List.of()), ColumnType.resolve(TYPES, 6003, -1));
  }

  @Test
  void aTypeTheCatalogQueryMissedIsADefectInConverge() {
    ConvergeException failure = assertThrows(ConvergeException.class, () -> ColumnType.resolve(TYPES, 42, -1));

    assertSame(ErrorCode.INTERNAL, failure.code());
  }

  private static CatalogType base(long oid, String name, long element) {
    return new CatalogType(oid, name, 'b', 0, -1, false, false, element, List.of());
  }

  @Test
  void aUniqueIndexOnLowerCasedColumnsIsACaseFoldedKey() {
    assertEquals(Optional.of(new FoldedUniqueKey("uq", List.of("nid", "via", "value"),
            List.of("value"))),
        PostgresCatalogAdapter.foldedKey("uq", List.of("nid", "via", "lower(value)")));
    assertEquals(Optional.of(new FoldedUniqueKey("uq", List.of("nameID"),
            List.of("nameID"))),
        PostgresCatalogAdapter.foldedKey("uq", List.of("upper((\"nameID\")::text)")));
  }

  @Test
  void anyOtherExpressionIsNotAFoldedKey() {
    assertEquals(Optional.empty(), PostgresCatalogAdapter.foldedKey("uq", List.of("(a + b)")));
    assertEquals(Optional.empty(), PostgresCatalogAdapter.foldedKey("uq", List.of("a", "b")));
    assertEquals(Optional.empty(), PostgresCatalogAdapter.foldedKey("uq", List.of("lower(a)", "md5(b)")));
  }
}

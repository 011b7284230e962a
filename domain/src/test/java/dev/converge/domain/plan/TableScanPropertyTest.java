package dev.converge.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.conversion.type.ColumnCodec.Converted;
import dev.converge.domain.conversion.type.TargetType;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.TargetColumn;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The plan's data scan and export give the same verdict on every value: random values of every
 * type family, under random policies and nullability, go through {@link TableScan} and, separately,
 * through the codec exactly as export calls it; the scan reports a dirty row for the column exactly
 * when export would refuse the row, with export's rule. A fix the scan suggests is proven by
 * converting the value again under that policy.
 */
class TableScanPropertyTest {

  private static final TargetColumn ID = new TargetColumn("id", 1, "int4", "integer", null, null, null, false, false,
      false, null, false, List.of(), false);
  private static final SourceColumn SOURCE_ID = new SourceColumn("id", 1, "int", "int", false, null, null, null, null,
      false, false, false, null, List.of());

  /** One column of one family: its source and target type, the conversion export uses, and enum labels if any. */
  record Family(String sourceType, String targetType, Integer length, ConversionKind kind, Arbitrary<Object> values,
      List<String> labels) {
    Family(String sourceType, String targetType, Integer length, ConversionKind kind, Arbitrary<String> values) {
      this(sourceType, targetType, length, kind, values.map(value -> (Object) value), List.of());
    }

    @Override
    public String toString() {
      return sourceType + "→" + targetType + (length == null ? "" : "(" + length + ")") + " " + kind;
    }
  }

  record Case(Family family, Object value, boolean nullable, ValuePolicies policies) {
    @Override
    public String toString() {
      return family + " " + (value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value)
          + " nullable=" + nullable + " " + policies;
    }
  }

  /** Made once: a row sequence draws its values from one family, recognised by identity. */
  private static final List<Family> FAMILIES = families();

  /** Every conversion kind export knows is drawn below: a new kind must be given a family here. */
  @net.jqwik.api.Example
  void everyConversionKindHasAFamily() {
    java.util.Set<ConversionKind> covered = java.util.EnumSet.noneOf(ConversionKind.class);
    FAMILIES.forEach(family -> covered.add(family.kind()));
    assertEquals(java.util.EnumSet.allOf(ConversionKind.class), covered);
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Family> families = Arbitraries.of(FAMILIES);
    Arbitrary<ValuePolicies> policies = Combinators.combine(Arbitraries.of(ValuePolicies.BooleanPolicy.class),
        Arbitraries.of(ValuePolicies.ZeroDatePolicy.class), Arbitraries.of(ValuePolicies.NulBytePolicy.class),
        Arbitraries.of(ValuePolicies.OverlongPolicy.class), Arbitraries.of(ValuePolicies.InvalidUuidPolicy.class))
        .as(ValuePolicies::new);
    return families.flatMap(family -> Combinators.combine(family.values().injectNull(0.05), Arbitraries.of(true, false), policies)
        .as((value, nullable, chosen) -> new Case(family, value, nullable, chosen)));
  }

  /** One family per source and target type pair export converts, with values around each rule's edges. */
  static List<Family> families() {
    Arbitrary<String> control = Arbitraries.of("", "\u0000", "NULL", "\\x00", "\n", " ", "0", "1");
    Arbitrary<String> digits = Arbitraries.oneOf(Arbitraries.bigIntegers().between(
        new java.math.BigInteger("-99999999999999999999"), new java.math.BigInteger("99999999999999999999")).map(Object::toString),
        Arbitraries.integers().between(-3, 40000).map(Object::toString));
    Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(12),
        Arbitraries.strings().all().ofMaxLength(6), control);
    Arbitrary<String> uuids = Arbitraries.oneOf(Arbitraries.create(() -> java.util.UUID.randomUUID().toString()),
        Arbitraries.create(() -> java.util.UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT)),
        Arbitraries.strings().withChars("0123456789abcdefABCDEF-g").ofMinLength(30).ofMaxLength(38), text);
    Arbitrary<String> json = Arbitraries.oneOf(Arbitraries.of("{}", "[1,2]", "{\"a\":\"\\u0000\"}", "{\"a\":\"\\\\u0000\"}",
        "\"x\"", "nul", "{\"a\":", "null", "1e400", "{\"k\":[true,false,null]}"), text);
    Arbitrary<String> datetimes = Arbitraries.oneOf(Arbitraries.of("0000-00-00 00:00:00", "2024-00-10 10:00:00",
        "2024-02-30 00:00:00", "1999-12-31 23:59:59.999999", "2024-05-01 12:00:00.5"),
        Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 12),
            Arbitraries.integers().between(0, 31), Arbitraries.integers().between(0, 23))
            .as((y, m, d, h) -> String.format("%04d-%02d-%02d %02d:17:05", y, m, d, h)));
    Arbitrary<String> dates = datetimes.map(value -> value.substring(0, Math.min(10, value.length())));
    Arbitrary<String> times = Arbitraries.oneOf(Arbitraries.of("24:00:00", "24:00:01", "-00:00:01", "838:59:59", "00:00:00.5"),
        Combinators.combine(Arbitraries.integers().between(-30, 30), Arbitraries.integers().between(0, 59))
            .as((h, m) -> String.format("%02d:%02d:00", h, m)));
    Arbitrary<String> decimals = Combinators.combine(digits, Arbitraries.integers().between(0, 99999))
        .as((whole, fraction) -> whole + "." + fraction);
    Arbitrary<String> floats = Arbitraries.oneOf(Arbitraries.doubles().map(Object::toString),
        Arbitraries.floats().map(Object::toString), Arbitraries.of("NaN", "Infinity", "-Infinity", "1e400", "-0", "1E-320",
            "3.4028235E38", "3.5E38"), text);
    Arbitrary<Object> labelled = Arbitraries.oneOf(Arbitraries.of("happy", "sad", "", "Happy", "angry", "happy,sad"), text)
        .map(value -> (Object) value);
    Arbitrary<Object> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(20).map(b -> (Object) b);
    return List.of(
        new Family("int", "int2", null, ConversionKind.INTEGER_TO_INTEGER, digits),
        new Family("bigint", "int4", null, ConversionKind.INTEGER_TO_INTEGER, digits),
        new Family("bigint", "int8", null, ConversionKind.INTEGER_TO_INTEGER, digits),
        new Family("tinyint", "bool", null, ConversionKind.INTEGER_TO_BOOLEAN, digits),
        new Family("decimal", "numeric", null, ConversionKind.DECIMAL_TO_NUMERIC, decimals),
        new Family("varchar", "varchar", 8, ConversionKind.TEXT_TO_TEXT, text),
        new Family("text", "text", null, ConversionKind.TEXT_TO_TEXT, text),
        new Family("char", "uuid", null, ConversionKind.TEXT_TO_UUID, uuids),
        new Family("json", "jsonb", null, ConversionKind.JSON_TO_JSON, json),
        new Family("text", "json", null, ConversionKind.TEXT_TO_JSON, json),
        new Family("datetime", "timestamp", null, ConversionKind.DATETIME_TO_TIMESTAMP, datetimes),
        new Family("datetime", "timestamptz", null, ConversionKind.DATETIME_TO_TIMESTAMPTZ, datetimes),
        new Family("date", "date", null, ConversionKind.DATE_TO_DATE, dates),
        new Family("time", "time", null, ConversionKind.TIME_TO_TIME, times),
        new Family("int", "numeric", null, ConversionKind.INTEGER_TO_NUMERIC, digits),
        // A bit column is read as its unsigned number, a YEAR as four digits (1901–2155 or 0000): only those arrive.
        new Family("bit", "bool", null, ConversionKind.BIT_TO_BOOLEAN, Arbitraries.oneOf(Arbitraries.of("0", "1", "2"),
            Arbitraries.bigIntegers().between(java.math.BigInteger.ZERO, new java.math.BigInteger("18446744073709551615"))
                .map(Object::toString))),
        new Family("bit", "int8", null, ConversionKind.BIT_TO_INTEGER, Arbitraries.bigIntegers()
            .between(java.math.BigInteger.ZERO, new java.math.BigInteger("18446744073709551615")).map(Object::toString)),
        new Family("bit", "bit", 12, ConversionKind.BIT_TO_BIT, Arbitraries.oneOf(
            Arbitraries.integers().between(0, 4095).map(Object::toString), Arbitraries.bigIntegers()
                .between(java.math.BigInteger.ZERO, new java.math.BigInteger("18446744073709551615")).map(Object::toString))),
        new Family("year", "int2", null, ConversionKind.YEAR_TO_INTEGER, Arbitraries.oneOf(Arbitraries.of("0000"),
            Arbitraries.integers().between(1901, 2155).map(Object::toString))),
        new Family("double", "float8", null, ConversionKind.FLOAT_TO_FLOAT, floats),
        new Family("float", "float4", null, ConversionKind.FLOAT_TO_FLOAT, floats),
        new Family("varchar", "mood", null, ConversionKind.TEXT_TO_ENUM, labelled, List.of("happy", "sad", "")),
        new Family("enum", "mood", null, ConversionKind.ENUM_TO_ENUM, labelled, List.of("happy", "sad", "")),
        new Family("enum", "varchar", 5, ConversionKind.ENUM_TO_TEXT, labelled.map(String::valueOf)),
        new Family("json", "text", null, ConversionKind.JSON_TO_TEXT, json),
        new Family("char", "bpchar", 8, ConversionKind.TEXT_TO_TEXT, text),
        new Family("varchar", "citext", null, ConversionKind.TEXT_TO_TEXT, text),
        new Family("varbinary", "bytea", null, ConversionKind.BINARY_TO_BYTEA, bytes, List.of()),
        new Family("binary", "uuid", null, ConversionKind.BINARY_TO_UUID,
            Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofSize(16).map(b -> (Object) b), bytes), List.of()));
  }

  @Property(tries = 6000)
  void theScanRejectsExactlyWhatExportRejectsWithExportsRule(@ForAll("cases") Case example) {
    ColumnPlan column = column(example);
    TableScan scan = new TableScan(table(column), List.of());

    List<DirtyRow> dirty = scan.check(new Object[] {"1", example.value()}, 1);
    // The plan's scan computes no canonical form it does not compare (JSON is only parsed): same verdict, same text.
    TableScan planScan = new TableScan(table(column), List.of()).canonicalOnlyFor(List.of());
    assertEquals(dirty, planScan.check(new Object[] {"1", example.value()}, 1), "the plan's scan: " + example);
    assertEquals(scan.texts()[1], planScan.texts()[1], "the plan's scan's text: " + example);
    assertEquals(scan.changes(), planScan.changes(), "the plan's scan's changes: " + example);

    String exportRule = exportVerdict(column, example.value());
    // The scan converts strict first and uses the column's policies only where strict refuses:
    // sound because a policy never changes a value strict conversion takes.
    ColumnPlan strictColumn = new ColumnPlan(column.source(), column.target(), column.conversion(), ValuePolicies.STRICT);
    Converted strictResult = converted(strictColumn, example.value());
    if (strictResult != null) {
      assertEquals(strictResult, converted(column, example.value()), "the policies change what strict takes: " + example);
    }
    if (exportRule == null) {
      assertEquals(List.of(), dirty, "export accepts " + example);
      // A value is recorded as a policy's change exactly when strict conversion refuses it.
      ColumnPlan strict = new ColumnPlan(column.source(), column.target(), column.conversion(), ValuePolicies.STRICT);
      boolean strictRefuses = example.value() != null && exportVerdict(strict, example.value()) != null
          && !"NULL in a NOT NULL column".equals(exportVerdict(strict, example.value()));
      assertEquals(strictRefuses, !scan.changes().isEmpty(), "policy change recorded for " + example + ": "
          + scan.changes());
      return;
    }
    assertEquals(1, dirty.size(), example.toString());
    DirtyRow row = dirty.get(0);
    assertEquals(exportRule, row.rule(), example.toString());
    assertEquals("id='1'", row.key());
    assertEquals("v", row.column());
    if (row.fix() != null) {
      ValuePolicies fixed = applied(example.policies(), row.fix().substring(row.fix().indexOf(':') + 1));
      ColumnPlan withFix = new ColumnPlan(column.source(), column.target(), column.conversion(), fixed);
      assertNull(exportVerdict(withFix, example.value()), "the suggested " + row.fix() + " lets " + example + " through");
    }
  }

  /**
   * Export's own path (RowDigest.forExport, as ExportTablesService calls it) against the scan, on a
   * sequence of rows of one family with the target's unique key on the value column: export refuses
   * exactly at the scan's first dirty row, with its key, column, value and rule, and writes every row
   * before it as the scan converted it.
   */
  @Property(tries = 1000)
  void exportStopsExactlyAtTheScansFirstDirtyRowUnderAUniqueKeyToo(@ForAll("rowsOfOneFamily") List<Case> examples) {
    ColumnPlan column = column(examples.get(0));
    TablePlan table = table(column);
    boolean folds = TargetType.of(column.target()).foldsCase();
    dev.converge.domain.schema.FoldedUniqueKey unique = new dev.converge.domain.schema.FoldedUniqueKey("v_key",
        List.of("v"), folds ? List.of("v") : List.of());
    MigrationPlan plan = new MigrationPlan("app", "8.0.31", "public", "17.5", "s", "t", List.of(table), List.of(),
        List.of(), LoadOrder.of(java.util.Map.of("t", java.util.Set.of())), ForeignKeyStrategy.REPLICATION_ROLE,
        List.of(new PreflightCheck("t", "v", folds ? PreflightCheck.Kind.CASE_DUPLICATE : PreflightCheck.Kind.DUPLICATE_KEY,
            column.source().dataType(), null, null, null, List.of(), null, unique, column.policies(),
            column.target().nullable(), null, null)), List.of(), List.of());
    TableScan scan = TableScan.forExport(plan, table);
    RowDigest export = RowDigest.forExport(plan, table);

    for (int i = 0; i < examples.size(); i++) {
      Object[] row = {Integer.toString(i + 1), examples.get(i).value()};
      List<DirtyRow> dirty = scan.check(row, i + 1);
      String[] scanned = scan.texts().clone();
      if (dirty.isEmpty()) {
        String[] written = export.add(row).clone();
        org.junit.jupiter.api.Assertions.assertArrayEquals(scanned, written, "row " + (i + 1));
        continue;
      }
      dev.converge.domain.failure.RowRejectedException rejected = org.junit.jupiter.api.Assertions.assertThrows(
          dev.converge.domain.failure.RowRejectedException.class, () -> export.add(row), examples.toString());
      DirtyRow first = dirty.get(0);
      assertEquals(List.of(first.table(), first.key(), first.column(), first.value(), first.rule()),
          List.of(rejected.table(), rejected.key(), rejected.column(), rejected.value(), rejected.rule()));
      return; // export stops at the first
    }
  }

  @Provide
  Arbitrary<List<Case>> rowsOfOneFamily() {
    return cases().flatMap(first -> Arbitraries.oneOf(
            Arbitraries.just(first.value()),
            cases().filter(other -> other.family().equals(first.family())).map(Case::value))
        .list().ofMinSize(1).ofMaxSize(6)
        .map(values -> values.stream().map(value -> new Case(first.family(), value, first.nullable(), first.policies()))
            .toList()));
  }

  /** The codec's result for the value, or null when it refuses it. */
  private static Converted converted(ColumnPlan column, Object value) {
    try {
      return TargetType.of(column.target()).codec(column.conversion(), column.policies()).convert(value);
    } catch (ValueRejectedException e) {
      return null;
    }
  }

  /** What export does with the value: null when it writes it, else the rule of its refusal. */
  private static String exportVerdict(ColumnPlan column, Object value) {
    try {
      Converted converted = TargetType.of(column.target()).codec(column.conversion(), column.policies()).convert(value);
      // PostgreSQL's NOT NULL refuses what export writes as NULL.
      return converted.text() == null && !column.target().nullable() ? "NULL in a NOT NULL column" : null;
    } catch (ValueRejectedException e) {
      return e.rule();
    }
  }

  private static ValuePolicies applied(ValuePolicies p, String setting) {
    return switch (setting) {
      case "nul-bytes=strip" -> new ValuePolicies(p.booleans(), p.zeroDates(), ValuePolicies.NulBytePolicy.STRIP,
          p.overlong(), p.invalidUuids());
      case "invalid-uuids=null" -> new ValuePolicies(p.booleans(), p.zeroDates(), p.nulBytes(), p.overlong(),
          ValuePolicies.InvalidUuidPolicy.NULL);
      case "zero-dates=null" -> new ValuePolicies(p.booleans(), ValuePolicies.ZeroDatePolicy.NULL, p.nulBytes(),
          p.overlong(), p.invalidUuids());
      case "booleans=nonzero-is-true" -> new ValuePolicies(ValuePolicies.BooleanPolicy.NONZERO_IS_TRUE, p.zeroDates(),
          p.nulBytes(), p.overlong(), p.invalidUuids());
      case "overlong=truncate" -> new ValuePolicies(p.booleans(), p.zeroDates(), p.nulBytes(),
          ValuePolicies.OverlongPolicy.TRUNCATE, p.invalidUuids());
      default -> throw new AssertionError("unknown setting " + setting);
    };
  }

  private static ColumnPlan column(Case example) {
    Family family = example.family();
    boolean numeric = family.targetType().equals("numeric");
    SourceColumn source = new SourceColumn("v", 2, family.sourceType(), family.sourceType(), true,
        family.length() == null ? null : 255L, numeric ? 30 : null, numeric ? 6 : null, 6, false, false, false,
        "utf8mb4_0900_ai_ci", List.of());
    TargetColumn target = new TargetColumn("v", 2, family.targetType(),
        family.targetType() + (family.length() != null ? "(" + family.length() + ")" : numeric ? "(12,2)" : ""),
        family.length(), numeric ? 12 : null, numeric ? 2 : null, example.nullable(), false, false, null, false,
        family.labels(), false);
    return new ColumnPlan(source, target, family.kind(), example.policies());
  }

  private static TablePlan table(ColumnPlan column) {
    return new TablePlan("t", "t", List.of(new ColumnPlan(SOURCE_ID, ID, ConversionKind.INTEGER_TO_INTEGER,
        ValuePolicies.STRICT), column), List.of(), List.of(), List.of("id"), 1, 0, ExistingRows.TRUNCATE, 0, false, false);
  }
}

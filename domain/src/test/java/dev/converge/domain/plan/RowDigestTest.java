package dev.converge.domain.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.domain.conversion.type.TargetType;
import dev.converge.domain.failure.RowRejectedException;
import dev.converge.domain.manifest.ContentChecksum;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.SourceTable;
import dev.converge.domain.schema.TargetColumn;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowDigestTest {

  private static final TablePlan TABLE = new MigrationPlanner(PlanSettings.defaults()).plan(
      new SourceSchema("app", "8.0.31", List.of(new SourceTable("space", List.of(
          new SourceColumn("id", 1, "char", "char(36)", false, 36L, null, null, null, false, false, false,
              "utf8mb4_0900_ai_ci", List.of()),
          new SourceColumn("isOpen", 2, "tinyint", "tinyint", false, null, 3, 0, null, false, false, false, null,
              List.of())), List.of("id"), List.of(), List.of(), 1))),
      new TargetSchema("public", "17.5", List.of(new TargetTable("space", List.of(
          new TargetColumn("id", 1, "uuid", "uuid", null, null, null, false, false, false, null, false, List.of(), false),
          new TargetColumn("isOpen", 2, "bool", "boolean", null, null, null, false, false, false, null, false, List.of(),
              false)), List.of("id"), List.of(), List.of(), List.of(), List.of()))),
      Map.of(), true).tables().get(0);
  private static final String UPPER = "0F8FAD5B-D9CB-469F-A165-70867728950E";
  private static final String LOWER = "0f8fad5b-d9cb-469f-a165-70867728950e";

  @Test
  void aRowIsConvertedAsTheCsvCarriesItAndHashedInItsCanonicalForm() {
    RowDigest digest = new RowDigest(TABLE);

    assertArrayEquals(new String[] {LOWER, "true"}, digest.add(new Object[] {UPPER, "1"}));
    assertEquals(List.of(LOWER, "t"), digest.canonicalRow());
    assertEquals(List.of(LOWER), digest.canonicalKey());

    ContentChecksum expected = new ContentChecksum();
    expected.add(List.of(LOWER, "t"));
    assertEquals(expected.hex(), digest.checksum().hex());
    assertEquals(1, digest.checksum().rows());
  }

  @Test
  void theTargetsOwnTextOfTheSameRowHashesAlike() {
    RowDigest digest = new RowDigest(TABLE);
    digest.add(new Object[] {UPPER, "1"});
    ContentChecksum target = new ContentChecksum();
    target.add(List.of(TargetType.of(TABLE.columns().get(0).target()).canonical(LOWER),
        TargetType.of(TABLE.columns().get(1).target()).canonical("t")));

    assertEquals(target.hex(), digest.checksum().hex());
  }

  @Test
  void aValueThePlanCannotConvertIsRejectedNamingTableKeyColumnValueAndRule() {
    RowDigest digest = new RowDigest(TABLE);

    RowRejectedException rejected = assertThrows(RowRejectedException.class, () -> digest.add(new Object[] {UPPER, "2"}));

    assertEquals("space", rejected.table());
    assertEquals("id='" + UPPER + "'", rejected.key());
    assertEquals("isOpen", rejected.column());
    assertEquals("'2'", rejected.value());
  }
}

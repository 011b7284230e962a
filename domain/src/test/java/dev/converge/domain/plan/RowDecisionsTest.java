package dev.converge.domain.plan;

import static dev.converge.domain.plan.SchemaFixtures.target;
import static dev.converge.domain.plan.SchemaFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.ValuePolicies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowDecisionsTest {

  private static final TablePlan ACTIVITY = new TablePlan("activity", "activity", List.of(new ColumnPlan(
      text("triggeredBy", "char", 36, false), target("triggeredBy", "uuid", false), ConversionKind.TEXT_TO_UUID,
      ValuePolicies.STRICT)), List.of(), List.of(), List.of(), 1, 0, ExistingRows.TRUNCATE, 0, false, false);

  @Test
  void aMapOnAColumnThatIsNotPlannedOrWithoutAPlaceForTheValueIsABlockerNamingIt() {
    RowDecisions decisions = new RowDecisions(Map.of(), Map.of(), Map.of(
        "activity.triggeredBy", "SELECT id FROM user WHERE nameID = 'x'",
        "activity.missing", "SELECT id FROM user WHERE nameID = ?"));

    assertEquals(List.of(
        new Blocker("activity", "missing", "--map activity.missing=lookup:SELECT id FROM user WHERE nameID = ?: no planned"
            + " source column activity.missing (give TABLE.COLUMN=lookup:SQL in source names)"),
        new Blocker("activity", "triggeredBy", "--map activity.triggeredBy=lookup:SELECT id FROM user WHERE nameID = 'x':"
            + " the lookup has no ? for the column's value")), decisions.problems(List.of(ACTIVITY)));
    assertEquals(List.of(), new RowDecisions(Map.of(), Map.of(), Map.of("activity.triggeredBy",
        "SELECT id FROM user WHERE nameID = ?")).problems(List.of(ACTIVITY)));
  }

  @Test
  void existingRowCollisionsAndUnmappedValuesAreQuarantinableAndAnOrphanNeverIs() {
    RowDecisions whole = new RowDecisions(Map.of("activity", java.util.Set.of()), Map.of());
    assertEquals(List.of(true, true, false), List.of(whole.quarantines("activity", RowDecisions.EXISTING_ROW),
        whole.quarantines("activity", RowDecisions.UNMAPPED), whole.quarantines("activity", RowDecisions.ORPHAN)));
    assertEquals(RowDecisions.UNMAPPED, RowDecisions.codeOf(RowDecisions.UNMAPPED_RULE + "no row for the value (…)"));
  }

  @Test
  void aPlanSavedBeforeMapsExistedReadsAsNoMap() {
    assertEquals(Map.of(), new RowDecisions(Map.of(), Map.of(), null).lookups());
  }
}

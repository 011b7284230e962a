package dev.converge.adapter.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.plan.DirtyRow;
import dev.converge.domain.plan.DirtyRule;
import dev.converge.domain.plan.Finding;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.MigrationPlanner;
import dev.converge.domain.plan.PlanSettings;
import dev.converge.domain.schema.ForeignKey;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.SourceTable;
import dev.converge.domain.schema.TargetColumn;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonPlanFileAdapterTest {

  @TempDir Path workDirectory;

  @Test
  void aSavedPlanLoadsBackEqualWithItsFindingsAndBlockers() {
    SourceColumn id = new SourceColumn("id", 1, "char", "char(36)", false, 36L, null, null, null, false, false, false,
        "utf8mb4_0900_ai_ci", List.of());
    SourceColumn parent = new SourceColumn("parentId", 2, "char", "char(36)", true, 36L, null, null, null, false, false,
        false, "utf8mb4_0900_ai_ci", List.of());
    SourceColumn kind = new SourceColumn("kind", 3, "enum", "enum('a','b')", false, null, null, null, null, false,
        false, false, "utf8mb4_0900_ai_ci", List.of("a", "b"));
    TargetColumn uuid = new TargetColumn("id", 1, "uuid", "uuid", null, null, null, false, false, false, null, false,
        List.of(), false);
    TargetColumn parentUuid = new TargetColumn("parentId", 2, "uuid", "uuid", null, null, null, true, false, false, null,
        false, List.of(), false);
    TargetColumn kindEnum = new TargetColumn("kind", 3, "kind_t", "kind_t", null, null, null, false, false, false, null,
        false, List.of("a", "b"), false);
    SourceSchema source = new SourceSchema("alkemio", "8.0.31", List.of(new SourceTable("space",
        List.of(id, parent, kind), List.of("id"), List.of(), List.of(), 3)));
    TargetSchema target = new TargetSchema("public", "17.5", List.of(new TargetTable("space",
        List.of(uuid, parentUuid, kindEnum), List.of("id"), List.of(),
        List.of(new ForeignKey("fk_parent", List.of("parentId"), "space", List.of("id"))), List.of(), List.of())));
    MigrationPlan plan = new MigrationPlanner(PlanSettings.defaults()).plan(source, target, Map.of("space", 2L), true);
    MigrationPlan withFindings = plan.withFindings(plan.checks().stream()
        .map(check -> new Finding(check, 1, "'x\\x00y'", true)).toList(), false)
        .withBlockers(List.of(DirtyRule.of(new DirtyRow("space", "id='x'", "parentId", "not a uuid", "'x\\x00y'",
            "--column-policy space.parentId:invalid-uuids=null")).blocker()));

    JsonPlanFileAdapter store = new JsonPlanFileAdapter(workDirectory);
    String savedAs = store.save(withFindings);

    assertTrue(savedAs.endsWith("migration_plan.json"), savedAs);
    assertEquals(withFindings, store.load().orElseThrow());
    assertTrue(withFindings.hasBlockers());
  }

  @Test
  void noPlanYetIsEmptyNotAnError() {
    assertTrue(new JsonPlanFileAdapter(workDirectory.resolve("fresh")).load().isEmpty());
  }
}

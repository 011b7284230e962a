package dev.converge.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.application.port.in.VerifyMigrationReport.Check;
import dev.converge.application.port.out.CheckTargetIntegrityPort;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The foreign-key and sequence checks verify and sync end with: run side by side, listed in plan order. */
class TargetIntegrityChecksTest {

  private static final SourceColumn ID = new SourceColumn("id", 1, "int", "int", false, null, 10, 0, null,
      false, false, false, null, List.of());
  private static final SourceColumn PARENT = new SourceColumn("parentId", 2, "int", "int", true, null, 10, 0, null,
      false, false, false, null, List.of());
  private static final TargetColumn INT_ID = new TargetColumn("id", 1, "int4", "integer", null, null, null, false, false,
      false, null, false, List.of(), false);
  private static final TargetColumn INT_PARENT = new TargetColumn("parentId", 2, "int4", "integer", null, null, null,
      true, false, false, null, false, List.of(), false);

  @Test
  void foreignKeysToOneParentKeyAreCountedTogetherGroupsRunSideBySideAndChecksAreListedInPlanOrder() {
    List<ForeignKey> keys = new ArrayList<>();
    for (String name : List.of("fk_a", "fk_b", "fk_c", "fk_d")) {
      // fk_a and fk_c point at node(id), fk_b and fk_d at node(parentId): two parent keys.
      String referenced = name.equals("fk_a") || name.equals("fk_c") ? "id" : "parentId";
      keys.add(new ForeignKey(name, List.of("parentId"), "node", List.of(referenced), "FOREIGN KEY (\"parentId\")"
          + " REFERENCES node(" + referenced + ")"));
    }
    TargetSchema target = new TargetSchema("public", "17.5", List.of(new TargetTable("node", List.of(INT_ID, INT_PARENT),
        List.of("id"), List.of(), keys, List.of(), List.of())));
    SourceSchema source = new SourceSchema("app", "8.0.31", List.of(new SourceTable("node", List.of(ID, PARENT),
        List.of("id"), List.of(), List.of(), 4)));
    MigrationPlan plan = new MigrationPlanner(PlanSettings.defaults()).plan(source, target, Map.of(), true);
    CountDownLatch twoAtOnce = new CountDownLatch(2);
    List<Boolean> metAnother = Collections.synchronizedList(new ArrayList<>());
    List<List<String>> counted = Collections.synchronizedList(new ArrayList<>());
    List<String> named = Collections.synchronizedList(new ArrayList<>());
    CheckTargetIntegrityPort port = new CheckTargetIntegrityPort() {
      @Override
      public List<Long> orphanCounts(List<Reference> references) {
        counted.add(references.stream().map(reference -> reference.foreignKey().name()).toList());
        twoAtOnce.countDown();
        try {
          // One group at a time, the first would wait here in vain.
          metAnother.add(twoAtOnce.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return references.stream().map(reference -> reference.foreignKey().name().equals("fk_c") ? 1L : 0L).toList();
      }

      @Override
      public Orphans orphans(String table, ForeignKey foreignKey, int examples) {
        named.add(foreignKey.name());
        return foreignKey.name().equals("fk_c") ? new Orphans(1, List.of("id=7")) : new Orphans(0, List.of());
      }

      @Override
      public SequenceState sequence(String table, String column, String sequence) {
        throw new AssertionError("no sequence here");
      }
    };

    List<Check> checks = new TargetIntegrityChecks(() -> target, port).run(plan, 5, 2);

    assertEquals(List.of("foreign key fk_a", "foreign key fk_b", "foreign key fk_c", "foreign key fk_d"),
        checks.stream().map(Check::name).toList());
    assertEquals(List.of(true, true, false, true), checks.stream().map(Check::passed).toList());
    assertEquals("1 orphan(s), e.g. id=7", checks.get(2).detail());
    assertEquals(List.of(true, true), metAnother);
    assertEquals(Set.of(List.of("fk_a", "fk_c"), List.of("fk_b", "fk_d")), Set.copyOf(counted),
        "one count per parent key, for all the foreign keys pointing at it");
    assertEquals(List.of("fk_c"), named, "only the foreign key with orphans is asked again, to name them");
  }

  @Test
  void aForeignKeyAloneOnItsParentKeyIsAskedOnceForItsCountAndItsOrphans() {
    ForeignKey only = new ForeignKey("fk_self", List.of("parentId"), "node", List.of("id"),
        "FOREIGN KEY (\"parentId\") REFERENCES node(id)");
    TargetSchema target = new TargetSchema("public", "17.5", List.of(new TargetTable("node", List.of(INT_ID, INT_PARENT),
        List.of("id"), List.of(), List.of(only), List.of(), List.of())));
    SourceSchema source = new SourceSchema("app", "8.0.31", List.of(new SourceTable("node", List.of(ID, PARENT),
        List.of("id"), List.of(), List.of(), 4)));
    MigrationPlan plan = new MigrationPlanner(PlanSettings.defaults()).plan(source, target, Map.of(), true);
    List<String> calls = new ArrayList<>();
    CheckTargetIntegrityPort port = new CheckTargetIntegrityPort() {
      @Override
      public List<Long> orphanCounts(List<Reference> references) {
        calls.add("counts");
        return List.of(0L);
      }

      @Override
      public Orphans orphans(String table, ForeignKey foreignKey, int examples) {
        calls.add("orphans " + examples);
        return new Orphans(2, List.of("parentId=8", "parentId=9"));
      }

      @Override
      public SequenceState sequence(String table, String column, String sequence) {
        throw new AssertionError("no sequence here");
      }
    };

    List<Check> checks = new TargetIntegrityChecks(() -> target, port).run(plan, 5, 2);

    assertEquals(List.of("orphans 5"), calls);
    assertEquals("2 orphan(s), e.g. parentId=8; parentId=9", checks.get(0).detail());
  }
}

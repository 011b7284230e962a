package dev.converge.domain.plan;

import static dev.converge.domain.plan.SchemaFixtures.target;
import static dev.converge.domain.plan.SchemaFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.schema.FoldedUniqueKey;
import dev.converge.domain.schema.ForeignKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The orphan check from the scan's own read: the parent's key hashes against the child's references,
 * both through their columns' conversions, so the target's comparison decides, not MySQL's collation.
 */
class ParentReferencesTest {

  private static ColumnPlan column(String name, String targetType, ConversionKind conversion, boolean nullable) {
    return new ColumnPlan(text(name, "varchar", 40, nullable), target(name, targetType, nullable), conversion,
        ValuePolicies.STRICT);
  }

  private static TablePlan table(String name, ColumnPlan... columns) {
    return new TablePlan(name, name, List.of(columns), List.of(), List.of(), List.of("id"), 3, 0, ExistingRows.TRUNCATE,
        0, false, false);
  }

  private static final TablePlan NAMED = table("named", column("id", "text", ConversionKind.TEXT_TO_TEXT, false));
  private static final TablePlan HOLDER = table("holder", column("id", "uuid", ConversionKind.TEXT_TO_UUID, false));
  private static final TablePlan CHILD = table("child", column("id", "text", ConversionKind.TEXT_TO_TEXT, false),
      column("nameRef", "text", ConversionKind.TEXT_TO_TEXT, true),
      column("holderRef", "uuid", ConversionKind.TEXT_TO_UUID, true));

  private static PreflightCheck primaryKey(String table, boolean folds) {
    return new PreflightCheck(table, "id", folds ? PreflightCheck.Kind.CASE_DUPLICATE : PreflightCheck.Kind.DUPLICATE_KEY,
        "varchar", null, null, null, List.of(), null,
        new FoldedUniqueKey(table + "_pkey", List.of("id"), folds ? List.of("id") : List.of()), ValuePolicies.STRICT,
        false, null, null);
  }

  private static PreflightCheck orphan(String name, String column, String parent) {
    return new PreflightCheck("child", null, PreflightCheck.Kind.ORPHAN, null, null, null, null, List.of(),
        new ForeignKey(name, List.of(column), parent, List.of("id")), new FoldedUniqueKey(name, List.of(column), List.of()),
        ValuePolicies.STRICT, false, null, null);
  }

  private static final PreflightCheck BY_NAME = orphan("fk_name", "nameRef", "named");
  private static final PreflightCheck BY_HOLDER = orphan("fk_holder", "holderRef", "holder");

  private static MigrationPlan plan(List<TablePlan> tables, List<PreflightCheck> checks) {
    return new MigrationPlan("app", "8.0.31", "public", "17.5", "s", "t", tables, List.of(), List.of(),
        LoadOrder.of(Map.of("named", Set.of(), "holder", Set.of(), "child", Set.of("named", "holder"))),
        ForeignKeyStrategy.REPLICATION_ROLE, checks, List.of(), List.of());
  }

  private static final MigrationPlan PLAN = plan(List.of(NAMED, HOLDER, CHILD),
      List.of(primaryKey("named", false), primaryKey("holder", true), primaryKey("child", false), BY_NAME, BY_HOLDER));

  /** Scans the parents, split in two parts each, then the child rows; returns the orphans per foreign key. */
  private static List<Long> orphans(List<Object[]> children) {
    ParentReferences byName = ParentReferences.of(PLAN, BY_NAME).orElseThrow();
    ParentReferences byHolder = ParentReferences.of(PLAN, BY_HOLDER).orElseThrow();
    String uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";
    for (Object[][] part : new Object[][][] {{{"abc"}}, {{"xyz"}}}) {
      TableScan named = TableScan.forExport(PLAN, NAMED);
      for (Object[] row : part) {
        named.check(row, 1);
      }
      byName.parentSeen(named.keysSeen(byName.parentKey()).orElseThrow());
    }
    TableScan holder = TableScan.forExport(PLAN, HOLDER);
    holder.check(new Object[] {uuid}, 1);
    byHolder.parentSeen(holder.keysSeen(byHolder.parentKey()).orElseThrow());
    TableScan child = TableScan.forExport(PLAN, CHILD);
    try (ParentReferences.Child names = byName.child(); ParentReferences.Child holders = byHolder.child()) {
      long position = 0;
      for (Object[] row : children) {
        child.check(row, ++position);
        names.see(child);
        holders.see(child);
      }
    }
    return List.of(byName.orphans(), byHolder.orphans());
  }

  @Test
  void aReferenceIsFoundOnlyWhenTheTargetComparesItEqualToAParentsKey() {
    String uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";
    assertEquals(List.of(0L, 0L), orphans(List.of(new Object[] {"1", "abc", uuid}, new Object[] {"2", "xyz", null})),
        "a parent's key seen by either part of its scan");
    // 'ABC' matched 'abc' under MySQL's _ci collation; PostgreSQL text tells them apart. A uuid matches
    // ignoring case, as uuid values compare.
    assertEquals(List.of(1L, 0L), orphans(List.<Object[]>of(new Object[] {"1", "ABC", uuid.toUpperCase()})));
    assertEquals(List.of(1L, 1L), orphans(List.<Object[]>of(new Object[] {"3", "gone", "7d4a1a22-1f0e-4bd8-9a55-3f0a3c0c3e11"})));
  }

  @Test
  void aNullReferencesNothingAndARejectedValueIsItsColumnsDirtyRowNotAnOrphan() {
    assertEquals(List.of(0L, 0L), orphans(List.<Object[]>of(new Object[] {"4", null, "not a uuid"})));
  }

  @Test
  void aForeignKeyWhoseParentIsNotPlannedOrHasNoCheckedKeyIsLeftToSql() {
    assertTrue(ParentReferences.of(plan(List.of(HOLDER, CHILD), PLAN.checks()), BY_NAME).isEmpty());
    assertTrue(ParentReferences.of(plan(List.of(NAMED, HOLDER, CHILD), List.of(BY_NAME)), BY_NAME).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> ParentReferences.of(PLAN, primaryKey("named", false)));
    assertEquals("references a row of named that does not exist (foreign key fk_name; MySQL had foreign-key checks off)",
        ParentReferences.rule(BY_NAME.foreignKey()));
  }
}

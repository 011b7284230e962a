package dev.converge.domain.plan;

import static dev.converge.domain.plan.SchemaFixtures.target;
import static dev.converge.domain.plan.SchemaFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.schema.FoldedUniqueKey;
import dev.converge.domain.schema.ForeignKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The orphan check beside the scan's read: the candidate parent the source's collation found is
 * compared with the child as PostgreSQL compares, through both columns' own conversions.
 */
class ParentCandidatesTest {

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
      column("nameRef", "text", ConversionKind.TEXT_TO_TEXT, true), column("holderRef", "uuid", ConversionKind.TEXT_TO_UUID, true));

  private static PreflightCheck orphan(String name, String column, String parent) {
    return new PreflightCheck("child", null, PreflightCheck.Kind.ORPHAN, null, null, null, null, List.of(),
        new ForeignKey(name, List.of(column), parent, List.of("id")), new FoldedUniqueKey(name, List.of(column), List.of()),
        ValuePolicies.STRICT, false, null, null);
  }

  private static final PreflightCheck BY_NAME = orphan("fk_name", "nameRef", "named");
  private static final PreflightCheck BY_HOLDER = orphan("fk_holder", "holderRef", "holder");
  private static final MigrationPlan PLAN = new MigrationPlan("app", "8.0.31", "public", "17.5", "s", "t",
      List.of(NAMED, HOLDER, CHILD), List.of(), List.of(),
      LoadOrder.of(Map.of("named", Set.of(), "holder", Set.of(), "child", Set.of("named", "holder"))),
      ForeignKeyStrategy.REPLICATION_ROLE, List.of(BY_NAME, BY_HOLDER), List.of(), List.of());

  /** Each child row as the source reads it: its columns, then the candidate of fk_name, then of fk_holder. */
  private static List<DirtyRow> orphans(Object[]... rows) {
    TableScan verdict = TableScan.forExport(PLAN, CHILD);
    ParentCandidates byName = new ParentCandidates(PLAN, CHILD, BY_NAME);
    ParentCandidates byHolder = new ParentCandidates(PLAN, CHILD, BY_HOLDER);
    List<DirtyRow> found = new ArrayList<>();
    long position = 0;
    for (Object[] row : rows) {
      position++;
      verdict.check(row, position);
      for (DirtyRow orphan : new DirtyRow[] {byName.check(verdict, row, 3, position), byHolder.check(verdict, row, 4, position)}) {
        if (orphan != null) {
          found.add(orphan);
        }
      }
    }
    assertEquals(found.stream().filter(row -> row.column().equals("nameRef")).count(), byName.finding().rows());
    return found;
  }

  private static final String UUID = "0f8fad5b-d9cb-469f-a165-70867728950e";

  @Test
  void aCandidateTheSourcesCollationFoundIsAParentOnlyWhenTheTargetComparesItEqual() {
    List<DirtyRow> found = orphans(
        // 'ABC' found 'abc' under a case-insensitive collation; PostgreSQL text tells them apart.
        new Object[] {"1", "ABC", UUID.toUpperCase(), "abc", UUID},
        new Object[] {"2", "abc", UUID, "abc", UUID},
        // Nothing found: an orphan, by key, with the child's value.
        new Object[] {"3", "gone", null, null, null},
        // A NULL references nothing (MATCH SIMPLE).
        new Object[] {"4", null, null, null, null});

    assertEquals(List.of(
        new DirtyRow("child", "id='1'", "nameRef", ParentCandidates.rule(BY_NAME.foreignKey()), "'ABC'", null),
        new DirtyRow("child", "id='3'", "nameRef", ParentCandidates.rule(BY_NAME.foreignKey()), "'gone'", null)), found,
        "a uuid matches ignoring case, as uuid values compare");
    assertEquals("references a row of named that does not exist (foreign key fk_name; MySQL had foreign-key checks off)",
        found.get(0).rule());
  }

  @Test
  void aChildValueItsOwnColumnRejectsIsThatColumnsDirtyRowNotAnOrphan() {
    assertEquals(List.of(), orphans(new Object[] {"1", "abc", "not a uuid", "abc", null}));
  }

  @Test
  void theReadersFindingsOfOneCheckAddUpAndKeepTheFirstExample() {
    Finding one = new Finding(BY_NAME, 2, "'ABC'", true);
    Finding other = new Finding(BY_NAME, 1, "'gone'", true);
    assertEquals(new Finding(BY_NAME, 3, "'ABC'", true), ParentCandidates.merged(one, other));
    assertEquals(new Finding(BY_NAME, 1, "'gone'", true), ParentCandidates.merged(new Finding(BY_NAME, 0, null, true), other));
    assertThrows(IllegalArgumentException.class, () -> ParentCandidates.merged(one, new Finding(BY_HOLDER, 0, null, true)));
  }

  @Test
  void onlyAnOrphanCheckOfTheTableIsAnswered() {
    assertThrows(IllegalArgumentException.class, () -> new ParentCandidates(PLAN, NAMED, BY_NAME));
    assertNull(new ParentCandidates(PLAN, CHILD, BY_NAME).finding().example());
  }
}

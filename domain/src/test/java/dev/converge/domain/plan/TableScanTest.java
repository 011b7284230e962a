package dev.converge.domain.plan;

import static dev.converge.domain.plan.SchemaFixtures.target;
import static dev.converge.domain.plan.SchemaFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.schema.FoldedUniqueKey;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.TargetColumn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableScanTest {

  private static final SourceColumn ID = SchemaFixtures.source("id", "int", "int", false);
  private static final TargetColumn TARGET_ID = target("id", "int4", false);

  private static TablePlan table(List<String> primaryKey, ColumnPlan... more) {
    List<ColumnPlan> columns = new ArrayList<>();
    columns.add(new ColumnPlan(ID, TARGET_ID, ConversionKind.INTEGER_TO_INTEGER, ValuePolicies.STRICT));
    columns.addAll(List.of(more));
    return new TablePlan("user", "user", columns, List.of(), List.of(), primaryKey, 3, 0, ExistingRows.TRUNCATE, 0, false,
        false);
  }

  private static ColumnPlan uuid(String name, boolean nullable) {
    return new ColumnPlan(text(name, "char", 36, true), target(name, "uuid", nullable), ConversionKind.TEXT_TO_UUID,
        ValuePolicies.STRICT);
  }

  private static ColumnPlan bio() {
    return new ColumnPlan(text("bio", "text", 65535, true), target("bio", "text", true), ConversionKind.TEXT_TO_TEXT,
        ValuePolicies.STRICT);
  }

  @Test
  void eachRejectedValueIsOneDirtyRowNamedByKeyWithTheRuleTheValueAndTheFix() {
    TableScan scan = new TableScan(table(List.of("id"), bio(), uuid("ref", true), uuid("owner", false)), List.of());

    List<DirtyRow> dirty = scan.check(new Object[] {"42", "a\u0000b\\x00", "NULL", null}, 1);

    assertEquals(3, dirty.size(), dirty.toString());
    assertEquals(new DirtyRow("user", "id='42'", "bio",
        "contains a NUL character, which PostgreSQL text cannot hold (policy nul-bytes: strip)", "'a\\x00b\\\\x00'",
        "--column-policy user.bio:nul-bytes=strip"), dirty.get(0));
    assertEquals("'NULL'", dirty.get(1).value(), "the text NULL, quoted");
    assertEquals("--column-policy user.ref:invalid-uuids=null", dirty.get(1).fix());
    assertEquals(new DirtyRow("user", "id='42'", "owner", "NULL in a NOT NULL column", "NULL", null), dirty.get(2));
    assertEquals(List.of(), scan.check(new Object[] {"43", "", null, "7d4a1a22-1f0e-4bd8-9a55-3f0a3c0c3e11"}, 2));
  }

  @Test
  void aValueAColumnPolicyChangedIsRecordedWithTheSettingAndTheStrictRuleAndAnUnchangedOneIsNot() {
    ValuePolicies strip = new ValuePolicies(ValuePolicies.BooleanPolicy.REJECT, ValuePolicies.ZeroDatePolicy.REJECT,
        ValuePolicies.NulBytePolicy.STRIP, ValuePolicies.OverlongPolicy.TRUNCATE, ValuePolicies.InvalidUuidPolicy.NULL);
    ColumnPlan bio = new ColumnPlan(text("bio", "text", 65535, true), target("bio", "text", true),
        ConversionKind.TEXT_TO_TEXT, strip);
    ColumnPlan ref = new ColumnPlan(text("ref", "char", 36, true), target("ref", "uuid", true),
        ConversionKind.TEXT_TO_UUID, strip);
    TableScan scan = new TableScan(table(List.of("id"), bio, ref), List.of());

    assertEquals(List.of(), scan.check(new Object[] {"1", "a\u0000b", "nameid"}, 1));
    assertEquals(List.of(
        new ValueChange("user", "id='1'", "bio", "'a\\x00b'", "'ab'",
            "policy: nul-bytes=strip: contains a NUL character, which PostgreSQL text cannot hold (policy nul-bytes: strip)"),
        new ValueChange("user", "id='1'", "ref", "'nameid'", "NULL",
            "policy: invalid-uuids=null: not a uuid (8-4-4-4-12 hex digits) (policy invalid-uuids: null)")), scan.changes());
    assertEquals("policy: nul-bytes=strip", scan.changes().get(0).decision());

    assertEquals(List.of(), scan.check(new Object[] {"2", "plain", "7D4A1A22-1F0E-4BD8-9A55-3F0A3C0C3E11"}, 2));
    assertEquals(List.of(), scan.changes(), "a value the strict codec takes as well is not a policy's change");
  }

  @Test
  void anInvalidUuidInANotNullColumnHasNoPolicyFix() {
    TableScan scan = new TableScan(table(List.of("id"), uuid("owner", false)), List.of());
    DirtyRow row = scan.check(new Object[] {"1", "nameid"}, 1).get(0);
    assertNull(row.fix(), row.toString());
  }

  @Test
  void aRepeatedKeyIsReportedOnEveryRowAfterTheFirstComparingUuidsIgnoringCaseAndNeverNulls() {
    TableScan scan = new TableScan(table(List.of("id"), uuid("ref", true)),
        List.of(new FoldedUniqueKey("id", List.of("id"), List.of()), new FoldedUniqueKey("ref", List.of("ref"), List.of("ref"))));
    String lower = "7d4a1a22-1f0e-4bd8-9a55-3f0a3c0c3e11";

    assertEquals(List.of(), scan.check(new Object[] {"1", lower}, 1));
    assertEquals(List.of(), scan.check(new Object[] {"2", null}, 2));
    assertEquals(List.of(), scan.check(new Object[] {"3", null}, 3), "PostgreSQL lets NULLs repeat under a unique key");
    List<DirtyRow> upper = scan.check(new Object[] {"4", lower.toUpperCase(java.util.Locale.ROOT)}, 4);
    assertEquals(1, upper.size(), upper.toString());
    assertEquals("id='4'", upper.get(0).key());
    assertEquals("ref", upper.get(0).column());
    assertEquals("repeats an earlier row's value under the target's unique key ref (ref), compared ignoring case as the"
        + " target does", upper.get(0).rule());
    List<DirtyRow> id = scan.check(new Object[] {"1", null}, 5);
    assertEquals("repeats an earlier row's value under the target's unique key id (id)", id.get(0).rule());
  }

  @Test
  void aTableWithoutPrimaryKeyNamesRowsByPosition() {
    TableScan scan = new TableScan(table(List.of(), uuid("ref", true)), List.of());
    assertEquals("#7 (no primary key)", scan.check(new Object[] {"1", "x"}, 7).get(0).key());
  }

  @Test
  void rulesGroupOverALeadingCountAndSummariseCountKeysAndFix() {
    DirtyRow first = new DirtyRow("user", "id='1'", "name", "37 characters, longer than varchar(36)", "'…'", null);
    DirtyRow second = new DirtyRow("user", "id='2'", "name", "40 characters, longer than varchar(36)", "'…'", null);
    assertEquals(DirtyRule.groupOf(first.rule()), DirtyRule.groupOf(second.rule()));
    DirtyRule rule = DirtyRule.of(first).plus(second);
    assertEquals(2, rule.rows());
    assertEquals("2 row(s): longer than varchar(36); keys id='1' | id='2' (all in dirty_rows.csv); no"
        + " policy fixes it: correct the rows in the source, set the rows aside with --quarantine user:invalid-value, or"
        + " exclude the table", rule.summary());
  }

  @Test
  void aSourceRowRepeatingAUniqueKeyTheTargetAlreadyHoldsIsDirtyButUnderMergeThePrimaryKeyIsTheMerge() {
    ColumnPlan name = new ColumnPlan(text("name", "varchar", 32, false), target("name", "text", false),
        ConversionKind.TEXT_TO_TEXT, ValuePolicies.STRICT);
    TablePlan kept = new TablePlan("identity_credential_types", "identity_credential_types",
        List.of(new ColumnPlan(ID, TARGET_ID, ConversionKind.INTEGER_TO_INTEGER, ValuePolicies.STRICT), name), List.of(),
        List.of(), List.of("id"), 3, 2, ExistingRows.MERGE_BY_PRIMARY_KEY, 0, false, false);
    List<FoldedUniqueKey> keys = List.of(new FoldedUniqueKey("id", List.of("id"), List.of()),
        new FoldedUniqueKey("name", List.of("name"), List.of()));
    TableScan merge = new TableScan(kept, keys);
    merge.existingRow(new String[] {"1", "password"}, true);
    merge.existingRow(new String[] {"2", "oidc"}, true);

    assertEquals(List.of(), merge.check(new Object[] {"1", "password"}, 1), "the same row again is the merge");
    List<DirtyRow> moved = merge.check(new Object[] {"7", "oidc"}, 2);

    assertEquals(1, moved.size(), moved.toString());
    assertEquals("id='7'", moved.get(0).key());
    assertEquals("name", moved.get(0).column());
    assertEquals("collides with a row the target already holds under its unique key name (name), kept by"
        + " --existing-rows merge-by-primary-key", moved.get(0).rule());
    assertEquals("--existing-rows identity_credential_types=truncate", moved.get(0).fix());
    assertEquals(RowDecisions.EXISTING_ROW, RowDecisions.codeOf(moved.get(0)));

    TableScan keep = new TableScan(kept, keys);
    keep.existingRow(new String[] {"1", "password"}, false);
    assertEquals("collides with a row the target already holds under its unique key id (id), kept by"
        + " --existing-rows merge-by-primary-key", keep.check(new Object[] {"1", "webauthn"}, 1).get(0).rule(),
        "without the merge the primary key collides too");
  }

  @Test
  void underMergeASourceRowWhoseKeyTheTargetKeepsWithOtherContentIsADecidedDirtyRowPerDifferingValueAndAnIdenticalOneIsNothing() {
    ColumnPlan name = new ColumnPlan(text("name", "varchar", 32, false), target("name", "text", false),
        ConversionKind.TEXT_TO_TEXT, ValuePolicies.STRICT);
    TablePlan kept = new TablePlan("identity_credential_types", "identity_credential_types",
        List.of(new ColumnPlan(ID, TARGET_ID, ConversionKind.INTEGER_TO_INTEGER, ValuePolicies.STRICT), name, bio()),
        List.of(), List.of(), List.of("id"), 3, 2, ExistingRows.MERGE_BY_PRIMARY_KEY, 0, false, false);
    TableScan merge = new TableScan(kept, List.of(new FoldedUniqueKey("id", List.of("id"), List.of())));
    merge.existingRow(new String[] {"1", "password", null}, true);
    merge.existingRow(new String[] {"2", "oidc", "seed"}, true);
    List<List<String>> asked = new ArrayList<>();
    merge.keptRows((keyTexts, keyCanonicals) -> {
      asked.add(keyTexts);
      return keyTexts.equals(List.of("2")) ? new String[] {"2", "oidc", "seed"} : null;
    });

    assertEquals(List.of(), merge.check(new Object[] {"1", "password", null}, 1), "the same row: nothing to record");
    assertEquals(List.of(), merge.merged());
    assertEquals(List.of(), merge.check(new Object[] {"3", "totp", null}, 2), "a key the target does not hold");
    assertEquals(List.of(), asked, "only a differing row is read back from the target");

    List<DirtyRow> differing = merge.check(new Object[] {"2", "OIDC", "seed"}, 3);

    assertEquals(List.of(List.of("2")), asked);
    assertEquals(List.of(new DirtyRow("identity_credential_types", "id='2'", "name", TableScan.MERGED_RULE,
        "'OIDC' (the target keeps 'oidc')", null)), differing);
    assertEquals(List.of(new ValueChange("identity_credential_types", "id='2'", "name", "'OIDC'", "'oidc'",
        TableScan.MERGED_RULE)), merge.merged());
    assertEquals(RowDecisions.MERGED, RowDecisions.codeOf(differing.get(0)));
    assertEquals(RowDecisions.MERGED, new ValueChange("t", "k", "c", "a", "b", TableScan.MERGED_RULE).decision());
    RowDecisions all = new RowDecisions(java.util.Map.of("identity_credential_types", java.util.Set.of()),
        java.util.Map.of());
    assertEquals(false, all.quarantines("identity_credential_types", RowDecisions.MERGED), "a merge is never quarantined");
    assertEquals(true, RowDecisions.NONE.decides("identity_credential_types", RowDecisions.MERGED), "nor a blocker");
  }

  @Test
  void theLoadedValuesAreTheMapsAnswersAndTheDefaultsNotTheSourcesValues() {
    ColumnPlan owner = uuid("owner", false);
    TablePlan mapped = table(List.of("id"), owner, uuid("ref", false));
    RowDecisions decisions = new RowDecisions(java.util.Map.of(), java.util.Map.of("user.ref",
        "7d4a1a22-1f0e-4bd8-9a55-3f0a3c0c3e11"), java.util.Map.of("user.owner", "SELECT id FROM u WHERE name = ?"));
    TableScan scan = new TableScan(mapped, List.of(), decisions,
        (sql, value) -> value.equals("alice") ? List.of("0b9c1f6e-3a52-4c1e-9d0e-5a8f7f1c2b33") : List.of());

    assertEquals(List.of(), scan.check(new Object[] {"1", "alice", null}, 1));
    assertEquals(List.of("1", "0b9c1f6e-3a52-4c1e-9d0e-5a8f7f1c2b33", "7d4a1a22-1f0e-4bd8-9a55-3f0a3c0c3e11"),
        java.util.Arrays.asList(scan.loaded()));
    assertEquals(1, scan.check(new Object[] {"2", "bob", null}, 2).size(), "bob cannot be mapped");
    assertNull(scan.loaded()[1], "a value its map cannot map references nothing");
  }
}

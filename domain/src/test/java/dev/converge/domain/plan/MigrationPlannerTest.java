package dev.converge.domain.plan;

import static dev.converge.domain.plan.SchemaFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.TargetFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.type.TypeMappingRules;
import dev.converge.domain.schema.FoldedUniqueKey;
import dev.converge.domain.schema.ForeignKey;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.SourceTable;
import dev.converge.domain.schema.TargetColumn;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationPlannerTest {

  private static final SourceColumn ID = source("id", "int", "int", false);
  private static final TargetColumn TARGET_ID = target("id", "int4", false);

  private static MigrationPlan plan(SourceSchema source, TargetSchema target) {
    return new MigrationPlanner(PlanSettings.defaults()).plan(source, target, Map.of(), true);
  }

  /** Plans one column pair in a table {@code t} keyed by {@code id}. */
  private static MigrationPlan planColumn(SourceColumn source, TargetColumn target) {
    return plan(sourceSchema(sourceTable("t", List.of(ID, source), List.of())),
        targetSchema(targetTable("t", List.of(TARGET_ID, target), List.of())));
  }

  static Stream<TypeMappingRules.Rule> rules() {
    return TypeMappingRules.rules().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void everyRuleOfTheMappingTableIsChosenForItsTypePair(TypeMappingRules.Rule rule) {
    MigrationPlan plan = planColumn(representative(rule.source()), representative(rule.target()));
    assertFalse(plan.hasBlockers(), plan.blockers().toString());
    assertEquals(rule.conversion(), plan.table("t").orElseThrow().columns().get(1).conversion());
  }

  @Test
  void aBareTinyintBecomesBooleanOnlyBecauseTheTargetIsBoolean() {
    SourceColumn flag = source("isPrivate", "tinyint", "tinyint", false);
    assertEquals(ConversionKind.INTEGER_TO_BOOLEAN,
        planColumn(flag, target("isPrivate", "bool", false)).table("t").orElseThrow().columns().get(1).conversion());
    assertEquals(ConversionKind.INTEGER_TO_INTEGER,
        planColumn(flag, target("isPrivate", "int2", false)).table("t").orElseThrow().columns().get(1).conversion());
  }

  @Test
  void anIncompatiblePairIsABlockerNamingTableColumnAndTypes() {
    MigrationPlan plan = planColumn(text("title", "varchar", 100, false), target("title", "int4", false));
    assertEquals(1, plan.blockers().size());
    Blocker blocker = plan.blockers().get(0);
    assertEquals("t", blocker.table());
    assertEquals("title", blocker.column());
    assertTrue(blocker.reason().contains("varchar(100)") && blocker.reason().contains("int4"), blocker.reason());
  }

  @Test
  void columnsAreMatchedByNameNeverByPosition() {
    SourceColumn a = text("a", "varchar", 10, false);
    SourceColumn b = source("b", "int", "int", false);
    MigrationPlan plan = plan(sourceSchema(sourceTable("t", List.of(ID, a, b), List.of())),
        targetSchema(targetTable("t", List.of(TARGET_ID, target("b", "int4", false), varchar("a", 10, false)), List.of())));
    List<ColumnPlan> columns = plan.table("t").orElseThrow().columns();
    assertEquals(List.of("id", "b", "a"), columns.stream().map(c -> c.target().name()).toList(), "target column order");
    assertEquals(List.of("id", "b", "a"), columns.stream().map(c -> c.source().name()).toList());
  }

  @Test
  void aNameThatDiffersOnlyInCaseMatchesWhenItIsTheOnlyCandidate() {
    MigrationPlan plan = planColumn(source("createdDate", "datetime", "datetime(6)", false),
        target("createddate", "timestamp", false));
    assertFalse(plan.hasBlockers(), plan.blockers().toString());
    assertEquals("createddate", plan.table("t").orElseThrow().columns().get(1).target().name());
  }

  @Test
  void snakeCaseTargetNamesMatchWhenTheOnlyCandidateAndAnExactNameAlwaysWins() {
    // An ORM's snake-case naming strategy on PostgreSQL: ExternalRef → external_ref, UserProfile → user_profile.
    MigrationPlan plan = plan(sourceSchema(sourceTable("UserProfile", List.of(ID, text("ExternalRef", "varchar", 40, false)),
            List.of())),
        targetSchema(targetTable("user_profile", List.of(TARGET_ID, varchar("external_ref", 40, false)), List.of())));
    assertFalse(plan.hasBlockers(), plan.blockers().toString());
    TablePlan table = plan.table("UserProfile").orElseThrow();
    assertEquals("user_profile", table.targetTable());
    assertEquals("external_ref", table.columns().get(1).target().name());

    MigrationPlan both = plan(sourceSchema(sourceTable("t", List.of(ID, text("ExternalRef", "varchar", 40, false),
            text("external_ref", "varchar", 40, false)), List.of())),
        targetSchema(targetTable("t", List.of(TARGET_ID, varchar("external_ref", 40, false)), List.of())));
    assertEquals(1, both.blockers().size(), both.blockers().toString());
    assertEquals("ExternalRef", both.blockers().get(0).column());
    assertTrue(both.blockers().get(0).reason().startsWith("no target column of this name"), both.blockers().toString());
  }

  @Test
  void aBlockedSourceColumnIsNotAlsoReportedAsATargetColumnNobodyFills() {
    MigrationPlan plan = planColumn(source("Flags", "geometry", "geometry", false), target("flags", "int4", false));
    assertEquals(1, plan.blockers().size(), plan.blockers().toString());
    assertTrue(plan.table("t").map(t -> t.defaultedTargetColumns().isEmpty()).orElse(true));
  }

  @Test
  void anAmbiguousCaseInsensitiveMatchIsABlocker() {
    MigrationPlan plan = plan(sourceSchema(sourceTable("t", List.of(ID, text("NAME", "varchar", 5, true)), List.of())),
        targetSchema(targetTable("t", List.of(TARGET_ID, varchar("Name", 5, true), varchar("name", 5, true)), List.of())));
    assertTrue(plan.blockers().stream().anyMatch(b -> "NAME".equals(b.column())), plan.blockers().toString());
  }

  @Test
  void aSourceOnlyColumnIsABlockerUnlessIgnoredOrGenerated() {
    SourceTable source = sourceTable("t", List.of(ID, text("legacy", "varchar", 5, true), generated("fullName")), List.of());
    TargetTable target = targetTable("t", List.of(TARGET_ID), List.of());
    MigrationPlan strict = plan(sourceSchema(source), targetSchema(target));
    assertEquals(List.of("legacy"), strict.blockers().stream().map(Blocker::column).toList());
    assertTrue(strict.blockers().get(0).reason().contains("--ignore-column "));

    PlanSettings ignoring = new PlanSettings(PlanSettings.DEFAULT_EXCLUSIONS, Set.of("t.legacy"), ValuePolicies.STRICT,
        Map.of(), Map.of());
    MigrationPlan planned = new MigrationPlanner(ignoring).plan(sourceSchema(source), targetSchema(target), Map.of(), true);
    assertFalse(planned.hasBlockers(), planned.blockers().toString());
    assertEquals(Set.of("legacy", "fullName"),
        Set.copyOf(planned.table("t").orElseThrow().skippedSourceColumns().stream().map(SkippedColumn::column).toList()));
  }

  @Test
  void aTargetOnlyColumnMustBeNullableOrHaveADefault() {
    SourceTable source = sourceTable("t", List.of(ID), List.of());
    MigrationPlan plan = plan(sourceSchema(source), targetSchema(targetTable("t", List.of(TARGET_ID,
        target("note", "text", true), withDefault(target("version", "int4", false)), target("required", "text", false)),
        List.of())));
    assertEquals(List.of("required"), plan.blockers().stream().map(Blocker::column).toList());
    assertEquals(List.of("note", "version"),
        plan.table("t").orElseThrow().defaultedTargetColumns().stream().map(SkippedColumn::column).toList());
  }

  @Test
  void aColumnTheTargetGeneratesIsNeverLoaded() {
    MigrationPlan plan = plan(sourceSchema(sourceTable("t", List.of(ID, text("fullName", "varchar", 50, true)), List.of())),
        targetSchema(targetTable("t", List.of(TARGET_ID, generatedTarget("fullName"), generatedTarget("initials")), List.of())));
    assertFalse(plan.hasBlockers(), plan.blockers().toString());
    TablePlan table = plan.table("t").orElseThrow();
    assertEquals(List.of("id"), table.columns().stream().map(c -> c.target().name()).toList());
    assertEquals(List.of("fullName"), table.skippedSourceColumns().stream().map(SkippedColumn::column).toList());
    assertEquals(List.of("initials"), table.defaultedTargetColumns().stream().map(SkippedColumn::column).toList());
  }

  @Test
  void anIgnoredSourceColumnThatANotNullTargetColumnNeedsIsStillABlocker() {
    PlanSettings ignoring = new PlanSettings(Map.of(), Set.of("t.required"), ValuePolicies.STRICT, Map.of(), Map.of());
    MigrationPlan plan = new MigrationPlanner(ignoring).plan(
        sourceSchema(sourceTable("t", List.of(ID, text("required", "text", 65535, false)), List.of())),
        targetSchema(targetTable("t", List.of(TARGET_ID, target("required", "text", false)), List.of())), Map.of(), true);
    assertEquals(List.of("required"), plan.blockers().stream().map(Blocker::column).toList());
  }

  @Test
  void aSourceOnlyTableIsABlockerAndTheKnownHistoryTablesAreExcludedWithTheirReason() {
    MigrationPlan plan = plan(sourceSchema(sourceTable("t", List.of(ID), List.of()),
            sourceTable("orphaned_feature", List.of(ID), List.of()), sourceTable("migrations_typeorm", List.of(ID), List.of()),
            sourceTable("query-result-cache", List.of(ID), List.of())),
        targetSchema(targetTable("t", List.of(TARGET_ID), List.of()), targetTable("migrations_typeorm", List.of(TARGET_ID), List.of())));
    assertEquals(List.of("orphaned_feature"), plan.blockers().stream().map(Blocker::table).toList());
    assertTrue(plan.blockers().get(0).reason().contains("--exclude-table "));
    assertEquals(Set.of("migrations_typeorm", "query-result-cache"),
        Set.copyOf(plan.excluded().stream().map(ExcludedTable::table).toList()));
    assertTrue(plan.excluded().stream().allMatch(e -> !e.reason().isBlank()));
    assertEquals(List.of("migrations_typeorm"), plan.targetTablesNotLoaded());
  }

  @Test
  void anEnumWhoseTargetLacksASourceLabelIsABlockerListingTheLabels() {
    MigrationPlan plan = planColumn(enumColumn("status", List.of("active", "archived", "deleted")),
        enumTarget("status", List.of("active", "archived")));
    assertEquals(1, plan.blockers().size());
    assertTrue(plan.blockers().get(0).reason().contains("[deleted]"), plan.blockers().get(0).reason());
  }

  @Test
  void typesThatCannotBeConvertedAreBlockers() {
    assertTrue(planColumn(bits("flags", 8), target("flags", "bool", false)).hasBlockers(), "bit(8) → boolean");
    assertTrue(planColumn(binary("key", "varbinary", 32), target("key", "uuid", false)).hasBlockers(), "varbinary(32) → uuid");
    assertTrue(planColumn(source("shape", "geometry", "geometry", true), target("shape", "bytea", true)).hasBlockers());
    assertTrue(planColumn(text("tags", "text", 65535, true), arrayTarget("tags")).hasBlockers());
    assertTrue(planColumn(source("ratio", "double", "double", true), target("ratio", "float4", true)).hasBlockers(),
        "double → real loses precision");
  }

  @Test
  void aSettingThatNamesNoRealTableOrColumnIsABlockerNotSilentlyIgnored() {
    PlanSettings typos = new PlanSettings(Map.of("legacy_audti", "retired"), Set.of("t.nmae"), ValuePolicies.STRICT,
        Map.of("t.bio", ValuePolicies.STRICT), Map.of("identity_credential_type", ExistingRows.MERGE_BY_PRIMARY_KEY));
    MigrationPlan plan = new MigrationPlanner(typos).plan(sourceSchema(sourceTable("t", List.of(ID), List.of())),
        targetSchema(targetTable("t", List.of(TARGET_ID), List.of())), Map.of(), true);
    assertEquals(Set.of("legacy_audti", "t.nmae", "t.bio", "identity_credential_type"), Set.copyOf(plan.blockers().stream()
        .map(b -> b.column() == null ? b.table() : b.table() + "." + b.column()).toList()), plan.blockers().toString());
  }

  @Test
  void mergeByPrimaryKeyNeedsAPrimaryKey() {
    TargetTable keyless = new TargetTable("t", List.of(TARGET_ID), List.of(), List.of(), List.of(), List.of(), List.of());
    PlanSettings merging = new PlanSettings(Map.of(), Set.of(), ValuePolicies.STRICT, Map.of(),
        Map.of("t", ExistingRows.MERGE_BY_PRIMARY_KEY));
    MigrationPlan plan = new MigrationPlanner(merging).plan(sourceSchema(sourceTable("t", List.of(ID), List.of())),
        targetSchema(keyless), Map.of("t", 4L), true);
    assertTrue(plan.blockers().get(0).reason().contains("no primary key"), plan.blockers().toString());
    assertEquals(4, plan.table("t").orElseThrow().existingRows());
  }

  @Test
  void preExistingTargetRowsAreReportedAndTruncatedByDefault() {
    MigrationPlan plan = new MigrationPlanner(PlanSettings.defaults()).plan(
        sourceSchema(sourceTable("t", List.of(ID), List.of())), targetSchema(targetTable("t", List.of(TARGET_ID), List.of())),
        Map.of("t", 7L), false);
    TablePlan table = plan.table("t").orElseThrow();
    assertEquals(7, table.existingRows());
    assertEquals(ExistingRows.TRUNCATE, table.existingRowsHandling());
    assertEquals(ForeignKeyStrategy.DROP_AND_RECREATE, plan.foreignKeyStrategy());
  }

  @Test
  void valuesAreLeftToTheDataScanAndOnlyKeysAndOrphansBecomeChecks() {
    // What a single value breaks is found by the data scan through export's own codec, never by a SQL twin.
    assertChecks(source("n", "int", "int unsigned", true), target("n", "int4", false), PreflightCheck.Kind.DUPLICATE_KEY);
    assertChecks(text("s", "varchar", 255, false), varchar("s", 100, false), PreflightCheck.Kind.DUPLICATE_KEY);
    assertChecks(text("u", "char", 36, false), target("u", "uuid", false), PreflightCheck.Kind.DUPLICATE_KEY);
    // A target unique key over a uuid: compared ignoring case, whatever the source collation.
    assertChecksWithUniqueKey(withCollation(text("u", "char", 36, false), "utf8mb4_bin"), target("u", "uuid", false),
        PreflightCheck.Kind.DUPLICATE_KEY, PreflightCheck.Kind.CASE_DUPLICATE);
    assertChecksWithUniqueKey(text("u", "char", 36, false), target("u", "uuid", false),
        PreflightCheck.Kind.DUPLICATE_KEY, PreflightCheck.Kind.CASE_DUPLICATE);
  }

  @Test
  void aColumnPolicyThatWouldWriteNullIntoANotNullColumnIsRefusedNamingTheColumn() {
    ValuePolicies uuidsToNull = new ValuePolicies(ValuePolicies.BooleanPolicy.REJECT, ValuePolicies.ZeroDatePolicy.REJECT,
        ValuePolicies.NulBytePolicy.REJECT, ValuePolicies.OverlongPolicy.REJECT, ValuePolicies.InvalidUuidPolicy.NULL);
    ValuePolicies datesToNull = new ValuePolicies(ValuePolicies.BooleanPolicy.REJECT, ValuePolicies.ZeroDatePolicy.NULL,
        ValuePolicies.NulBytePolicy.REJECT, ValuePolicies.OverlongPolicy.REJECT, ValuePolicies.InvalidUuidPolicy.REJECT);
    PlanSettings settings = new PlanSettings(Map.of(), Set.of(), ValuePolicies.STRICT,
        Map.of("t.u", uuidsToNull, "t.d", datesToNull, "t.nu", uuidsToNull), Map.of());
    SourceTable table = sourceTable("t", List.of(ID, text("u", "char", 36, false),
        source("d", "datetime", "datetime", false), text("nu", "char", 36, true)), List.of());
    TargetTable target = targetTable("t", List.of(TARGET_ID, target("u", "uuid", false), target("d", "timestamp", false),
        target("nu", "uuid", true)), List.of());
    MigrationPlan plan = new MigrationPlanner(settings).plan(sourceSchema(table), targetSchema(target), Map.of(), true);

    assertEquals(List.of("u", "d"), plan.blockers().stream().map(Blocker::column).toList(), plan.blockers().toString());
    assertTrue(plan.blockers().get(0).reason().contains("t.u:invalid-uuids=null cannot apply")
        && plan.blockers().get(0).reason().contains("NOT NULL"), plan.blockers().get(0).reason());
    assertTrue(plan.blockers().get(1).reason().contains("t.d:zero-dates=null"), plan.blockers().get(1).reason());

    // The same choice as the global default is not the operator's decision for this column: not refused.
    PlanSettings global = new PlanSettings(Map.of(), Set.of(), uuidsToNull, Map.of(), Map.of());
    assertFalse(new MigrationPlanner(global).plan(sourceSchema(table), targetSchema(target), Map.of(), true).hasBlockers());
  }

  @Test
  void aTargetUniqueIndexOnLowerCasedTextIsCheckedForCaseDuplicatesInSourceNames() {
    SourceColumn via = text("via", "varchar", 16, false);
    SourceColumn value = text("Value", "varchar", 255, false);
    TargetTable target = new TargetTable("address", List.of(TARGET_ID, varchar("via", 16, false), varchar("value", 255, false)),
        List.of("id"), List.of(), List.of(), List.of(),
        List.of(new FoldedUniqueKey("uq_lower", List.of("via", "value"), List.of("value"))));
    MigrationPlan plan = plan(sourceSchema(sourceTable("address", List.of(ID, via, value), List.of())), targetSchema(target));
    PreflightCheck check = plan.checks().stream().filter(c -> c.kind() == PreflightCheck.Kind.CASE_DUPLICATE)
        .findFirst().orElseThrow();
    assertEquals("Value", check.column());
    assertEquals(List.of("via", "Value"), check.uniqueKey().columns());
    assertEquals(List.of("Value"), check.uniqueKey().foldedColumns());
  }

  @Test
  void everyTargetKeyIsCheckedAndTheCaseFoldingColumnsAreNamed() {
    SourceColumn uuidText = text("u", "char", 36, false);
    TargetTable target = new TargetTable("t", List.of(TARGET_ID, target("u", "uuid", false)), List.of("id"),
        List.of(List.of("u")), List.of(), List.of(), List.of());
    java.util.function.Function<SourceColumn, List<PreflightCheck>> checks = column -> plan(
        sourceSchema(new SourceTable("t", List.of(ID, column), List.of("id"), List.of(List.of("u")), List.of(), 1)),
        targetSchema(target)).checks();
    for (SourceColumn column : List.of(uuidText, withCollation(uuidText, "utf8mb4_bin"))) {
      List<PreflightCheck> found = checks.apply(column);
      assertEquals(List.of(PreflightCheck.Kind.DUPLICATE_KEY, PreflightCheck.Kind.CASE_DUPLICATE),
          found.stream().map(PreflightCheck::kind).toList());
      assertEquals(List.of("u"), found.get(1).uniqueKey().foldedColumns());
      assertEquals(List.of(), found.get(0).uniqueKey().foldedColumns());
    }
  }

  @Test
  void aGeneratedMySqlColumnIsCopiedWhenTheTargetStoresItAsAPlainColumn() {
    SourceColumn generatedName = generated("fullName");
    MigrationPlan plan = planColumn(generatedName, varchar("fullName", 255, true));
    assertEquals(List.of("id", "fullName"), plan.table("t").orElseThrow().columns().stream()
        .map(c -> c.target().name()).toList());
    assertTrue(plan.table("t").orElseThrow().defaultedTargetColumns().isEmpty());
  }

  @Test
  void everyTargetForeignKeyIsCheckedForOrphansInSourceNames() {
    SourceTable parent = sourceTable("space", List.of(ID), List.of());
    SourceTable child = sourceTable("callout", List.of(ID, source("SpaceID", "int", "int", true)), List.of());
    TargetTable targetParent = targetTable("space", List.of(TARGET_ID), List.of());
    TargetTable targetChild = targetTable("callout", List.of(TARGET_ID, target("spaceId", "int4", true)),
        List.of(new ForeignKey("FK_callout_space", List.of("spaceId"), "space", List.of("id"))));
    MigrationPlan plan = plan(sourceSchema(parent, child), targetSchema(targetParent, targetChild));
    PreflightCheck orphan = plan.checks().stream().filter(c -> c.kind() == PreflightCheck.Kind.ORPHAN).findFirst().orElseThrow();
    assertEquals("callout", orphan.table());
    assertEquals(List.of("SpaceID"), orphan.foreignKey().columns());
    assertEquals("space", orphan.foreignKey().referencedTable());
  }

  @Test
  void aCheckThatRanOutOfTimeBlocksUnlessTheOperatorAcceptsUncheckedData() {
    MigrationPlan plan = planColumn(text("u", "char", 36, false), target("u", "uuid", false));
    Finding unfinished = new Finding(plan.checks().get(0), 0, null, false);
    Finding completed = new Finding(plan.checks().get(0), 3, "'x'", true);
    assertFalse(plan.withFindings(List.of(completed), false).hasBlockers(), "found orphans block by key, as dirty rows");
    assertTrue(plan.withFindings(List.of(unfinished), false).hasBlockers());
    assertTrue(plan.withFindings(List.of(unfinished), false).blockers().get(0).reason().contains("--accept-unchecked"));
    assertFalse(plan.withFindings(List.of(unfinished), true).hasBlockers());
    assertTrue(unfinished.describe().contains("not checked in time"));
  }

  @Test
  void tablesAreOrderedByTheTargetsForeignKeysWithSelfReferencesAndCyclesMarked() {
    SourceTable policy = sourceTable("authorization_policy", List.of(ID, source("parentId", "int", "int", true)), List.of());
    SourceTable aggregator = sourceTable("storage_aggregator", List.of(ID, source("directStorageId", "int", "int", true)), List.of());
    SourceTable bucket = sourceTable("storage_bucket", List.of(ID, source("storageAggregatorId", "int", "int", true)), List.of());
    TargetTable targetPolicy = targetTable("authorization_policy", List.of(TARGET_ID, target("parentId", "int4", true)),
        List.of(new ForeignKey("fk_self", List.of("parentId"), "authorization_policy", List.of("id"))));
    TargetTable targetAggregator = targetTable("storage_aggregator", List.of(TARGET_ID, target("directStorageId", "int4", true)),
        List.of(new ForeignKey("fk_a", List.of("directStorageId"), "storage_bucket", List.of("id"))));
    TargetTable targetBucket = targetTable("storage_bucket", List.of(TARGET_ID, target("storageAggregatorId", "int4", true)),
        List.of(new ForeignKey("fk_b", List.of("storageAggregatorId"), "storage_aggregator", List.of("id")),
            new ForeignKey("fk_p", List.of("id"), "authorization_policy", List.of("id"))));
    MigrationPlan plan = plan(sourceSchema(policy, aggregator, bucket), targetSchema(targetPolicy, targetAggregator, targetBucket));
    assertEquals(List.of(List.of("authorization_policy"), List.of("storage_aggregator", "storage_bucket")),
        plan.loadOrder().levels());
    assertEquals(List.of(List.of("storage_aggregator", "storage_bucket")), plan.loadOrder().cycles());
    assertTrue(plan.table("authorization_policy").orElseThrow().selfReferencing());
    assertTrue(plan.table("storage_bucket").orElseThrow().inCycle());
    assertEquals(List.of("authorization_policy", "storage_aggregator", "storage_bucket"),
        plan.tables().stream().map(TablePlan::targetTable).toList());
  }

  @Test
  void theFingerprintChangesWithTheSchemaButNotWithRowEstimates() {
    SourceTable table = sourceTable("t", List.of(ID, text("s", "varchar", 100, false)), List.of());
    SourceTable moreRows = new SourceTable("t", table.columns(), table.primaryKey(), List.of(), List.of(), 99_999);
    SourceTable narrower = sourceTable("t", List.of(ID, text("s", "varchar", 50, false)), List.of());
    assertEquals(SchemaFingerprint.of(sourceSchema(table)), SchemaFingerprint.of(sourceSchema(moreRows)));
    assertNotEquals(SchemaFingerprint.of(sourceSchema(table)), SchemaFingerprint.of(sourceSchema(narrower)));
    TargetTable targetTable = targetTable("t", List.of(TARGET_ID, varchar("s", 100, false)), List.of());
    TargetTable narrowed = targetTable("t", List.of(TARGET_ID, varchar("s", 50, false)), List.of());
    assertNotEquals(SchemaFingerprint.of(targetSchema(targetTable)), SchemaFingerprint.of(targetSchema(narrowed)));
  }

  private static void assertChecks(SourceColumn source, TargetColumn target, PreflightCheck.Kind... expected) {
    assertChecksIn(targetTable("t", List.of(TARGET_ID, target), List.of()), source, target, expected);
  }

  /** As {@link #assertChecks}, with {@code target} alone in a unique key (a _ci source cannot hold case duplicates). */
  private static void assertChecksWithUniqueKey(SourceColumn source, TargetColumn target, PreflightCheck.Kind... expected) {
    assertChecksIn(new TargetTable("t", List.of(TARGET_ID, target), List.of("id"), List.of(List.of(target.name())),
        List.of(), List.of(), List.of()), source, target, expected);
  }

  private static void assertChecksIn(TargetTable table, SourceColumn source, TargetColumn target,
      PreflightCheck.Kind... expected) {
    MigrationPlan plan = plan(sourceSchema(sourceTable("t", List.of(ID, source), List.of())), targetSchema(table));
    assertFalse(plan.hasBlockers(), plan.blockers().toString());
    assertEquals(Set.of(expected), Set.copyOf(plan.checks().stream().map(PreflightCheck::kind).toList()),
        source.columnType() + " → " + target.formattedType());
  }

  private static SourceColumn representative(SourceFamily family) {
    return switch (family) {
      case BIT -> bits("v", 1);
      case BINARY -> binary("v", "binary", 16);
      case ENUM -> enumColumn("v", List.of("a", "b"));
      case SET -> new SourceColumn("v", 1, "set", "set('a','b')", false, null, null, null, null, false, false, false,
          null, List.of("a", "b"));
      case TEXT -> text("v", "varchar", 36, false);
      default -> source("v", family.dataTypes().stream().sorted().findFirst().orElseThrow(),
          family.dataTypes().stream().sorted().findFirst().orElseThrow(), false);
    };
  }

  private static TargetColumn representative(TargetFamily family) {
    return switch (family) {
      case ENUM -> enumTarget("v", List.of("a", "b"));
      case TEXT -> varchar("v", 36, false);
      default -> target("v", family.typeNames().stream().sorted().findFirst().orElseThrow(), false);
    };
  }
}

package dev.converge.domain.plan;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.type.TargetType;
import dev.converge.domain.schema.FoldedUniqueKey;
import dev.converge.domain.schema.ForeignKey;
import dev.converge.domain.schema.NameMatch;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.SourceTable;
import dev.converge.domain.schema.TargetColumn;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reconciles a source schema with the target schema the application's migrations created: table
 * by table and column by column, by name (exact, then ignoring case, never by position), with a
 * conversion chosen from each pair of types. Whatever cannot be mapped becomes a blocker; nothing
 * is dropped silently.
 */
public final class MigrationPlanner {

  private final PlanSettings settings;

  public MigrationPlanner(PlanSettings settings) {
    this.settings = settings;
  }

  /**
   * @param existingRows target table → rows it holds now (an application's seed migration)
   * @param replicationRoleAllowed whether the target login may set {@code session_replication_role}
   */
  public MigrationPlan plan(SourceSchema source, TargetSchema target, Map<String, Long> existingRows,
      boolean replicationRoleAllowed) {
    List<Blocker> blockers = new ArrayList<>();
    List<ExcludedTable> excluded = new ArrayList<>();
    List<PreflightCheck> checks = new ArrayList<>();
    Map<String, TableDraft> drafts = new LinkedHashMap<>();
    Map<String, String> sourceTableOfTarget = new HashMap<>();

    for (SourceTable table : source.tables()) {
      String reason = settings.excludedTables().get(table.name());
      if (reason != null) {
        excluded.add(new ExcludedTable(table.name(), reason));
        continue;
      }
      Optional<TargetTable> match = byName(unclaimed(target.tables(), TargetTable::name, table.name(),
          source.tables().stream().map(SourceTable::name).toList()), TargetTable::name, table.name());
      if (match.isEmpty()) {
        blockers.add(new Blocker(table.name(), null, "no target table of this name; if it must not be copied,"
            + " exclude it with a reason: --exclude-table " + table.name() + "=REASON (converge.yml: exclude-table)"));
        continue;
      }
      TargetTable targetTable = match.get();
      String earlier = sourceTableOfTarget.putIfAbsent(targetTable.name(), table.name());
      if (earlier != null) {
        blockers.add(new Blocker(table.name(), null, "maps to target table " + targetTable.name()
            + ", which source table " + earlier + " already fills"));
        continue;
      }
      drafts.put(table.name(), reconcileTable(table, targetTable, existingRows, blockers, checks));
    }

    blockers.addAll(unknownNamesInSettings(source, target));

    Map<String, Set<String>> references = new LinkedHashMap<>();
    for (TableDraft draft : drafts.values()) {
      Set<String> parents = new TreeSet<>();
      for (ForeignKey foreignKey : draft.target.foreignKeys()) {
        parents.add(foreignKey.referencedTable());
        orphanCheck(draft, foreignKey, drafts, sourceTableOfTarget).ifPresent(checks::add);
      }
      references.put(draft.target.name(), parents);
    }
    LoadOrder loadOrder = LoadOrder.of(references);

    List<TablePlan> tables = new ArrayList<>();
    for (List<String> level : loadOrder.levels()) {
      for (String targetName : level) {
        TableDraft draft = drafts.get(sourceTableOfTarget.get(targetName));
        tables.add(new TablePlan(draft.source.name(), targetName, draft.columns, draft.skipped, draft.defaulted,
            draft.target.primaryKey(), draft.source.estimatedRows(), draft.existingRows,
            draft.existingRowsHandling, loadOrder.levelOf(targetName), loadOrder.selfReferencing().contains(targetName),
            loadOrder.inCycle(targetName)));
      }
    }
    List<String> notLoaded = target.tables().stream().map(TargetTable::name)
        .filter(name -> !sourceTableOfTarget.containsKey(name)).sorted().toList();
    return new MigrationPlan(source.database(), source.serverVersion(), target.schema(), target.serverVersion(),
        SchemaFingerprint.of(source), SchemaFingerprint.of(target), tables, excluded, notLoaded, loadOrder,
        replicationRoleAllowed ? ForeignKeyStrategy.REPLICATION_ROLE : ForeignKeyStrategy.DROP_AND_RECREATE,
        checks, List.of(), withDecisionProblems(blockers, tables), settings.decisions());
  }

  private List<Blocker> withDecisionProblems(List<Blocker> blockers, List<TablePlan> tables) {
    List<Blocker> all = new ArrayList<>(blockers);
    all.addAll(settings.decisions().problems(tables));
    return all;
  }

  private TableDraft reconcileTable(SourceTable table, TargetTable target, Map<String, Long> existingRows,
      List<Blocker> blockers, List<PreflightCheck> checks) {
    TableDraft draft = new TableDraft(table, target);
    Map<String, ColumnPlan> byTargetColumn = new HashMap<>();
    int blockersBefore = blockers.size();
    Set<String> generatedInTarget = new HashSet<>();
    for (SourceColumn column : table.columns()) {
      if (column.generated()) {
        Optional<TargetColumn> plain = byName(target.columns(), TargetColumn::name, column.name())
            .filter(targetColumn -> !targetColumn.generated());
        if (plain.isEmpty()) {
          draft.skipped.add(new SkippedColumn(column.name(), "generated in MySQL and absent from the target; not copied"));
          continue;
        }
        // The target stores what MySQL computes: copy the computed values like any column's.
      }
      if (settings.ignoredColumns().contains(table.name() + "." + column.name())) {
        draft.skipped.add(new SkippedColumn(column.name(), "ignored by the configuration"));
        continue;
      }
      Optional<TargetColumn> match = byName(unclaimed(target.columns(), TargetColumn::name, column.name(),
          table.columns().stream().map(SourceColumn::name).toList()), TargetColumn::name, column.name());
      if (match.isEmpty()) {
        blockers.add(new Blocker(table.name(), column.name(), "no target column of this name; if it must not be"
            + " copied, ignore it: --ignore-column " + table.name() + "." + column.name() + " (converge.yml: ignore-column)"));
        continue;
      }
      TargetColumn targetColumn = match.get();
      if (targetColumn.generated()) {
        draft.skipped.add(new SkippedColumn(column.name(), "generated in the target; PostgreSQL computes it"));
        generatedInTarget.add(targetColumn.name());
        continue;
      }
      if (byTargetColumn.containsKey(targetColumn.name())) {
        blockers.add(new Blocker(table.name(), column.name(), "maps to target column " + targetColumn.name()
            + ", which another source column already fills"));
        continue;
      }
      ValuePolicies policies = settings.policiesFor(table.name(), column.name());
      conversion(table.name(), column, targetColumn, blockers).ifPresent(kind -> {
        ColumnPlan plan = new ColumnPlan(column, targetColumn, kind, policies);
        byTargetColumn.put(targetColumn.name(), plan);
        uselessPolicy(table.name(), plan).ifPresent(blockers::add);
      });
    }
    for (TargetColumn column : target.columns()) {
      if (byTargetColumn.containsKey(column.name())) {
        draft.columns.add(byTargetColumn.get(column.name()));
      } else if (generatedInTarget.contains(column.name())) {
        continue;
      } else if (column.generated()) {
        draft.defaulted.add(new SkippedColumn(column.name(), "generated in the target; PostgreSQL computes it"));
      } else if (alreadyBlocked(blockers.subList(blockersBefore, blockers.size()), table.name(), column.name())) {
        continue; // a source column of this name exists but cannot be loaded: its blocker says why
      } else if (column.hasDefault() || column.nullable()) {
        draft.defaulted.add(new SkippedColumn(column.name(),
            column.hasDefault() ? "only in the target; takes its default" : "only in the target; left NULL"));
      } else {
        blockers.add(new Blocker(table.name(), column.name(), "target column " + target.name() + "." + column.name()
            + " is NOT NULL without a default, and no source column fills it"));
      }
    }
    checks.addAll(foldedKeyChecks(draft));
    checks.addAll(keyChecks(draft));
    draft.existingRows = existingRows.getOrDefault(target.name(), 0L);
    draft.existingRowsHandling = settings.existingRowsFor(target.name());
    if (draft.existingRowsHandling == ExistingRows.MERGE_BY_PRIMARY_KEY && target.primaryKey().isEmpty()) {
      blockers.add(new Blocker(table.name(), null, "merge-by-primary-key is configured, but target table "
          + target.name() + " has no primary key"));
    }
    return draft;
  }

  /** A setting that names a table or column the schemas do not have is a typo until proven otherwise. */
  private List<Blocker> unknownNamesInSettings(SourceSchema source, TargetSchema target) {
    List<Blocker> unknown = new ArrayList<>();
    for (String table : settings.excludedTables().keySet()) {
      if (!PlanSettings.DEFAULT_EXCLUSIONS.containsKey(table) && source.table(table).isEmpty()) {
        unknown.add(new Blocker(table, null, "the configuration excludes this table, but the source has no table of this name"));
      }
    }
    java.util.Set<String> columns = new java.util.TreeSet<>(settings.ignoredColumns());
    columns.addAll(settings.columnPolicies().keySet());
    for (String qualified : columns) {
      int dot = qualified.lastIndexOf('.');
      String table = dot < 0 ? qualified : qualified.substring(0, dot);
      String column = dot < 0 ? "" : qualified.substring(dot + 1);
      if (source.table(table).flatMap(found -> found.column(column)).isEmpty()) {
        unknown.add(new Blocker(table, column, "the configuration names source column " + qualified
            + ", which the source does not have (settings use source names: TABLE.COLUMN)"));
      }
    }
    for (String table : settings.existingRows().keySet()) {
      if (target.table(table).isEmpty()) {
        unknown.add(new Blocker(table, null, "the configuration sets existing-rows handling for this table, but the"
            + " target has no table of this name (existing-rows uses target table names)"));
      }
    }
    return unknown;
  }

  /** Whether a source column matching this target column's name already has a blocker of its own. */
  private static boolean alreadyBlocked(List<Blocker> tableBlockers, String table, String column) {
    return tableBlockers.stream().anyMatch(blocker -> blocker.table().equals(table)
        && blocker.column() != null && NameMatch.matches(blocker.column(), column));
  }

  private static Optional<ConversionKind> conversion(String table, SourceColumn column, TargetColumn target,
      List<Blocker> blockers) {
    Optional<SourceFamily> sourceFamily = SourceFamily.of(column);
    Optional<TargetType> targetType = TargetType.find(target);
    if (sourceFamily.isEmpty()) {
      blockers.add(new Blocker(table, column.name(), "MySQL type " + column.columnType() + " is not supported"));
      return Optional.empty();
    }
    if (targetType.isEmpty()) {
      blockers.add(new Blocker(table, column.name(), "target type " + target.formattedType() + " is not supported"));
      return Optional.empty();
    }
    Optional<ConversionKind> kind = targetType.get().conversionFrom(sourceFamily.get());
    if (kind.isEmpty()) {
      blockers.add(new Blocker(table, column.name(), "incompatible types: " + column.columnType() + " cannot become "
          + target.formattedType()));
      return Optional.empty();
    }
    Optional<String> refusal = targetType.get().refusal(column, kind.get());
    if (refusal.isPresent()) {
      blockers.add(new Blocker(table, column.name(), refusal.get()));
      return Optional.empty();
    }
    return kind;
  }

  /**
   * A per-column policy that maps values to NULL in a column the target declares NOT NULL would
   * change nothing (the row is still refused): the operator's decision is refused, not ignored.
   */
  private Optional<Blocker> uselessPolicy(String table, ColumnPlan plan) {
    if (plan.target().nullable() || !settings.columnPolicies().containsKey(table + "." + plan.source().name())
        || settings.decisions().defaultFor(table, plan.source().name()).isPresent()) {
      // A decided default stands for the NULL the policy writes.
      return Optional.empty();
    }
    ValuePolicies policies = plan.policies();
    String setting = null;
    if (policies.invalidUuids() == ValuePolicies.InvalidUuidPolicy.NULL && plan.conversion() == ConversionKind.TEXT_TO_UUID) {
      setting = "invalid-uuids=null";
    } else if (policies.zeroDates() == ValuePolicies.ZeroDatePolicy.NULL && ZERO_DATE_CONVERSIONS.contains(plan.conversion())) {
      setting = "zero-dates=null";
    }
    return Optional.ofNullable(setting).map(chosen -> new Blocker(table, plan.source().name(), "the column policy "
        + table + "." + plan.source().name() + ":" + chosen + " cannot apply: target column "
        + plan.target().name() + " is NOT NULL, so the NULL it would write is refused too; remove the policy and"
        + " correct the rows in the source (dirty_rows.csv names them), keep the policy and add --default " + table
        + "." + plan.source().name() + "=VALUE, set the rows aside with --quarantine " + table
        + ":invalid-value, or exclude the table"));
  }

  private static final Set<ConversionKind> ZERO_DATE_CONVERSIONS = java.util.EnumSet.of(ConversionKind.DATETIME_TO_TIMESTAMP,
      ConversionKind.DATETIME_TO_TIMESTAMPTZ, ConversionKind.DATE_TO_DATE, ConversionKind.YEAR_TO_INTEGER);

  /**
   * One duplicate check per primary and unique key of the target, for the data scan: a key the
   * source does not have may meet duplicates, and even a key the source has may collide after
   * conversion (a truncated or stripped value) or where the target folds case (uuid, citext) and the
   * source kept values apart. Compared as the target will: bytewise, the folding columns ignoring case.
   */
  private static List<PreflightCheck> keyChecks(TableDraft draft) {
    List<PreflightCheck> checks = new ArrayList<>();
    List<List<String>> keys = new ArrayList<>();
    if (!draft.target.primaryKey().isEmpty()) {
      keys.add(draft.target.primaryKey());
    }
    keys.addAll(draft.target.uniqueKeys());
    for (List<String> key : keys) {
      List<String> columns = sourceNames(draft, key);
      if (columns == null) {
        continue;
      }
      List<ColumnPlan> plans = columns.stream().map(name -> draft.columns.stream()
          .filter(c -> c.source().name().equals(name)).findFirst().orElseThrow()).toList();
      List<String> folded = plans.stream().filter(c -> foldsCase(c.target())).map(c -> c.source().name()).toList();
      ColumnPlan first = plans.get(0);
      checks.add(new PreflightCheck(draft.source.name(), first.source().name(),
          folded.isEmpty() ? PreflightCheck.Kind.DUPLICATE_KEY : PreflightCheck.Kind.CASE_DUPLICATE,
          first.source().dataType(), null, null, null, List.of(), null,
          new FoldedUniqueKey(String.join(",", key), columns, folded), first.policies(), first.target().nullable(),
          null, null));
    }
    return checks;
  }

  private static boolean foldsCase(TargetColumn column) {
    return TargetType.of(column).foldsCase();
  }

  /** One check per case-folding unique index of the target, phrased in source column names. */
  private static List<PreflightCheck> foldedKeyChecks(TableDraft draft) {
    List<PreflightCheck> checks = new ArrayList<>();
    for (FoldedUniqueKey key : draft.target.foldedUniqueKeys()) {
      List<String> columns = sourceNames(draft, key.columns());
      List<String> folded = sourceNames(draft, key.foldedColumns());
      if (columns == null || folded == null) {
        continue;
      }
      ColumnPlan first = draft.columns.stream().filter(c -> c.source().name().equals(folded.get(0))).findFirst().orElseThrow();
      checks.add(new PreflightCheck(draft.source.name(), first.source().name(), PreflightCheck.Kind.CASE_DUPLICATE,
          first.source().dataType(), null, null, null, List.of(), null,
          new FoldedUniqueKey(key.name(), columns, folded), first.policies(), first.target().nullable(), null, null));
    }
    return checks;
  }

  /** The orphan check for one target foreign key, phrased in source names; empty when its parent is not copied. */
  private static Optional<PreflightCheck> orphanCheck(TableDraft child, ForeignKey foreignKey,
      Map<String, TableDraft> drafts, Map<String, String> sourceTableOfTarget) {
    String parentSource = sourceTableOfTarget.get(foreignKey.referencedTable());
    if (parentSource == null) {
      return Optional.empty();
    }
    TableDraft parent = drafts.get(parentSource);
    List<String> childColumns = sourceNames(child, foreignKey.columns());
    List<String> parentColumns = sourceNames(parent, foreignKey.referencedColumns());
    if (childColumns == null || parentColumns == null) {
      return Optional.empty();
    }
    ForeignKey inSourceNames = new ForeignKey(foreignKey.name(), childColumns, parentSource, parentColumns);
    List<String> folded = child.columns.stream().filter(c -> childColumns.contains(c.source().name()) && foldsCase(c.target()))
        .map(c -> c.source().name()).toList();
    return Optional.of(new PreflightCheck(child.source.name(), null, PreflightCheck.Kind.ORPHAN, null, null, null,
        null, List.of(), inSourceNames, new FoldedUniqueKey(foreignKey.name(), childColumns, folded), ValuePolicies.STRICT,
        false, null, null));
  }

  private static List<String> sourceNames(TableDraft draft, List<String> targetColumns) {
    List<String> names = new ArrayList<>();
    for (String targetColumn : targetColumns) {
      Optional<ColumnPlan> plan = draft.columns.stream().filter(c -> c.target().name().equals(targetColumn)).findFirst();
      if (plan.isEmpty()) {
        return null;
      }
      names.add(plan.get().source().name());
    }
    return names;
  }

  /**
   * The candidates {@code wanted} may match: all but those another source name matches ignoring
   * case, which that name takes (an exact name wins over a looser match).
   */
  private static <T> List<T> unclaimed(List<T> candidates, Function<T, String> name, String wanted, List<String> sourceNames) {
    return candidates.stream().filter(candidate -> name.apply(candidate).equalsIgnoreCase(wanted)
        || sourceNames.stream().noneMatch(other -> !other.equals(wanted) && other.equalsIgnoreCase(name.apply(candidate))))
        .toList();
  }

  /** By {@link NameMatch}'s rules; never by position. */
  private static <T> Optional<T> byName(List<T> candidates, Function<T, String> name, String wanted) {
    return NameMatch.find(candidates, name, wanted);
  }

  /** A table being reconciled. */
  private static final class TableDraft {
    final SourceTable source;
    final TargetTable target;
    final List<ColumnPlan> columns = new ArrayList<>();
    final List<SkippedColumn> skipped = new ArrayList<>();
    final List<SkippedColumn> defaulted = new ArrayList<>();
    long existingRows;
    ExistingRows existingRowsHandling = ExistingRows.TRUNCATE;

    TableDraft(SourceTable source, TargetTable target) {
      this.source = source;
      this.target = target;
    }
  }

}

package dev.converge.application.service;

import dev.converge.application.port.in.PlanMigrationCommand;
import dev.converge.application.port.in.PlanMigrationReport;
import dev.converge.application.port.in.PlanMigrationUseCase;
import dev.converge.application.port.out.InspectTargetPort;
import dev.converge.application.port.out.LookupSourceValuesPort;
import dev.converge.application.port.out.ReadMigrationVersionsPort;
import dev.converge.application.port.out.ReadSourceSchemaPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.application.port.out.ReadTargetRowsPort;
import dev.converge.application.port.out.ReportProgressPort;
import dev.converge.application.port.out.RunPreflightChecksPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.application.port.out.WriteDirtyRowsPort;
import dev.converge.domain.plan.DirtyRow;
import dev.converge.domain.plan.DirtyRule;
import dev.converge.domain.plan.RowDecisions;
import dev.converge.domain.plan.Finding;
import dev.converge.domain.plan.PreflightCheck;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.MigrationPlanner;
import dev.converge.domain.plan.ParentReferences;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.TargetSchema;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Makes the migration plan: introspection, the application's migration history compared on both
 * sides (a release mismatch blocks), reconciliation, then the data scan: every planned table read
 * once from one snapshot through export's own codecs (values, NOT NULL, target keys), and the
 * foreign-key orphans in SQL. Every dirty row is written by key to {@code dirty_rows.csv}/{@code .json};
 * the plan's blockers name per rule a count and the first keys. Then it saves the plan.
 */
public final class PlanMigrationService implements PlanMigrationUseCase {

  private final ReadSourceSchemaPort sourceSchema;
  private final ReadTargetSchemaPort targetSchema;
  private final InspectTargetPort target;
  private final RunPreflightChecksPort preflight;
  private final StorePlanPort plans;
  private final MigrationHistories histories;
  private final SourceDataScan scan;
  private final WriteDirtyRowsPort dirtyRows;

  public PlanMigrationService(ReadSourceSchemaPort sourceSchema, ReadTargetSchemaPort targetSchema,
      InspectTargetPort target, RunPreflightChecksPort preflight, StorePlanPort plans,
      ReadMigrationVersionsPort sourceVersions, ReadMigrationVersionsPort targetVersions, StreamSourceRowsPort rows,
      ReportProgressPort progress, WriteDirtyRowsPort dirtyRows, ReadTargetRowsPort targetRows,
      LookupSourceValuesPort lookups) {
    this.sourceSchema = Objects.requireNonNull(sourceSchema, "sourceSchema");
    this.targetSchema = Objects.requireNonNull(targetSchema, "targetSchema");
    this.target = Objects.requireNonNull(target, "target");
    this.preflight = Objects.requireNonNull(preflight, "preflight");
    this.plans = Objects.requireNonNull(plans, "plans");
    this.histories = new MigrationHistories(sourceVersions, targetVersions);
    this.scan = new SourceDataScan(rows, progress, targetRows, lookups);
    this.dirtyRows = Objects.requireNonNull(dirtyRows, "dirtyRows");
  }

  @Override
  public PlanMigrationReport plan(PlanMigrationCommand command) {
    long started = System.nanoTime();
    SourceSchema source = sourceSchema.readSourceSchema();
    TargetSchema targetTables = targetSchema.readTargetSchema();
    MigrationPlanner planner = new MigrationPlanner(command.settings());
    // A first pass names the tables to load; only their pre-existing rows are counted.
    MigrationPlan draft = planner.plan(source, targetTables, Map.of(), false);
    Map<String, Long> existingRows = target.countRows(draft.tables().stream().map(TablePlan::targetTable).toList());
    MigrationHistories.Result history = histories.compare(command.historyTables(), command.acceptedMissingVersions());
    MigrationPlan plan = planner.plan(source, targetTables, existingRows, target.maySetReplicationRole())
        .withBlockers(history.problems());
    Duration introspection = Duration.ofNanos(System.nanoTime() - started);

    long scanStarted = System.nanoTime();
    // Per table, column, rule and fix, in the order first found.
    Map<List<String>, DirtyRule> rules = new LinkedHashMap<>();
    long scannedRows;
    Duration rowScan;
    Duration foreignKeyQueries;
    List<Finding> orphans;
    String files;
    try (WriteDirtyRowsPort.DirtyRows written = dirtyRows.open()) {
      files = written.describe();
      Consumer<DirtyRow> record = row -> {
        written.write(row);
        synchronized (rules) {
          rules.merge(Arrays.asList(row.table(), row.column(), DirtyRule.groupOf(row.rule()), row.fix()),
              DirtyRule.of(row), (earlier, one) -> earlier.plus(row));
        }
      };
      Map<String, List<String>> rowKeys = new LinkedHashMap<>();
      plan.tables().forEach(table -> rowKeys.put(table.sourceTable(), SourceDataScan.rowKey(table)));
      // A foreign key over a mapped column references by the mapped value, which only the scan knows:
      // its orphans are PostgreSQL's (at the load) and verify's to find, not the source's SQL's.
      List<PreflightCheck> orphanChecks = plan.checks().stream().filter(check -> check.kind() == PreflightCheck.Kind.ORPHAN)
          .filter(check -> check.foreignKey().columns().stream()
              .noneMatch(column -> plan.decisions().lookupFor(check.table(), column).isPresent())).toList();
      // Most foreign keys are answered from the scan's own read (ParentReferences: the parent's key hashes
      // against the child's references), as many as fit a quarter of the heap; any other is a query of its
      // own, on its own connection beside the read.
      List<ParentReferences> hashed = new java.util.ArrayList<>();
      List<PreflightCheck> queried = new java.util.ArrayList<>();
      long budget = Runtime.getRuntime().maxMemory() / 4;
      java.util.Set<String> parentsHeld = new java.util.HashSet<>();
      for (PreflightCheck check : orphanChecks) {
        java.util.Optional<ParentReferences> references = ParentReferences.of(plan, check);
        long cost = references.isEmpty() ? Long.MAX_VALUE : ParentReferences.BYTES_PER_REFERENCE * estimatedRows(plan,
            check.table()) + (parentsHeld.contains(check.foreignKey().referencedTable()) ? 0
                : 2 * Long.BYTES * estimatedRows(plan, check.foreignKey().referencedTable()));
        if (cost <= budget) {
          budget -= cost;
          parentsHeld.add(check.foreignKey().referencedTable());
          hashed.add(references.get());
        } else {
          queried.add(check);
        }
      }
      AtomicBoolean stopped = new AtomicBoolean();
      long[] queryTime = {0};
      CompletableFuture<List<Finding>> orphanQueries = CompletableFuture.supplyAsync(() -> {
        long begun = System.nanoTime();
        try {
          return queried.isEmpty() ? List.<Finding>of()
              : preflight.run(queried, command.checkTimeout(), command.scanBudget(), rowKeys, record, stopped::get);
        } finally {
          queryTime[0] = System.nanoTime() - begun;
        }
      }, runnable -> {
        Thread thread = new Thread(runnable, "converge-orphans");
        thread.setDaemon(true);
        thread.start();
      });
      Map<PreflightCheck, Long> counted;
      try {
        SourceDataScan.Scanned read = scan.scan(plan, command.parallelism().tables(), record, hashed);
        scannedRows = read.rows();
        counted = read.orphans();
        rowScan = Duration.ofNanos(System.nanoTime() - scanStarted);
      } catch (RuntimeException e) {
        stopped.set(true);
        awaitQuietly(orphanQueries);
        throw e;
      }
      List<Finding> asked = new java.util.ArrayList<>(await(orphanQueries));
      // A foreign key the scan found orphans of is asked once more, in SQL, for those orphans by key.
      List<PreflightCheck> withOrphans = counted.entrySet().stream().filter(entry -> entry.getValue() > 0)
          .map(Map.Entry::getKey).toList();
      long named = System.nanoTime();
      if (!withOrphans.isEmpty()) {
        asked.addAll(preflight.run(withOrphans, command.checkTimeout(), command.scanBudget(), rowKeys, record, () -> false));
      }
      foreignKeyQueries = Duration.ofNanos(queryTime[0] + System.nanoTime() - named);
      // In the plan's order of checks, whichever way each was answered.
      Map<PreflightCheck, Finding> byCheck = new java.util.HashMap<>();
      counted.keySet().forEach(check -> byCheck.put(check, new Finding(check, 0, null, true)));
      asked.forEach(finding -> byCheck.put(finding.check(), finding));
      orphans = orphanChecks.stream().map(byCheck::get).toList();
    }
    List<DirtyRule> dirty = List.copyOf(rules.values());
    // A rule the operator decided (quarantine, or merge-by-primary-key's rows left to the target's) is
    // reported, not a blocker: export sets those rows aside, or records the target's values kept.
    MigrationPlan scanned = plan.withFindings(orphans, command.acceptUnchecked())
        .withBlockers(dirty.stream().filter(rule -> !plan.decisions().decides(rule.table(),
            RowDecisions.codeOf(rule.rule()))).map(DirtyRule::blocker).toList());
    Duration scanTime = Duration.ofNanos(System.nanoTime() - scanStarted);
    return new PlanMigrationReport(scanned, plans.save(scanned), introspection, scanTime, rowScan, foreignKeyQueries,
        history.comparisons(), dirty,
        scannedRows, files);
  }

  /** The orphan queries' findings, or the failure that stopped them, as it was thrown. */
  private static List<Finding> await(CompletableFuture<List<Finding>> queries) {
    try {
      return queries.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** After the rows' read failed: the query running ends (bounded by its time limit), no other starts. */
  private static void awaitQuietly(CompletableFuture<List<Finding>> queries) {
    try {
      queries.join();
    } catch (RuntimeException ignored) {
      // The scan's own failure is the one reported.
    }
  }

  private static long estimatedRows(MigrationPlan plan, String sourceTable) {
    return plan.tables().stream().filter(table -> table.sourceTable().equals(sourceTable))
        .mapToLong(table -> Math.max(0, table.estimatedRows())).findFirst().orElse(0);
  }
}

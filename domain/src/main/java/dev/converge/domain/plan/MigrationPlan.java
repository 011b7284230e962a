package dev.converge.domain.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What converge will do, decided before any data moves: which table goes where, each column's
 * conversion, the load order, what is excluded and why, and everything that blocks the migration.
 * Later phases refuse to run while it has blockers or when a schema fingerprint changed.
 *
 * @param tables the copied tables in load order
 * @param targetTablesNotLoaded target tables no source table fills (they keep what they have)
 * @param checks the pre-flight checks to run on the source data
 * @param findings their answers, once run (empty before)
 */
public record MigrationPlan(
    String sourceDatabase,
    String sourceVersion,
    String targetSchema,
    String targetVersion,
    String sourceFingerprint,
    String targetFingerprint,
    List<TablePlan> tables,
    List<ExcludedTable> excluded,
    List<String> targetTablesNotLoaded,
    LoadOrder loadOrder,
    ForeignKeyStrategy foreignKeyStrategy,
    List<PreflightCheck> checks,
    List<Finding> findings,
    List<Blocker> blockers,
    RowDecisions decisions) {

  public MigrationPlan {
    Objects.requireNonNull(sourceDatabase, "sourceDatabase");
    Objects.requireNonNull(targetSchema, "targetSchema");
    Objects.requireNonNull(sourceFingerprint, "sourceFingerprint");
    Objects.requireNonNull(targetFingerprint, "targetFingerprint");
    tables = List.copyOf(tables);
    excluded = List.copyOf(excluded);
    targetTablesNotLoaded = List.copyOf(targetTablesNotLoaded);
    Objects.requireNonNull(loadOrder, "loadOrder");
    Objects.requireNonNull(foreignKeyStrategy, "foreignKeyStrategy");
    checks = List.copyOf(checks);
    findings = List.copyOf(findings);
    blockers = List.copyOf(blockers);
    decisions = decisions == null ? RowDecisions.NONE : decisions; // a plan saved before decisions existed
  }

  /** A plan without row decisions. */
  public MigrationPlan(String sourceDatabase, String sourceVersion, String targetSchema, String targetVersion,
      String sourceFingerprint, String targetFingerprint, List<TablePlan> tables, List<ExcludedTable> excluded,
      List<String> targetTablesNotLoaded, LoadOrder loadOrder, ForeignKeyStrategy foreignKeyStrategy,
      List<PreflightCheck> checks, List<Finding> findings, List<Blocker> blockers) {
    this(sourceDatabase, sourceVersion, targetSchema, targetVersion, sourceFingerprint, targetFingerprint, tables,
        excluded, targetTablesNotLoaded, loadOrder, foreignKeyStrategy, checks, findings, blockers, RowDecisions.NONE);
  }

  public boolean hasBlockers() {
    return !blockers.isEmpty();
  }

  public Optional<TablePlan> table(String sourceTable) {
    return tables.stream().filter(table -> table.sourceTable().equals(sourceTable)).findFirst();
  }

  /** The plan with {@code more} blockers besides its own (e.g. the application's migration histories at different releases). */
  public MigrationPlan withBlockers(List<Blocker> more) {
    List<Blocker> all = new java.util.ArrayList<>(blockers);
    all.addAll(more);
    return new MigrationPlan(sourceDatabase, sourceVersion, targetSchema, targetVersion, sourceFingerprint,
        targetFingerprint, tables, excluded, targetTablesNotLoaded, loadOrder, foreignKeyStrategy, checks, findings, all,
        decisions);
  }

  /**
   * The plan with the orphan checks' findings added; a check that could not finish becomes a
   * blocker (unchecked data is not assumed clean). The orphans found are blockers by key, as the
   * data scan's other dirty rows ({@link DirtyRule}), not here.
   *
   * @param acceptUnchecked the operator accepts checks that ran out of time as passed
   */
  public MigrationPlan withFindings(List<Finding> newFindings, boolean acceptUnchecked) {
    List<Blocker> allBlockers = new java.util.ArrayList<>(blockers);
    for (Finding finding : newFindings) {
      if (!finding.completed() && !acceptUnchecked) {
        allBlockers.add(new Blocker(finding.check().table(), finding.check().column(), finding.summary()));
      }
    }
    return new MigrationPlan(sourceDatabase, sourceVersion, targetSchema, targetVersion, sourceFingerprint,
        targetFingerprint, tables, excluded, targetTablesNotLoaded, loadOrder, foreignKeyStrategy, checks,
        newFindings, allBlockers, decisions);
  }
}

package dev.converge.application.port.in;

import dev.converge.domain.verification.CheckResult;
import dev.converge.domain.verification.RowDivergence;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every check with its verdict; the migration passes only when every check does. The checklist's
 * checks are among {@code checks} (one line each); {@code checklist} holds their evidence;
 * {@code tables} holds the three-way comparison of each table as fields.
 *
 * @param staleExport what moved in the source since the export was read, when it did: a warning (the
 *     checks compare with the export, which no longer says what the source holds), never a failure
 */
public record VerifyMigrationReport(String migrationId, List<Check> checks, List<TableVerdict> tables,
    List<CheckResult> checklist, String savedAs, String staleExport) {

  /** One check: what it is, which table, PASS or FAIL, and the facts behind the verdict. */
  public record Check(String name, String table, boolean passed, String detail) {
    public Check {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** One side's content of a table: its rows and its content checksum (32 hex digits). */
  public record Side(long rows, String checksum) {}

  /** Rows of the source that moved away from the export, counted over the whole table. */
  public record SourceChanges(long changed, long inserted, long deleted) {}

  /**
   * One table compared three ways: the source now (read from one snapshot, digested as export
   * digests), the export (the manifest) and the target.
   *
   * @param sourceChanges per-key counts of the source's changes since the export; {@code null} when the
   *     table has no primary key or the export's files are gone
   * @param differences the first differing rows by primary key, each with its three values and the odd side
   * @param sourceFailure why the source could not be read to the end (a value the plan cannot convert), else null
   * @param note why the differing rows could not be named, else null
   * @param decided the operator's decisions on the table: the differences verify expects
   * @param synced when a sync made the table equal to the source after the export: which sync (its
   *     snapshot); {@code export} is then the source as that sync read it, not the export's files. Else null
   */
  public record TableVerdict(String table, Side source, Side export, Side target, long sourceMillis, long targetMillis,
      boolean passed, SourceChanges sourceChanges, List<RowDivergence> differences, String sourceFailure, String note,
      Decided decided, String synced) {
    public TableVerdict {
      Objects.requireNonNull(table, "table");
      differences = List.copyOf(differences);
      Objects.requireNonNull(decided, "decided");
    }
  }

  /**
   * The operator's decisions on one table, as export counted them in the manifest and listed each in
   * changes.csv: the differences between source and target that verify expects.
   *
   * @param quarantined source rows set aside, not loaded (source = target + quarantined + merged)
   * @param changed values a default, a map or a column policy changed
   * @param merged source rows not loaded because the target keeps its own row under the same primary
   *     key with other content ({@code --existing-rows merge-by-primary-key})
   * @param byDecision lines of changes.csv per decision ({@code default}, {@code map},
   *     {@code policy: SETTING}, {@code quarantine: RULE}, {@code merged-by-primary-key}: one line per
   *     differing value), in decision order
   */
  public record Decided(long quarantined, long changed, long merged, Map<String, Long> byDecision) {
    /** A table no decision touched. */
    public static final Decided NONE = new Decided(0, 0, 0, Map.of());

    public Decided {
      byDecision = Collections.unmodifiableMap(new TreeMap<>(byDecision));
    }
  }

  public VerifyMigrationReport {
    Objects.requireNonNull(migrationId, "migrationId");
    checks = List.copyOf(checks);
    tables = List.copyOf(tables);
    checklist = List.copyOf(checklist);
  }

  /** A report whose export is not known to be stale. */
  public VerifyMigrationReport(String migrationId, List<Check> checks, List<TableVerdict> tables,
      List<CheckResult> checklist, String savedAs) {
    this(migrationId, checks, tables, checklist, savedAs, null);
  }

  public boolean passed() {
    return checks.stream().allMatch(Check::passed);
  }

  public long failures() {
    return checks.stream().filter(check -> !check.passed()).count();
  }
}

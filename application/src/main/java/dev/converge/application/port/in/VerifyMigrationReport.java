package dev.converge.application.port.in;

import dev.converge.domain.verification.CheckResult;
import dev.converge.domain.verification.RowDivergence;
import java.util.List;
import java.util.Objects;

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
   */
  public record TableVerdict(String table, Side source, Side export, Side target, long sourceMillis, long targetMillis,
      boolean passed, SourceChanges sourceChanges, List<RowDivergence> differences, String sourceFailure, String note) {
    public TableVerdict {
      Objects.requireNonNull(table, "table");
      differences = List.copyOf(differences);
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

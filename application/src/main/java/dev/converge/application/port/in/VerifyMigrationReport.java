package dev.converge.application.port.in;

import dev.converge.domain.verification.CheckResult;
import java.util.List;
import java.util.Objects;

/**
 * Every check with its verdict; the migration passes only when every check does. The checklist's
 * checks are among {@code checks} (one line each); {@code checklist} holds their evidence.
 *
 * @param staleExport what moved in the source since the export was read, when it did: a warning (the
 *     checks compare with the export, which no longer says what the source holds), never a failure
 */
public record VerifyMigrationReport(String migrationId, List<Check> checks, List<CheckResult> checklist,
    String savedAs, String staleExport) {

  /** One check: what it is, which table, PASS or FAIL, and the facts behind the verdict. */
  public record Check(String name, String table, boolean passed, String detail) {
    public Check {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(detail, "detail");
    }
  }

  public VerifyMigrationReport {
    Objects.requireNonNull(migrationId, "migrationId");
    checks = List.copyOf(checks);
    checklist = List.copyOf(checklist);
  }

  /** A report whose export is not known to be stale. */
  public VerifyMigrationReport(String migrationId, List<Check> checks, List<CheckResult> checklist, String savedAs) {
    this(migrationId, checks, checklist, savedAs, null);
  }

  public boolean passed() {
    return checks.stream().allMatch(Check::passed);
  }

  public long failures() {
    return checks.stream().filter(check -> !check.passed()).count();
  }
}

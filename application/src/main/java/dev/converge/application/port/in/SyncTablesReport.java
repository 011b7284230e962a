package dev.converge.application.port.in;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code sync} changed and proved: per table the rows compared, what it wrote, and the proof's
 * verdict; then the target-wide checks (foreign-key orphans, sequences) verify also runs.
 *
 * @param savedAs the Markdown report's path
 */
public record SyncTablesReport(List<TableSync> tables, List<VerifyMigrationReport.Check> checks, Duration elapsed,
    String savedAs) {

  /**
   * One table.
   *
   * @param sourceRows the source's rows (the snapshot's)
   * @param sourceChecksum the source's content checksum, as export and verify compute it
   * @param targetRowsBefore the target's rows before the sync
   * @param equalRows rows the first pass proved equal on both sides
   * @param quarantined source rows the plan's decisions set aside (not in the target), as the records now list them
   * @param changed values a default, a map or a column policy changed in the rows loaded, as the records now list them
   * @param decided {@code quarantined} and {@code changed} per decision ({@code default}, {@code quarantine: unique},
   *     {@code policy: nul-bytes=strip}, …), as changes.csv counts them
   * @param fullReload reloaded whole (no primary key), with why
   * @param passes passes over the key-hash space (more than 1 when the table exceeded its memory share)
   * @param proven whether the rows read back after the commit are the source's
   * @param detail the proof's facts
   */
  public record TableSync(String table, long sourceRows, String sourceChecksum, long targetRowsBefore, long equalRows,
      long inserted, long updated, long deleted, long quarantined, long changed, java.util.Map<String, Long> decided,
      String fullReload, int passes, Duration elapsed, boolean proven, String detail) {
    public TableSync {
      Objects.requireNonNull(table, "table");
      decided = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(decided));
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Whether the sync wrote anything to this table. */
    public boolean written() {
      return inserted + updated + deleted > 0;
    }
  }

  public SyncTablesReport {
    tables = List.copyOf(tables);
    checks = List.copyOf(checks);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Whether every table is proven and every target-wide check passed. */
  public boolean passed() {
    return tables.stream().allMatch(TableSync::proven) && checks.stream().allMatch(VerifyMigrationReport.Check::passed);
  }

  public long failures() {
    return tables.stream().filter(table -> !table.proven()).count()
        + checks.stream().filter(check -> !check.passed()).count();
  }
}

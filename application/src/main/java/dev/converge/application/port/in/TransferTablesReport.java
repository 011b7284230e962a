package dev.converge.application.port.in;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the pipeline did: the three phases' own reports, when each stage finished (they overlap, so
 * each stage's time runs from {@code started} to its own end), and each table's time in each stage.
 */
public record TransferTablesReport(ExportTablesReport export, ValidateFilesReport validation, ImportTablesReport imported,
    Instant started, Instant exportEnded, Instant validationEnded, Instant importEnded, List<TableTimes> tables) {

  /**
   * One table (source and target name): its rows, how long its export ran, how long its files took to check, and how long
   * its transaction was open (waiting for parts included); {@code loaded} is false when an earlier
   * run had committed it.
   */
  public record TableTimes(String table, String targetTable, long rows, Duration export, Duration validation,
      Duration load, boolean loaded) {
    public TableTimes {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(targetTable, "targetTable");
    }
  }

  public TransferTablesReport {
    Objects.requireNonNull(export, "export");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(imported, "imported");
    tables = List.copyOf(tables);
  }

  /** From the start to the last commit (sequences reset and tables analysed). */
  public Duration elapsed() {
    return Duration.between(started, importEnded);
  }
}

package dev.converge.application.port.in;

import dev.converge.domain.history.HistoryComparison;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the schema phase did and found.
 *
 * @param migrationsApplied Flyway migrations run now (0 for the other modes)
 * @param version the target's Flyway version afterwards, or null when Flyway was not used
 * @param commandLog where the provisioning command's output went, or null
 * @param missingTables source tables (not excluded) that have no target table
 * @param existingRows rows already in each target table, for tables that have any
 * @param histories the application's migration history on both sides, compared per history table
 * @param problems everything that breaks the contract, one line each; empty when it holds
 */
public record ProvisionTargetReport(
    ProvisionTargetCommand.Mode mode,
    int migrationsApplied,
    String version,
    String commandLog,
    List<String> missingTables,
    Map<String, Long> existingRows,
    List<HistoryComparison> histories,
    List<String> problems) {

  public ProvisionTargetReport {
    Objects.requireNonNull(mode, "mode");
    missingTables = List.copyOf(missingTables);
    existingRows = Map.copyOf(existingRows);
    histories = List.copyOf(histories);
    problems = List.copyOf(problems);
  }

  public boolean contractHolds() {
    return problems.isEmpty();
  }
}

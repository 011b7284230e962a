package dev.converge.application.port.in;

import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;

import dev.converge.application.connection.ConnectionSettings;
import java.util.Objects;

/**
 * The phases of a {@code migrate}, each with the command it would run with alone (its configured
 * defaults applied by the front end).
 *
 * @param schema provision the target first; null to skip the schema phase
 * @param plan plan again; null to keep the plan already in the work directory
 * @param sequential export, validate and import one after another instead of as one pipeline
 */
public record RunMigrationCommand(ConnectionSettings settings, PhaseStep.Schema schema, PhaseStep.Plan plan,
    PhaseStep.Export export, PhaseStep.Validate validate, PhaseStep.Import load, PhaseStep.Verify verify,
    boolean sequential, RunMigrationUseCase.Watcher watcher) {

  public RunMigrationCommand {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(export, "export");
    Objects.requireNonNull(validate, "validate");
    Objects.requireNonNull(load, "load");
    Objects.requireNonNull(verify, "verify");
    watcher = watcher == null ? new RunMigrationUseCase.Watcher() { } : watcher;
  }

  /** The pipeline's command: the export's, validation's and import's options as one. */
  public TransferTablesCommand transfer() {
    ExportTablesCommand exporting = export.command();
    ImportTablesCommand loading = load.command();
    return new TransferTablesCommand(exporting.parallelism(), loading.parallelism(), exporting.partBytes(),
        validate.command().problemsPerTable(), exporting.restart(), loading.restart(), exporting.snapshotMode(),
        exporting.snapshotLockTimeout(), exporting.reuseStaleExport() || loading.reuseStaleExport());
  }
}

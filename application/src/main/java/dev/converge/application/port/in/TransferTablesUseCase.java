package dev.converge.application.port.in;

/**
 * Export, validate and import as one pipeline ({@code converge migrate}): each part of a table's
 * file is validated as soon as it is exported and copied into the table's open transaction as soon
 * as it is valid; the table commits once its last part passed. The result is what the three phases
 * would leave, run one after another: a finished manifest, a validation verdict on it and the import
 * journal, so that each phase run alone afterwards finds its work done.
 */
public interface TransferTablesUseCase {

  /** Runs the pipeline, telling {@code stages} as soon as the export, then the validation, has finished. */
  TransferTablesReport transfer(TransferTablesCommand command, Stages stages);

  /** The moments the stages finish, while the pipeline goes on (for the run journal). */
  interface Stages {
    Stages NONE = new Stages() { };

    /** Every table is exported and the manifest is complete; {@code tables} is each table's export time. */
    default void exported(ExportTablesReport report, java.time.Instant at, java.util.Map<String, java.time.Duration> tables) {}

    /** Every file passed validation and the verdict is saved; {@code tables} is each table's checking time. */
    default void validated(ValidateFilesReport report, java.time.Instant at,
        java.util.Map<String, java.time.Duration> tables) {}

    /**
     * The pipeline stopped at a failure, every stage's workers ended: the target tables committed
     * (now or by an earlier run of the same export; they stay) and those not committed, in plan order.
     */
    default void stopped(java.util.List<String> committed, java.util.List<String> notCommitted) {}
  }
}

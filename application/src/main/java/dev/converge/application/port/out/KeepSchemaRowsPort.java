package dev.converge.application.port.out;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The rows the target's tables held when converge first met them after provisioning (a seed
 * migration's rows, e.g. Alkemio's platform singleton), kept in the target itself, once per table:
 * what {@code rollback} restores. They live in the target, not in a work directory, so a run from a
 * new work directory never takes an earlier run's load for seed rows; a table dropped and created
 * again (by {@code rollback --drop} or by hand) is a new table, and its rows are kept anew.
 */
public interface KeepSchemaRowsPort {

  /**
   * Keeps the rows each of {@code tables} holds now, in one transaction, unless that table's rows are
   * kept already; returns the rows kept now, per table newly kept.
   */
  Map<String, Long> keepOnce(List<String> tables);

  /** The rows kept for each of {@code tables} that has them; a table absent from the answer has none kept. */
  Map<String, Long> kept(List<String> tables);

  /**
   * Writes the kept rows of {@code table} ({@code columns} of them, as header too) into {@code file}
   * in converge's CSV dialect, readable by its owner only, and returns how many.
   */
  long writeKept(String table, List<String> columns, Path file);
}

package dev.converge.application.port.in;

/**
 * @param parallelism tables loaded at once, each on its own connection and transaction
 * @param restart forget which tables an earlier run committed and load every table again
 */
public record ImportTablesCommand(int parallelism, boolean restart) {

  public ImportTablesCommand {
    ExportTablesCommand.requireParallelism(parallelism);
  }
}

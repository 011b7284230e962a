package dev.converge.application.port.in;

/**
 * @param parallelism tables loaded at once, each on its own connection and transaction
 * @param restart forget which tables an earlier run committed and load every table again
 */
public record ImportTablesCommand(int parallelism, boolean restart) {

  public ImportTablesCommand {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
  }
}

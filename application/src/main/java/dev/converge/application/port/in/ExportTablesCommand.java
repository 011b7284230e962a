package dev.converge.application.port.in;

/**
 * @param parallelism tables exported at once (each needs a source connection)
 * @param restart ignore an earlier, unfinished export and start clean
 */
public record ExportTablesCommand(int parallelism, boolean restart) {

  public ExportTablesCommand {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
  }
}

package dev.converge.application.port.in;

/** @param problemsPerTable how many problems to list per table (all are counted) */
public record ValidateFilesCommand(int problemsPerTable) {

  public ValidateFilesCommand {
    if (problemsPerTable < 1) {
      throw new IllegalArgumentException("problemsPerTable must be at least 1");
    }
  }
}

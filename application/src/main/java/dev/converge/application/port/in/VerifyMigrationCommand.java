package dev.converge.application.port.in;

/** @param examples how many offending keys to list per failed check */
public record VerifyMigrationCommand(int examples) {

  public VerifyMigrationCommand {
    if (examples < 1) {
      throw new IllegalArgumentException("examples must be at least 1");
    }
  }
}

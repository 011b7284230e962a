package dev.converge.application.port.in;

import java.util.List;

/**
 * How to roll the target back.
 *
 * @param confirmed the operator said yes ({@code --yes}, or the shell's confirmation)
 * @param mode empty the plan's tables, or drop and re-provision the whole schema
 * @param flywayLocation with {@link Mode#DROP}: the Flyway location the schema phase applied, or null
 * @param provisionCommand with {@link Mode#DROP}: the operator's command the schema phase ran (argv), or empty
 */
public record RollbackTargetCommand(boolean confirmed, Mode mode, String flywayLocation, List<String> provisionCommand) {

  public RollbackTargetCommand {
    mode = mode == null ? Mode.TRUNCATE : mode;
    provisionCommand = List.copyOf(provisionCommand);
    if (flywayLocation != null && !provisionCommand.isEmpty()) {
      throw new IllegalArgumentException("re-provision with a Flyway location or a command, not both");
    }
  }

  /** The default rollback: the plan's tables emptied and their seed rows restored. */
  public RollbackTargetCommand(boolean confirmed) {
    this(confirmed, Mode.TRUNCATE, null, List.of());
  }

  /** How far the rollback goes. */
  public enum Mode {
    /** Empty the plan's tables, restore the rows they held before the first import. */
    TRUNCATE,
    /** Drop and re-create the target schema, then provision it again as the schema phase did. */
    DROP
  }
}

package dev.converge.application.port.in;

import dev.converge.domain.plan.PlanSettings;
import java.util.List;
import java.util.Set;
import java.util.Objects;

/**
 * How to provision the target and what to check afterwards.
 *
 * @param flywayLocation a Flyway location to apply ({@code classpath:…} or {@code filesystem:…}), or null
 * @param command an operator-supplied command to run instead (argv), or empty
 * @param expectedVersion the Flyway version the target must be at afterwards, or null for no check
 * @param versionTables migration-history tables to compare besides the ones converge recognises
 *     ({@code table} or {@code table.column}, e.g. {@code app_versions.tag}); they must exist on both sides
 * @param acceptedMissingVersions releases the operator knows one side lacks on purpose; they are
 *     reported but do not break the contract
 * @param settings the plan settings, whose exclusions decide which source tables need a target table
 */
public record ProvisionTargetCommand(
    String flywayLocation, List<String> command, String expectedVersion, List<String> versionTables,
    Set<String> acceptedMissingVersions, PlanSettings settings) {

  public ProvisionTargetCommand {
    command = List.copyOf(command);
    versionTables = List.copyOf(versionTables);
    acceptedMissingVersions = Set.copyOf(acceptedMissingVersions);
    Objects.requireNonNull(settings, "settings");
    if (flywayLocation != null && !command.isEmpty()) {
      throw new IllegalArgumentException("provision with a Flyway location or a command, not both");
    }
  }

  /** How the target gets its schema. */
  public Mode mode() {
    return flywayLocation != null ? Mode.FLYWAY : command.isEmpty() ? Mode.ALREADY_PROVISIONED : Mode.COMMAND;
  }

  /** The three ways of schema first. */
  public enum Mode { FLYWAY, COMMAND, ALREADY_PROVISIONED }
}

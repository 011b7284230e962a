package dev.converge.adapter.shell;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * How the target schema is provisioned, as {@code schema} and {@code rollback --drop} are told:
 * {@code --flyway-location} or {@code --provision-command}. One of them given on the command line
 * overrides the other coming from {@code converge.yml} or the environment, rather than clashing with
 * it; both on the command line, or both configured, is refused.
 *
 * @param flywayLocation the Flyway location, or null
 * @param command the provisioning command's words, or empty
 */
record ProvisioningChoice(String flywayLocation, List<String> command) {

  ProvisioningChoice {
    command = List.copyOf(command);
  }

  static ProvisioningChoice of(CommandSpec spec, String flywayLocation, String provisionCommand) {
    if (flywayLocation != null && provisionCommand != null) {
      ParseResult line = spec.commandLine().getParseResult();
      boolean flywayOnLine = line != null && line.hasMatchedOption("--flyway-location");
      boolean commandOnLine = line != null && line.hasMatchedOption("--provision-command");
      if (flywayOnLine == commandOnLine) {
        throw new ConvergeException(ErrorCode.CONFIGURATION, "use --flyway-location or --provision-command, not both"
            + (flywayOnLine ? "" : " (both are configured: remove one from converge.yml or the environment)"));
      }
      return flywayOnLine ? new ProvisioningChoice(flywayLocation, List.of())
          : new ProvisioningChoice(null, SchemaCommand.words(provisionCommand));
    }
    return new ProvisioningChoice(flywayLocation, provisionCommand == null ? List.of()
        : SchemaCommand.words(provisionCommand));
  }

  boolean given() {
    return flywayLocation != null || !command.isEmpty();
  }
}

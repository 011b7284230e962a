package dev.converge.adapter.shell;

import dev.converge.application.port.in.ProvisionTargetCommand;
import dev.converge.application.port.in.ProvisionTargetReport;
import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.history.HistoryTable;
import dev.converge.domain.plan.PlanSettings;
import dev.converge.domain.run.Phase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code converge schema}: provision the target from the application's own migrations, then check it. */
@Command(name = "schema",
    description = {"Schema first: provisions the target from the application's own migrations — a Flyway location"
        + " (--flyway-location) or the operator's command (--provision-command) — or only checks an already"
        + " provisioned target; then checks that every source table has its target table, the expected version,"
        + " the application's migration history against the source's, and reports rows already in the target.",
      "Exits with status 6 when the contract does not hold."})
public final class SchemaCommand extends PhaseCommand<ProvisionTargetReport> {

  @Option(names = "--flyway-location", paramLabel = "LOCATION",
      description = "Apply these Flyway migrations to the target schema: classpath:… or filesystem:….")
  String flywayLocation;

  @Option(names = "--provision-command", paramLabel = "COMMAND",
      description = "Run this command instead (e.g. \"kratos migrate sql -e --yes\"), with PGHOST, PGPORT,"
          + " PGDATABASE, PGUSER, PGPASSWORD, PGOPTIONS, DSN and DATABASE_URL set for the target;"
          + " its output goes to <work-dir>/logs/.")
  String provisionCommand;

  @Option(names = "--expect-version", paramLabel = "VERSION",
      description = "With --flyway-location: the Flyway version the target must be at afterwards.")
  String expectedVersion;

  @Mixin HistoryOptions history = new HistoryOptions();

  @Option(names = "--exclude-table", paramLabel = "TABLE=REASON",
      description = "A source table that needs no target table (besides the defaults). Repeatable.")
  Map<String, String> excludedTables = new LinkedHashMap<>();

  @Spec CommandSpec spec;

  public SchemaCommand(PhaseContext context) {
    super(context);
  }

  @Override
  protected Phase phase() {
    return Phase.SCHEMA;
  }

  @Override
  protected PhaseStep.Schema step() {
    return step(ProvisioningChoice.of(spec, flywayLocation, provisionCommand));
  }

  /** As {@link #step()}, provisioned as {@code migrate} was told (its --flyway-location or --provision-command). */
  PhaseStep.Schema step(ProvisioningChoice provisioning) {
    PlanSettings settings = PlanSettings.defaults();
    for (Map.Entry<String, String> excluded : excludedTables.entrySet()) {
      settings = settings.withExcludedTable(excluded.getKey(), excluded.getValue());
    }
    return new PhaseStep.Schema(new ProvisionTargetCommand(provisioning.flywayLocation(), provisioning.command(),
        expectedVersion, history.tables, history.acceptedMissingVersions, settings));
  }

  @Override
  protected void print(ProvisionTargetReport report) {
    switch (report.mode()) {
      case FLYWAY -> out.printf("Schema: %d Flyway migration(s) applied, target at version %s%n",
          report.migrationsApplied(), report.version());
      case COMMAND -> out.printf("Schema: provisioning command run, output in %s%n", report.commandLog());
      case ALREADY_PROVISIONED -> out.println("Schema: already provisioned; checking only");
    }
    if (report.existingRows().isEmpty()) {
      out.println("Rows already in the target: none");
    } else {
      out.println("Rows already in the target (for a table the plan loads, it decides: truncate by default, keep or"
          + " merge-by-primary-key):");
      report.existingRows().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(entry -> out.printf("  %s: %d%s%n", entry.getKey(), entry.getValue(),
              history(entry.getKey()) ? " (a migration history: never loaded, kept as it is)" : ""));
    }
    HistoryOptions.print(report.histories(), out);
    if (report.contractHolds()) {
      out.println("Contract: holds");
    } else {
      out.printf("Contract: broken in %d way(s)%n", report.problems().size());
      report.problems().forEach(problem -> out.printf("  ✗ %s%n", problem));
    }
  }

  /** Splits a command line into words: whitespace separates, single or double quotes group. */
  static List<String> words(String commandLine) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : commandLine.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "unbalanced quote in --provision-command: " + commandLine);
    }
    if (inWord) {
      words.add(word.toString());
    }
    if (words.isEmpty()) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "--provision-command is empty");
    }
    return words;
  }

  /** Whether {@code table} is a migration history converge recognises, which no plan loads. */
  private static boolean history(String table) {
    return HistoryTable.known().stream().anyMatch(known -> known.named(table))
        || PlanSettings.DEFAULT_EXCLUSIONS.containsKey(table);
  }
}

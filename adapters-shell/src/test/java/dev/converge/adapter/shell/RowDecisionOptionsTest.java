package dev.converge.adapter.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.plan.RowDecisions;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class RowDecisionOptionsTest {

  @Command(name = "plan")
  static final class Plan {
    @Mixin RowDecisionOptions decisions = new RowDecisionOptions();
  }

  private static RowDecisions parse(String... args) {
    Plan plan = new Plan();
    new CommandLine(plan).parseArgs(args);
    return plan.decisions.decisions();
  }

  @Test
  void aMapKeepsCommasOfItsSqlAndSeveralMapsSplitOnlyBeforeTheNextTableColumn() {
    RowDecisions decisions = parse("--map", "activity.triggeredBy=lookup:SELECT COALESCE((SELECT id FROM user WHERE"
        + " nameID = ?), ?),vc_interaction.virtualContributorID=lookup:SELECT id FROM virtual_contributor WHERE nameID = ?");

    assertEquals(Map.of("activity.triggeredBy", "SELECT COALESCE((SELECT id FROM user WHERE nameID = ?), ?)",
        "vc_interaction.virtualContributorID", "SELECT id FROM virtual_contributor WHERE nameID = ?"), decisions.lookups());
    assertEquals("--map activity.triggeredBy=lookup:SELECT COALESCE((SELECT id FROM user WHERE nameID = ?), ?)",
        decisions.describe().get(0));
  }

  @Test
  void theArgumentsGiveEveryDecisionBackAsTheCommandLineGaveIt() {
    Plan plan = new Plan();
    String[] given = {"--quarantine", "user:unique", "--default", "user.locale=en", "--map",
        "activity.triggeredBy=lookup:SELECT id FROM user WHERE nameID = ?"};
    new CommandLine(plan).parseArgs(given);
    assertEquals(java.util.List.of(given), plan.decisions.arguments());
    Plan again = new Plan();
    new CommandLine(again).parseArgs(plan.decisions.arguments().toArray(String[]::new));
    assertEquals(plan.decisions.decisions(), again.decisions.decisions());
  }

  @Test
  void aMapThatIsNotALookupIsAConfigurationErrorNamingIt() {
    ConvergeException refused = assertThrows(ConvergeException.class, () -> parse("--map", "user.x=SELECT 1"));
    assertEquals("--map user.x=SELECT 1 is not TABLE.COLUMN=lookup:SQL", refused.getMessage());
  }

  @Test
  void existingRowCollisionsAndUnmappedValuesCanBeQuarantined() {
    assertEquals(Map.of("identity_credential_types", Set.of(RowDecisions.EXISTING_ROW), "activity",
        Set.of(RowDecisions.UNMAPPED)), parse("--quarantine", "identity_credential_types:existing-row",
        "--quarantine", "activity:unmapped").quarantine());
  }
}

package dev.converge.adapter.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.domain.conversion.ValuePolicies.NulBytePolicy;
import dev.converge.domain.conversion.ValuePolicies.OverlongPolicy;
import dev.converge.domain.plan.ExistingRows;
import dev.converge.domain.plan.PlanSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The plan's options take lists from converge.yml and the environment as the command line gives them. */
class PlanOptionsTest {

  @Command(name = "probe")
  static final class Probe implements Runnable {
    @Mixin PlanOptions plan = new PlanOptions();

    @Override
    public void run() {}
  }

  private final Map<String, String> environment = new HashMap<>();

  private PlanSettings parse(String... args) {
    Probe probe = new Probe();
    CommandLine commandLine = new CommandLine(probe);
    commandLine.setDefaultValueProvider(new ConfiguredDefaults(environment::get));
    commandLine.parseArgs(args);
    return probe.plan.settings();
  }

  @Test
  void aListOfPoliciesIsSeveralPoliciesWhereverItComesFrom() {
    // converge.yml's lists and CONVERGE_ variables arrive comma-separated, as on the command line.
    environment.put("CONVERGE_COLUMN_POLICY", "site.name:overlong=truncate,alert.message:nul-bytes=strip");
    environment.put("CONVERGE_POLICY", "overlong=truncate,nul-bytes=strip");
    environment.put("CONVERGE_EXISTING_ROWS", "firmware=keep,site=merge-by-primary-key");
    environment.put("CONVERGE_EXCLUDE_TABLE", "legacy=retired, unused since 2021,old_audit=archived");
    PlanSettings settings = parse();

    assertEquals(OverlongPolicy.TRUNCATE, settings.policiesFor("site", "name").overlong());
    assertEquals(NulBytePolicy.STRIP, settings.policiesFor("alert", "message").nulBytes());
    assertEquals(NulBytePolicy.STRIP, settings.policiesFor("any", "column").nulBytes());
    assertEquals(ExistingRows.KEEP, settings.existingRowsFor("firmware"));
    assertEquals(ExistingRows.MERGE_BY_PRIMARY_KEY, settings.existingRowsFor("site"));
    assertEquals("retired, unused since 2021", settings.excludedTables().get("legacy"), "a reason keeps its commas");
    assertEquals("archived", settings.excludedTables().get("old_audit"));

    assertEquals(OverlongPolicy.TRUNCATE, parse("--column-policy", "a.b:overlong=truncate,c.d:nul-bytes=strip")
        .policiesFor("a", "b").overlong());
  }
}

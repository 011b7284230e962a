package dev.converge.adapter.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.application.port.out.ReportProgressPort;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

/** The progress board: migrate's pipeline shows a bar per stage and table, and batch mode a line per stage. */
class TerminalProgressAdapterTest {

  @Test
  void thePipelinesBoardHasAnExportAValidationAndALoadBarWithRowsPerSecondAndEta() throws IOException {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (Terminal terminal = new ExternalTerminal("test", "xterm", new ByteArrayInputStream(new byte[0]), screen,
        StandardCharsets.UTF_8)) {
      terminal.setSize(new Size(120, 20));
      TerminalProgressAdapter board = new TerminalProgressAdapter(new PrintWriter(new StringWriter()));
      board.attach(terminal);
      board.begin("run-1", "export+validate+import");
      ReportProgressPort validating = board.stage("validate");
      ReportProgressPort loading = board.stage("import");
      // Started in another order than the stages run: the board shows them export, validate, import.
      loading.started("users", 1_000);
      board.started("users", 1_000);
      validating.started("users", 1_000);
      board.progressed("users", 600, 60_000);
      validating.progressed("users", 400, 40_000);
      loading.progressed("users", 200, 20_000);
      // A notice redraws every bar in full, with the rows reported so far.
      board.notice("snapshot taken");
      String shown = screen.toString(StandardCharsets.UTF_8);
      for (String bar : List.of("export   users", "validate users", "import   users")) {
        String line = lineWith(shown, bar);
        assertTrue(line.contains("rows/s") && line.contains("ETA"), bar + ": " + line);
      }
      assertTrue(lineWith(shown, "export   users").contains("600/1,000 rows"), shown);
      assertTrue(lineWith(shown, "validate users").contains("400/1,000 rows"), shown);
      assertTrue(lineWith(shown, "import   users").contains("200/1,000 rows"), shown);
      int export = shown.lastIndexOf("export   users");
      int validate = shown.lastIndexOf("validate users");
      int load = shown.lastIndexOf("import   users");
      assertTrue(export < validate && validate < load, "export, validate, import in that order:\n" + shown);

      loading.finished("users", 1_000, 100_000, Duration.ofSeconds(2));
      assertTrue(screen.toString(StandardCharsets.UTF_8).contains("import   users: 1,000 rows, 0.1 MB in 2.0 s (500 rows/s)"));
      assertEquals(List.of("users"), List.copyOf(board.timings().keySet()), "the journal's timings are the export's");
      assertFalse(board.timings().get("users").finished(), "the export of users is still running");
      board.end();
    }
  }

  @Test
  void inBatchModeEachStageFinishesOnItsOwnLineAndOnlyTheExportSaysItStarted() {
    StringWriter err = new StringWriter();
    TerminalProgressAdapter board = new TerminalProgressAdapter(new PrintWriter(err));
    board.begin("run-1", "export+validate+import");
    board.started("users", 10);
    board.stage("validate").started("users", 10);
    board.stage("import").started("users", 10);
    board.finished("users", 10, 1_000, Duration.ofSeconds(1));
    board.stage("validate").finished("users", 10, 1_000, Duration.ofSeconds(1));
    board.stage("import").finished("users", 10, 1_000, Duration.ofSeconds(1));
    assertEquals(List.of(
        "  export   users: started (about 10 rows)",
        "  export   users: 10 rows, 0.0 MB in 1.0 s (10 rows/s)",
        "  validate users: 10 rows, 0.0 MB in 1.0 s (10 rows/s)",
        "  import   users: 10 rows, 0.0 MB in 1.0 s (10 rows/s)"), err.toString().lines().toList());
  }

  @Test
  void aSinglePhaseLabelsItsBarsWithTheTableAlone() {
    StringWriter err = new StringWriter();
    TerminalProgressAdapter board = new TerminalProgressAdapter(new PrintWriter(err));
    board.begin("run-1", "import");
    board.started("users", 10);
    board.finished("users", 10, 1_000, Duration.ofSeconds(1));
    assertEquals(List.of("  users: started (about 10 rows)", "  users: 10 rows, 0.0 MB in 1.0 s (10 rows/s)"),
        err.toString().lines().toList());
  }

  @Test
  void aBarShowsItsShareRowsRateAndEtaAndFitsTheWidth() {
    TerminalProgressAdapter.Running state = new TerminalProgressAdapter.Running(1_000, 0);
    state.rows = 250;
    String bar = TerminalProgressAdapter.bar("validate users", state, 5_000_000_000L, 120);
    assertEquals("  validate users           [#####...............]  25%  250/1,000 rows  50 rows/s  ETA 15 s", bar);
    assertEquals(59, TerminalProgressAdapter.bar("validate users", state, 5_000_000_000L, 60).length());
  }

  /** The last line of the screen that shows {@code text}, from it on. */
  private static String lineWith(String screen, String text) {
    int at = screen.lastIndexOf(text);
    assertTrue(at >= 0, "no \"" + text + "\" on the screen:\n" + screen);
    int end = screen.indexOf('\n', at);
    return screen.substring(at, end < 0 ? screen.length() : end);
  }
}

package dev.converge.adapter.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InteractiveShellTest {

  @Test
  void theHistoryLivesUnderHomeEvenWhenTheJvmThinksItsHomeIsElsewhere() {
    assertEquals(Path.of("/home/operator/.converge_history"), InteractiveShell.historyFile("/home/operator", "/root"));
  }

  @Test
  void withoutHomeTheHistoryFallsBackToTheJvmsHome() {
    assertEquals(Path.of("/root/.converge_history"), InteractiveShell.historyFile(null, "/root"));
    assertEquals(Path.of("/root/.converge_history"), InteractiveShell.historyFile("", "/root"));
  }
}

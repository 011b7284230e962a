package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExitStatusTest {

  @Test
  void everyFailureClassHasItsOwnStatusDistinctFromSuccessAndUsage() {
    Set<Integer> seen = new HashSet<>(Set.of(ExitStatus.OK, ExitStatus.USAGE));
    for (ErrorCode code : ErrorCode.values()) {
      assertTrue(seen.add(ExitStatus.of(code)), code + " shares its exit status " + ExitStatus.of(code));
    }
  }

  @Test
  void theConfigurationDocumentListsEveryStatus() throws IOException {
    // Maven runs the tests in the module directory; the docs are one level up.
    String doc = Files.readString(Path.of("..", "docs", "configuration.md"), StandardCharsets.UTF_8);
    int[] statuses = Arrays.stream(ErrorCode.values()).mapToInt(ExitStatus::of).toArray();
    for (int status : statuses) {
      assertTrue(doc.contains("\n| " + status + " | "), "docs/configuration.md does not list exit status " + status);
    }
    long documented = doc.lines().filter(line -> line.matches("\\| \\d+ \\| .*")).count();
    for (int signalled : new int[] {ExitStatus.INTERRUPTED, ExitStatus.TERMINATED}) {
      assertTrue(doc.contains("\n| " + signalled + " | "), "docs/configuration.md does not list exit status " + signalled);
    }
    assertEquals(statuses.length + 4, documented, "docs/configuration.md lists statuses converge does not use");
  }
}

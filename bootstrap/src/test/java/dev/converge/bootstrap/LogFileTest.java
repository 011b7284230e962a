package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagnostics log: in the work directory, the operator's only, with run id and phase on its events. */
class LogFileTest {

  @TempDir Path workDirectory;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int plan(String... extra) throws IOException {
    String port = String.valueOf(unusedPort());
    List<String> args = new java.util.ArrayList<>(List.of("plan", "--source-database", "app", "--source-user", "u",
        "--source-port", port, "--target-database", "app", "--target-user", "u", "--target-port", port,
        "--work-dir", workDirectory.toString()));
    args.addAll(List.of(extra));
    return Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void aFailedPhaseIsLoggedInTheWorkDirectoryWithItsRunAndPhase() throws IOException {
    assertEquals(ExitStatus.of(ErrorCode.CONNECTION), plan(), out + "\n" + err);
    Path log = workDirectory.resolve("converge.log");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(text.contains("phase=plan") && text.contains("run=run-") && text.contains("plan failed (CONNECTION)"),
        text);
  }

  @Test
  void withLogFormatJsonEveryLineIsAJsonObjectCarryingTheMdc() throws IOException {
    assertEquals(ExitStatus.of(ErrorCode.CONNECTION), plan("--log-format", "json"), out + "\n" + err);
    List<String> lines = Files.readAllLines(workDirectory.resolve("converge.log"), StandardCharsets.UTF_8);
    assertFalse(lines.isEmpty());
    for (String line : lines) {
      String compact = line.replace(" ", "");
      assertTrue(compact.startsWith("{") && compact.endsWith("}"), line);
      assertTrue(compact.contains("\"mdc\":{") && compact.contains("\"phase\":\"plan\"")
          && compact.contains("\"run_id\":\"run-"), line);
    }
  }

  @Test
  void anUnknownLogFormatIsAConfigurationError() throws IOException {
    assertEquals(ExitStatus.of(ErrorCode.CONFIGURATION), plan("--log-format", "xml"), out + "\n" + err);
    assertTrue(err.toString().contains("--log-format xml: use text or json"), err.toString());
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

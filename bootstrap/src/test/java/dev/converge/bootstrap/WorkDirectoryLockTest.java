package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.adapter.workdir.FileWorkDirectoryLockAdapter;
import dev.converge.domain.failure.ErrorCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run per work directory, as the CLI enforces it: a phase on a locked directory is refused before it touches anything. */
class WorkDirectoryLockTest {

  @TempDir Path workDirectory;

  @Test
  void aPhaseOnAWorkDirectoryAnotherRunHoldsIsAConfigurationErrorNamingTheHolder() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try (FileWorkDirectoryLockAdapter.Held other = new FileWorkDirectoryLockAdapter.Held()) {
      new FileWorkDirectoryLockAdapter(workDirectory, other).lock();
      int status = Main.run(new String[] {"plan", "--source-database", "app", "--source-user", "u",
          "--target-database", "app", "--target-user", "u", "--source-port", "1", "--target-port", "1",
          "--work-dir", workDirectory.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
      assertEquals(ExitStatus.of(ErrorCode.CONFIGURATION), status, out + "\n" + err);
      assertTrue(err.toString().contains("is in use by another converge run (pid " + ProcessHandle.current().pid()
          + " on host "), err.toString());
      assertFalse(Files.exists(workDirectory.resolve("run_journal.json")), "the refused run wrote nothing");
    }
  }
}

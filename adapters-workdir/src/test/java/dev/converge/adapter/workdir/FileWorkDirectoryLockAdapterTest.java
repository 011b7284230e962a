package dev.converge.adapter.workdir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.WorkDirectoryLockedException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWorkDirectoryLockAdapterTest {

  @TempDir Path temp;

  @Test
  void aSecondProcessIsRefusedWithTheHolderNamed() throws Exception {
    Path work = temp.resolve("run");
    Process holder = holdInAnotherProcess(work);
    try (FileWorkDirectoryLockAdapter.Held held = new FileWorkDirectoryLockAdapter.Held()) {
      WorkDirectoryLockedException refused = assertThrows(WorkDirectoryLockedException.class,
          () -> new FileWorkDirectoryLockAdapter(work, held).lock());
      assertEquals(ErrorCode.CONFIGURATION, refused.code());
      assertTrue(refused.getMessage().contains("pid " + holder.pid() + " on host ")
          && refused.getMessage().contains("started 20") && refused.getMessage().contains(work.toString()),
          refused.getMessage());
    } finally {
      holder.getOutputStream().close();
      assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void theLockOfAKilledProcessIsTakenOverAndItsHolderReported() throws Exception {
    Path work = temp.resolve("run");
    Process holder = holdInAnotherProcess(work);
    holder.destroyForcibly();
    assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
    try (FileWorkDirectoryLockAdapter.Held held = new FileWorkDirectoryLockAdapter.Held()) {
      Optional<String> previous = new FileWorkDirectoryLockAdapter(work, held).lock();
      assertTrue(previous.orElseThrow().startsWith("pid " + holder.pid() + " on host "), previous.toString());
      String content = Files.readString(work.resolve(FileWorkDirectoryLockAdapter.FILE_NAME));
      assertTrue(content.contains("pid=" + ProcessHandle.current().pid()), content);
    }
  }

  @Test
  void aSecondCommandInThisProcessIsRefusedUntilTheFirstEnds() {
    Path work = temp.resolve("run");
    FileWorkDirectoryLockAdapter.Held first = new FileWorkDirectoryLockAdapter.Held();
    assertEquals(Optional.empty(), new FileWorkDirectoryLockAdapter(work, first).lock());
    assertEquals(Optional.empty(), new FileWorkDirectoryLockAdapter(work, first).lock(), "the holder may lock again");
    FileWorkDirectoryLockAdapter.Held second = new FileWorkDirectoryLockAdapter.Held();
    String refused = assertThrows(WorkDirectoryLockedException.class,
        () -> new FileWorkDirectoryLockAdapter(work, second).lock()).getMessage();
    assertTrue(refused.contains("pid " + ProcessHandle.current().pid()), refused);
    first.close();
    assertEquals(Optional.empty(), new FileWorkDirectoryLockAdapter(work, second).lock(),
        "a clean end leaves no holder behind to report");
    second.close();
  }

  @Test
  void theWorkDirectoryIsCreatedForItsOwnerOnly() throws Exception {
    Path work = temp.resolve("a/run");
    try (FileWorkDirectoryLockAdapter.Held held = new FileWorkDirectoryLockAdapter.Held()) {
      new FileWorkDirectoryLockAdapter(work, held).lock();
    }
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(work)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(work.getParent())));
    assertEquals("rw-------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(work.resolve(FileWorkDirectoryLockAdapter.FILE_NAME))));
  }

  private static Process holdInAnotherProcess(Path work) throws Exception {
    Process holder = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElseThrow(),
        "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), work.toString()))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("locked", output.readLine(), "the holder process did not lock");
    return holder;
  }
}

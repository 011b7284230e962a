package dev.converge.adapter.workdir;

import java.io.IOException;
import java.nio.file.Path;

/** A second process for {@link FileWorkDirectoryLockAdapterTest}: locks a work directory and holds it until its input ends. */
public final class LockHolder {

  private LockHolder() {}

  public static void main(String[] args) throws IOException {
    new FileWorkDirectoryLockAdapter(Path.of(args[0]), new FileWorkDirectoryLockAdapter.Held()).lock();
    System.out.println("locked");
    System.out.flush();
    while (System.in.read() >= 0) {
      // Hold the lock until the test closes our input or kills us.
    }
  }
}

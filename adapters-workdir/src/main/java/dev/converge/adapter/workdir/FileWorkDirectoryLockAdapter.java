package dev.converge.adapter.workdir;

import dev.converge.application.port.out.LockWorkDirectoryPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.WorkDirectoryLockedException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The work directory's {@code .lock} file, locked with an operating-system file lock
 * ({@link FileChannel#tryLock()}) held until the converge command ends (in batch mode the
 * process, in the shell the session; see {@link Held}). The kernel releases it when the process
 * dies however it dies, so a lock left by a killed run is free, and is taken over. The file names
 * its holder (pid, host, start time) for the refusal message.
 */
public final class FileWorkDirectoryLockAdapter implements LockWorkDirectoryPort {

  static final String FILE_NAME = ".lock";

  /**
   * The work-directory locks one converge command holds, by real path; closing it releases them
   * (the command has ended). One per command, so that a second command in the same JVM (tests,
   * an embedding program) is refused like a second process.
   */
  public static final class Held implements AutoCloseable {

    private final Map<Path, FileLock> locks = new ConcurrentHashMap<>();

    @Override
    public synchronized void close() {
      for (FileLock lock : locks.values()) {
        try {
          // An empty file says "ended cleanly"; a killed run leaves its holder line behind.
          lock.channel().truncate(0);
          lock.channel().close();
        } catch (IOException e) {
          // Closing releases the lock; if even that fails, the process's end will.
        }
      }
      locks.clear();
    }
  }

  private final Path directory;
  private final Held held;

  public FileWorkDirectoryLockAdapter(Path directory, Held held) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.held = Objects.requireNonNull(held, "held");
  }

  @Override
  public Optional<String> lock() {
    Path key;
    try {
      WorkFiles.createDirectories(directory);
      key = directory.toRealPath();
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot create the work directory " + directory + ": "
          + e.getMessage(), e);
    }
    synchronized (held) {
      if (held.locks.containsKey(key)) {
        return Optional.empty();
      }
      return take(key);
    }
  }

  private Optional<String> take(Path key) {
    Path file = key.resolve(FILE_NAME);
    FileChannel channel = null;
    try {
      channel = WorkFiles.openOwnerOnly(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        // Another command in this JVM holds it: refused like another process.
        lock = null;
      }
      String previous = read(channel);
      if (lock == null) {
        channel.close();
        throw new WorkDirectoryLockedException(directory.toString(), previous.isBlank() ? "the holder did not say who it is"
            : describe(previous));
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(holderOfThisProcess().getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      held.locks.put(key, lock);
      return previous.isBlank() ? Optional.empty() : Optional.of(describe(previous));
    } catch (IOException e) {
      closeQuietly(channel);
      throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot lock the work directory " + directory + " ("
          + file + "): " + e.getMessage(), e);
    }
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  /** {@code pid 4711 on host ci-7, started 2026-12-02T03:00:00Z} from the file's {@code key=value} lines. */
  static String describe(String content) {
    Map<String, String> fields = new ConcurrentHashMap<>();
    for (String line : content.split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        fields.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
      }
    }
    return "pid " + fields.getOrDefault("pid", "?") + " on host " + fields.getOrDefault("host", "?") + ", started "
        + fields.getOrDefault("started", "?");
  }

  private static String holderOfThisProcess() {
    ProcessHandle self = ProcessHandle.current();
    Instant started = self.info().startInstant().orElseGet(Instant::now);
    return "pid=" + self.pid() + "\nhost=" + hostName() + "\nstarted=" + started + "\n";
  }

  private static String hostName() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // The failure being reported matters more than this one.
      }
    }
  }
}

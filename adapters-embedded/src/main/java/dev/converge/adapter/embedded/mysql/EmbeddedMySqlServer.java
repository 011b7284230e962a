package dev.converge.adapter.embedded.mysql;

import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.connection.RunningServer;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.MissingPrerequisiteException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A throw-away MySQL 8 or MariaDB server on a free loopback port, its data in a temp directory
 * that {@link #close()} removes. For tests, the demo and the benchmark; never for production data.
 */
public final class EmbeddedMySqlServer implements RunningServer {

  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);
  private static final int START_ATTEMPTS = 3;

  private final MySqlFlavor flavor;
  private final Path runDirectory;
  private final int port;
  private final ServerProcess process;
  private final String version;
  private final Thread cleanup;
  private final boolean tls;

  private EmbeddedMySqlServer(MySqlFlavor flavor, Path runDirectory, int port, ServerProcess process, String version,
      boolean tls) {
    this.flavor = flavor;
    this.tls = tls;
    this.runDirectory = runDirectory;
    this.port = port;
    this.process = process;
    this.version = version;
    // Stops the server (again, harmlessly, if the process's own hook did) and then removes its data
    // when the JVM ends without close(), also on Ctrl-C.
    this.cleanup = new Thread(() -> {
      process.close();
      deleteQuietly(runDirectory);
    }, "converge-clean-" + flavor.name().toLowerCase());
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /** Initialises a fresh data directory and starts the server; returns once it accepts connections. */
  public static EmbeddedMySqlServer start(MySqlFlavor flavor) {
    return start(flavor, List.of());
  }

  /**
   * As {@link #start(MySqlFlavor)}, with more server options, e.g. a TLS-only server:
   * {@code --require-secure-transport=ON --ssl-ca=… --ssl-cert=… --ssl-key=…}. With TLS options
   * converge's own administrator connections use TLS too.
   */
  public static EmbeddedMySqlServer start(MySqlFlavor flavor, List<String> serverOptions) {
    boolean tls = serverOptions.stream().anyMatch(option -> option.startsWith("--ssl") || option.contains("secure-transport")
        || option.contains("secure_transport"));
    Path binaries = InstalledBinaries.of(flavor);
    Path runDirectory;
    try {
      runDirectory = Files.createTempDirectory("converge-" + flavor.name().toLowerCase() + "-");
      Files.createDirectories(runDirectory.resolve("files"));
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, "cannot create a run directory", e);
    }
    try {
      initialise(flavor, binaries, runDirectory);
      ConvergeException last = null;
      for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
        int port = freePort();
        List<String> command = new ArrayList<>(serverCommand(flavor, binaries, runDirectory, port));
        command.addAll(serverOptions);
        ServerProcess process = ServerProcess.start(command, runDirectory.resolve("console.log"));
        try {
          String version = awaitReady(flavor, process, port, runDirectory, tls);
          return new EmbeddedMySqlServer(flavor, runDirectory, port, process, version, tls);
        } catch (ConvergeException e) {
          process.close();
          last = e;
          // Another process may have taken the port between probing and binding; try a new one.
          if (!String.valueOf(e.getMessage()).contains("already in use")) {
            throw e;
          }
        }
      }
      throw last;
    } catch (RuntimeException e) {
      deleteQuietly(runDirectory);
      throw e;
    }
  }

  private static void initialise(MySqlFlavor flavor, Path binaries, Path runDirectory) {
    Path log = runDirectory.resolve("initialise.log");
    List<String> command = new ArrayList<>();
    switch (flavor) {
      case MYSQL_8_0 -> command.addAll(List.of(
          binaries.resolve("bin/mysqld").toString(), "--no-defaults", "--initialize-insecure",
          "--basedir=" + binaries, "--datadir=" + runDirectory.resolve("data"),
          "--log-error=" + log));
      case MARIADB_11_4 -> command.addAll(List.of(
          binaries.resolve("scripts/mariadb-install-db").toString(), "--no-defaults",
          "--basedir=" + binaries, "--datadir=" + runDirectory.resolve("data"),
          "--auth-root-authentication-method=normal", "--skip-name-resolve", "--skip-test-db"));
    }
    if (runsAsRoot()) {
      // mysqld refuses to run as root unless told to; the data directory stays root's.
      command.add("--user=root");
    }
    try {
      ServerProcess.runToCompletion(command, log, STARTUP_TIMEOUT);
    } catch (ConvergeException e) {
      throw prerequisiteOr(e, log);
    }
  }

  private static List<String> serverCommand(MySqlFlavor flavor, Path binaries, Path runDirectory, int port) {
    String executable = flavor == MySqlFlavor.MYSQL_8_0 ? "bin/mysqld" : "bin/mariadbd";
    List<String> command = new ArrayList<>(List.of(
        binaries.resolve(executable).toString(), "--no-defaults",
        "--basedir=" + binaries,
        "--datadir=" + runDirectory.resolve("data"),
        "--port=" + port,
        "--bind-address=127.0.0.1",
        "--socket=" + runDirectory.resolve("mysqld.sock"),
        "--pid-file=" + runDirectory.resolve("mysqld.pid"),
        "--log-error=" + runDirectory.resolve("error.log"),
        "--secure-file-priv=" + runDirectory.resolve("files"),
        "--character-set-server=utf8mb4",
        // The binary log on, as a MySQL 8 source has it by default: the snapshot's position is read from it.
        "--log-bin=binlog",
        "--server-id=1",
        "--sync-binlog=0",
        "--log-bin-trust-function-creators=1",
        // A disposable server: durability per second is enough and much faster for bulk inserts.
        "--innodb-flush-log-at-trx-commit=2",
        "--max-connections=200"));
    if (flavor == MySqlFlavor.MYSQL_8_0) {
      command.add("--mysqlx=OFF");
    }
    if (runsAsRoot()) {
      command.add("--user=root");
    }
    return command;
  }

  private static String awaitReady(MySqlFlavor flavor, ServerProcess process, int port, Path runDirectory, boolean tls) {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    SQLException lastError = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        Path errorLog = runDirectory.resolve("error.log");
        throw prerequisiteOr(new ConvergeException(ErrorCode.EMBEDDED_SERVER,
            flavor.product() + " " + flavor.version() + " exited during start-up; its log:\n"
                + process.logTail() + "\n" + ServerProcess.tail(errorLog)), runDirectory.resolve("console.log"));
      }
      try (Connection connection = DriverManager.getConnection(jdbcUrl(port, "", tls), credentials());
          Statement statement = connection.createStatement();
          ResultSet version = statement.executeQuery("SELECT VERSION()")) {
        version.next();
        return version.getString(1);
      } catch (SQLException e) {
        lastError = e;
      }
      sleep(Duration.ofMillis(100));
    }
    throw new ConvergeException(ErrorCode.EMBEDDED_SERVER,
        flavor.product() + " did not accept connections on port " + port + " within " + STARTUP_TIMEOUT
            + "; its log:\n" + ServerProcess.tail(runDirectory.resolve("error.log")), lastError);
  }

  /** Turns the loader's "cannot open libaio.so.1" into the one message that names the fix. */
  private static ConvergeException prerequisiteOr(ConvergeException failure, Path log) {
    String output = failure.getMessage() + ServerProcess.tail(log);
    if (output.contains("libaio.so")) {
      return new MissingPrerequisiteException("libaio1 (the Linux asynchronous I/O library MySQL 8 needs)",
          "apt-get install libaio1 (as root), then run again",
          "mysqld: error while loading shared libraries: libaio.so.1");
    }
    return failure;
  }

  @Override
  public String description() {
    return flavor.product() + " " + version;
  }

  /** Creates a database with the server's utf8mb4 default character set. */
  @Override
  public void createDatabase(String name) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(port, "", tls), credentials());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE `" + name.replace("`", "``") + "` CHARACTER SET utf8mb4");
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, "cannot create database " + name, e);
    }
  }

  /** The administrator's endpoint for one database on this server. */
  @Override
  public DatabaseEndpoint endpoint(String database) {
    return new DatabaseEndpoint("127.0.0.1", port, database, "root", "");
  }

  public MySqlFlavor flavor() {
    return flavor;
  }

  /** What {@code SELECT VERSION()} answered, e.g. {@code 8.0.31} or {@code 11.4.5-MariaDB}. */
  public String version() {
    return version;
  }

  public int port() {
    return port;
  }

  /** The directory {@code SELECT … INTO OUTFILE} may write to ({@code secure_file_priv}). */
  public Path outfileDirectory() {
    return runDirectory.resolve("files");
  }

  @Override
  public void close() {
    process.close();
    deleteQuietly(runDirectory);
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is ending; the hook does the same work.
    }
  }

  private static String jdbcUrl(int port, String database, boolean tls) {
    // root has no password here, so public-key retrieval has nothing to protect.
    return "jdbc:mysql://127.0.0.1:" + port + "/" + database
        + "?connectTimeout=2000&allowPublicKeyRetrieval=true&sslMode=" + (tls ? "REQUIRED" : "DISABLED");
  }

  /**
   * Runs administrator statements (users, grants) on this server, e.g. a test's login that must
   * present a client certificate ({@code CREATE USER … REQUIRE X509}).
   */
  public void execute(String... statements) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(port, "", tls), credentials());
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, "cannot run an administrator statement: " + e.getMessage(), e);
    }
  }

  private static Properties credentials() {
    Properties properties = new Properties();
    properties.setProperty("user", "root");
    properties.setProperty("password", "");
    return properties;
  }

  static boolean runsAsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, "no free loopback port", e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, "interrupted while waiting for the server", e);
    }
  }

  private static void deleteQuietly(Path directory) {
    try {
      InstalledBinaries.deleteTree(directory);
    } catch (IOException | java.io.UncheckedIOException e) {
      // A leftover temp directory is harmless; failing a successful stop over it is not. (Two shutdown
      // hooks may delete at once, so files can vanish under the walk.)
    }
  }
}

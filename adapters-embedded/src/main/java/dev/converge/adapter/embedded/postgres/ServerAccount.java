package dev.converge.adapter.embedded.postgres;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.MissingPrerequisiteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The account the Postgres processes run under. Postgres refuses to run as root, so a root JVM
 * runs initdb and postgres as {@code nobody} through {@code setpriv} and hands it the data
 * directory; any other user runs them as itself.
 */
record ServerAccount(boolean dropsPrivileges, int uid, int gid, String name) {

  private static final String UNPRIVILEGED = "nobody";

  static ServerAccount forCurrentProcess() {
    if (!runsAsRoot()) {
      return new ServerAccount(false, -1, -1, System.getProperty("user.name"));
    }
    if (!Files.isExecutable(Path.of("/usr/bin/setpriv")) && !Files.isExecutable(Path.of("/bin/setpriv"))) {
      throw new MissingPrerequisiteException("setpriv (util-linux), needed to run Postgres as an unprivileged user",
          "apt-get install util-linux, or run converge as a non-root user", null);
    }
    return lookUp(UNPRIVILEGED);
  }

  private static ServerAccount lookUp(String user) {
    try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
      String[] fields = lines.map(line -> line.split(":"))
          .filter(entry -> entry.length > 3 && entry[0].equals(user))
          .findFirst()
          .orElseThrow(() -> new MissingPrerequisiteException("the unprivileged user '" + user + "'",
              "useradd --system " + user + ", or run converge as a non-root user", null));
      return new ServerAccount(true, Integer.parseInt(fields[2]), Integer.parseInt(fields[3]), user);
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, "cannot read /etc/passwd", e);
    }
  }

  /** The command, run as this account. */
  List<String> wrap(List<String> command) {
    if (!dropsPrivileges) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of(
        "setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--reset-env", "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** Gives this account the directory (and what is in it), so that the server can write there. */
  void own(Path directory) {
    if (!dropsPrivileges) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.toList()) {
        Files.setAttribute(path, "unix:uid", uid);
        Files.setAttribute(path, "unix:gid", gid);
      }
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, "cannot hand " + directory + " to " + name, e);
    }
  }

  static boolean runsAsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }
}

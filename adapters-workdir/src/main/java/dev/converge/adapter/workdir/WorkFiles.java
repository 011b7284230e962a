package dev.converge.adapter.workdir;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * How files and directories are created in a work directory, which holds production data: files
 * readable and writable by their owner only (0600), directories 0700, whatever the umask says.
 * On a file system without POSIX permissions the platform's defaults apply. The one place the
 * file adapters (CSV, JSON, Markdown) and the work-directory lock create files and directories.
 */
public final class WorkFiles {

  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private WorkFiles() {}

  /** Creates the directory and any missing parents, each created one 0700; existing ones are left as they are. */
  public static Path createDirectories(Path directory) throws IOException {
    Path absolute = directory.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      return directory;
    }
    Path parent = absolute.getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      if (posix(parent)) {
        Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
      } else {
        Files.createDirectory(absolute);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(absolute)) {
        throw e;
      }
      // Another thread created it in between; the directory is there, as wanted.
    }
    return directory;
  }

  /** Opens a file, creating it 0600 if it is new. */
  public static FileChannel openOwnerOnly(Path file, StandardOpenOption... options) throws IOException {
    Set<StandardOpenOption> set = EnumSet.noneOf(StandardOpenOption.class);
    set.addAll(Set.of(options));
    FileAttribute<?>[] attributes = posix(file.toAbsolutePath().getParent())
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    return FileChannel.open(file, set, attributes);
  }

  /** Creates an empty file 0600 (replacing nothing: it must not exist). */
  private static Path createFile(Path file) throws IOException {
    if (posix(file.toAbsolutePath().getParent())) {
      return Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
    }
    return Files.createFile(file);
  }

  /**
   * Writes bytes to a new or truncated file that is 0600 (a file left by an older version is
   * narrowed). Through a {@link FileOutputStream}, not a channel: a journal must still be written by
   * a thread the operator's Ctrl-C interrupted (an interrupted channel closes itself).
   */
  public static void write(Path file, byte[] content) throws IOException {
    ownerOnly(file);
    try (OutputStream out = new FileOutputStream(file.toFile())) {
      out.write(content);
    }
  }

  /**
   * Replaces {@code directory/fileName} whole with {@code content}: written (0600) to
   * {@code fileName.partial}, forced to disk, then renamed over the file atomically — a reader, or a
   * process killed at any moment (kill -9, power loss), sees the old file or the new one, never half
   * of one. The one way the work directory's documents (plan, manifest, journals) are written.
   */
  public static Path replace(Path directory, String fileName, byte[] content) throws IOException {
    createDirectories(directory);
    Path partial = ownerOnly(directory.resolve(fileName + ".partial"));
    try (FileOutputStream out = new FileOutputStream(partial.toFile())) {
      out.write(content);
      out.getFD().sync();
    }
    Path file = directory.resolve(fileName);
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  /** Creates the file empty and 0600 when it is missing, or makes the existing one 0600; returns it. */
  public static Path ownerOnly(Path file) throws IOException {
    if (!Files.exists(file)) {
      try {
        createFile(file);
      } catch (FileAlreadyExistsException e) {
        // Created in between; it is narrowed below.
      }
    }
    narrow(file);
    return file;
  }

  /** Makes an existing file 0600. */
  private static void narrow(Path file) throws IOException {
    if (posix(file.toAbsolutePath().getParent())) {
      Files.setPosixFilePermissions(file, FILE);
    }
  }

  private static boolean posix(Path path) {
    return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}

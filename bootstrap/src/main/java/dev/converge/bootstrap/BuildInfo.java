package dev.converge.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version and commit this jar was built from, read from the resource Maven filled in at build time. */
public record BuildInfo(String version, String commit) {

  static BuildInfo fromClasspath() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(properties.getProperty("version"), commit(properties));
  }

  /** The abbreviated commit, with {@code -dirty} for uncommitted changes; "unknown" when the build had no git. */
  private static String commit(Properties properties) {
    String commit = properties.getProperty("commit", "");
    if (commit.isBlank() || commit.startsWith("${")) {
      return "unknown";
    }
    return commit + ("true".equals(properties.getProperty("dirty")) ? "-dirty" : "");
  }

  /** The lines {@code converge --version} prints. */
  String[] versionLines() {
    return new String[] {
      "converge " + version + " (commit " + commit + ")",
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
    };
  }
}

package dev.converge.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version this jar was built as, read from the resource Maven filled in at build time. */
public record BuildInfo(String version) {

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
    return new BuildInfo(properties.getProperty("version"));
  }

  /** The lines {@code converge --version} prints. */
  String[] versionLines() {
    return new String[] {
      "converge " + version,
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
    };
  }
}

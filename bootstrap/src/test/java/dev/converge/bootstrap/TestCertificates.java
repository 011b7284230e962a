package dev.converge.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away CA, a server certificate for 127.0.0.1/localhost and a client certificate, made
 * with the JDK's keytool and written as the PEM files servers and operators use.
 */
final class TestCertificates {

  private static final String PASSWORD = "changeit";

  final Path ca;
  final Path serverCertificate;
  final Path serverKey;
  final Path clientCertificate;
  final Path clientKey;
  /** A CA that signed none of these: trusting it alone must fail a verifying handshake. */
  final Path otherCa;

  private TestCertificates(Path directory) {
    this.ca = directory.resolve("ca.pem");
    this.serverCertificate = directory.resolve("server-cert.pem");
    this.serverKey = directory.resolve("server-key.pem");
    this.clientCertificate = directory.resolve("client-cert.pem");
    this.clientKey = directory.resolve("client-key.pem");
    this.otherCa = directory.resolve("other-ca.pem");
  }

  /** Generates the CA and both certificates into {@code directory}; the client's common name is {@code clientName}. */
  static TestCertificates generate(Path directory, String clientName) {
    TestCertificates certificates = new TestCertificates(directory);
    try {
      certificates.make(directory, clientName);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate test certificates in " + directory, e);
    }
    return certificates;
  }

  private void make(Path directory, String clientName) throws IOException, GeneralSecurityException {
    Path caStore = directory.resolve("ca.p12");
    keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=converge test CA", "-ext", "bc:c", "-keystore", caStore.toString());
    keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-file", ca.toString());
    Path otherStore = directory.resolve("other-ca.p12");
    keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=another CA", "-ext", "bc:c", "-keystore", otherStore.toString());
    keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", otherStore.toString(), "-file", otherCa.toString());
    signed(directory, caStore, "server", "CN=localhost", serverCertificate, serverKey,
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "EKU=serverAuth");
    signed(directory, caStore, "client", "CN=" + clientName, clientCertificate, clientKey, "-ext", "EKU=clientAuth");
  }

  private static void signed(Path directory, Path caStore, String name, String subject, Path certificate, Path key,
      String... extensions) throws IOException, GeneralSecurityException {
    Path store = directory.resolve(name + ".p12");
    Path request = directory.resolve(name + ".csr");
    keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", subject, "-keystore", store.toString());
    keytool("-certreq", "-alias", name, "-keystore", store.toString(), "-file", request.toString());
    List<String> sign = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-validity", "2",
        "-keystore", caStore.toString(), "-infile", request.toString(), "-outfile", certificate.toString()));
    sign.addAll(List.of(extensions));
    keytool(sign.toArray(String[]::new));
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    PrivateKey privateKey = (PrivateKey) keys.getKey(name, PASSWORD.toCharArray());
    Files.writeString(Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(privateKey.getEncoded())
            + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
  }

  private static void keytool(String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while keytool ran", e);
    }
  }
}

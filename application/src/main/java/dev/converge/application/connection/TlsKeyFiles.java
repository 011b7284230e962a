package dev.converge.application.connection;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the PEM files operators have (CA bundle, client certificate, client key) into the forms
 * the JDBC drivers read: a PKCS#12 key store (Connector/J's trust and client stores) or a PKCS#8
 * DER key (pgjdbc). What is written holds a private key, so it is created readable by the owner
 * only, in a fresh temp directory, and deleted when the JVM ends.
 */
public final class TlsKeyFiles {

  private static final Pattern PEM_BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
  /** DER of {@code AlgorithmIdentifier { rsaEncryption, NULL }}, to wrap a PKCS#1 RSA key as PKCS#8. */
  private static final byte[] RSA_ALGORITHM = HexFormat.of().parseHex("300d06092a864886f70d0101010500");

  private TlsKeyFiles() {}

  /** A key store written for a driver, with the random password that opens it. */
  public record KeyStoreFile(Path path, String password) {

    @Override
    public String toString() {
      return "KeyStoreFile[" + path + ", password=****]";
    }
  }

  /** The certificates of a PEM file (a CA bundle may hold several). */
  public static List<Certificate> certificates(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      List<Certificate> certificates = new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (certificates.isEmpty()) {
        throw new ConvergeException(ErrorCode.CONFIGURATION, pem + " holds no certificate (a PEM file with "
            + "-----BEGIN CERTIFICATE----- blocks is expected)");
      }
      return certificates;
    } catch (IOException | GeneralSecurityException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot read the certificate file " + pem + ": " + e.getMessage(), e);
    }
  }

  /** The private key of a PEM file: PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}). */
  public static PrivateKey privateKey(Path pem) {
    String text;
    try {
      text = Files.readString(pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot read the key file " + pem + ": " + e.getMessage(), e);
    }
    Matcher block = PEM_BLOCK.matcher(text);
    while (block.find()) {
      String type = block.group(1);
      byte[] der = Base64.getMimeDecoder().decode(block.group(2).replaceAll("\\s", ""));
      switch (type) {
        case "PRIVATE KEY" -> {
          return pkcs8(der, pem);
        }
        case "RSA PRIVATE KEY" -> {
          return pkcs8(wrapPkcs1(der), pem);
        }
        case "ENCRYPTED PRIVATE KEY" -> throw new ConvergeException(ErrorCode.CONFIGURATION, "the key file " + pem
            + " is encrypted; converge needs an unencrypted key (openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem),"
            + " kept readable by its owner only");
        default -> {
          // EC PARAMETERS and the like precede the key in some files: look further.
        }
      }
    }
    throw new ConvergeException(ErrorCode.CONFIGURATION, "the key file " + pem + " holds no PEM private key "
        + "(BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY); convert it with openssl pkcs8 -topk8 -nocrypt");
  }

  /** A PKCS#12 store trusting the certificates of a PEM file. */
  public static KeyStoreFile trustStore(Path caPem) {
    try {
      KeyStore store = emptyStore();
      int index = 0;
      for (Certificate certificate : certificates(caPem)) {
        store.setCertificateEntry("ca-" + index++, certificate);
      }
      return write(store, "truststore");
    } catch (GeneralSecurityException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot build a trust store from " + caPem, e);
    }
  }

  /** A PKCS#12 store holding the client certificate (chain) and its key. */
  public static KeyStoreFile clientStore(Path certificatePem, Path keyPem) {
    List<Certificate> chain = certificates(certificatePem);
    PrivateKey key = privateKey(keyPem);
    try {
      KeyStore store = emptyStore();
      String password = password();
      store.setKeyEntry("client", key, password.toCharArray(), chain.toArray(Certificate[]::new));
      return write(store, password, "client");
    } catch (GeneralSecurityException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "the client certificate " + certificatePem
          + " and the key " + keyPem + " do not make a key store: " + e.getMessage(), e);
    }
  }

  /** The key of a PEM file as PKCS#8 DER in a {@code .pk8} file (what pgjdbc reads). */
  public static Path pkcs8DerKey(Path keyPem) {
    return writeOwnerOnly(privateKey(keyPem).getEncoded(), "client", ".pk8");
  }

  private static PrivateKey pkcs8(byte[] der, Path pem) {
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // Not this algorithm; the PKCS#8 header names it, but trying is simpler than parsing ASN.1.
      }
    }
    throw new ConvergeException(ErrorCode.CONFIGURATION, "the key in " + pem + " is not an RSA, EC or EdDSA key");
  }

  /** PKCS#8 {@code SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING pkcs1 }}. */
  private static byte[] wrapPkcs1(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(RSA_ALGORITHM);
    body.write(0x04);
    body.writeBytes(length(pkcs1.length));
    body.writeBytes(pkcs1);
    ByteArrayOutputStream sequence = new ByteArrayOutputStream();
    sequence.write(0x30);
    sequence.writeBytes(length(body.size()));
    sequence.writeBytes(body.toByteArray());
    return sequence.toByteArray();
  }

  private static byte[] length(int length) {
    if (length < 0x80) {
      return new byte[] {(byte) length};
    }
    if (length < 0x100) {
      return new byte[] {(byte) 0x81, (byte) length};
    }
    if (length < 0x10000) {
      return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
    }
    return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    return store;
  }

  private static KeyStoreFile write(KeyStore store, String name) throws GeneralSecurityException {
    return write(store, password(), name);
  }

  private static KeyStoreFile write(KeyStore store, String password, String name) throws GeneralSecurityException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      store.store(bytes, password.toCharArray());
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    return new KeyStoreFile(writeOwnerOnly(bytes.toByteArray(), name, ".p12"), password);
  }

  private static Path writeOwnerOnly(byte[] content, String name, String suffix) {
    try {
      Path directory = Files.createTempDirectory("converge-tls-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Path file = Files.createFile(directory.resolve(name + suffix),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (OutputStream out = Files.newOutputStream(file)) {
        out.write(content);
      }
      // Registered in this order, the file goes first, then its directory.
      directory.toFile().deleteOnExit();
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot write a temporary " + name + " key file: "
          + e.getMessage(), e);
    }
  }

  private static String password() {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}

package dev.converge.application.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsKeyFilesTest {

  private static PrivateKey key;

  @TempDir Path directory;

  @BeforeAll
  static void generateKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    key = generator.generateKeyPair().getPrivate();
  }

  @Test
  void aPkcs8AndAPkcs1PemKeyReadAsTheSameKey() throws Exception {
    byte[] pkcs8 = key.getEncoded();
    // A 2048-bit key's PKCS#8 DER: 4 bytes of SEQUENCE header, version (3), algorithm (15), OCTET STRING header (4).
    byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
    Path modern = pem("key.pem", "PRIVATE KEY", pkcs8);
    Path traditional = pem("rsa.pem", "RSA PRIVATE KEY", pkcs1);
    assertArrayEquals(pkcs8, TlsKeyFiles.privateKey(modern).getEncoded());
    assertArrayEquals(pkcs8, TlsKeyFiles.privateKey(traditional).getEncoded());
  }

  @Test
  void theDerKeyForPgjdbcIsReadableByItsOwnerOnly() throws Exception {
    Path der = TlsKeyFiles.pkcs8DerKey(pem("key.pem", "PRIVATE KEY", key.getEncoded()));
    assertTrue(der.getFileName().toString().endsWith(".pk8"), der.toString());
    assertArrayEquals(key.getEncoded(), Files.readAllBytes(der));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(der)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(der.getParent())));
  }

  @Test
  void anEncryptedOrMissingKeyIsAConfigurationErrorNamingTheFile() throws Exception {
    Path encrypted = pem("secret.pem", "ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3});
    ConvergeException refused = assertThrows(ConvergeException.class, () -> TlsKeyFiles.privateKey(encrypted));
    assertEquals(ErrorCode.CONFIGURATION, refused.code());
    assertTrue(refused.getMessage().contains("secret.pem") && refused.getMessage().contains("encrypted"),
        refused.getMessage());
    Path certificateOnly = pem("cert.pem", "CERTIFICATE", new byte[] {1, 2, 3});
    assertTrue(assertThrows(ConvergeException.class, () -> TlsKeyFiles.privateKey(certificateOnly)).getMessage()
        .contains("holds no PEM private key"));
  }

  private Path pem(String name, String type, byte[] der) throws Exception {
    return Files.writeString(directory.resolve(name), "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n",
        StandardCharsets.US_ASCII);
  }
}

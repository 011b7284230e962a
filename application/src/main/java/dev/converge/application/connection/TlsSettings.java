package dev.converge.application.connection;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How one side's connections use TLS: the mode, the CA certificates to trust (PEM; else the JVM's
 * trust store), and a client certificate and its key (PEM) for servers that ask for one.
 *
 * @param allowPublicKeyRetrieval MySQL only: whether the driver may fetch the server's RSA key to
 *     send a password over a plaintext connection (a man in the middle could hand it its own key);
 *     always allowed when every connection is encrypted, since the key is then never needed
 */
public record TlsSettings(TlsMode mode, Path certificateAuthority, Path clientCertificate, Path clientKey,
    boolean allowPublicKeyRetrieval) {

  /** converge's default: TLS when the server offers it. */
  public static final TlsSettings PREFERRED = new TlsSettings(TlsMode.PREFER, null, null, null, false);

  public TlsSettings {
    Objects.requireNonNull(mode, "mode");
    if ((clientCertificate == null) != (clientKey == null)) {
      throw new IllegalArgumentException("a client certificate needs its key and a key its certificate; got "
          + (clientCertificate == null ? "only the key " + clientKey : "only the certificate " + clientCertificate));
    }
  }

  /** Whether a client certificate is presented. */
  public boolean presentsClientCertificate() {
    return clientCertificate != null;
  }

  /** Whether the MySQL driver may retrieve the server's public key (see the record's description). */
  public boolean publicKeyRetrievalAllowed() {
    return allowPublicKeyRetrieval || mode.encrypts();
  }

  /** The same files, another mode. */
  public TlsSettings withMode(TlsMode otherMode) {
    return new TlsSettings(otherMode, certificateAuthority, clientCertificate, clientKey, allowPublicKeyRetrieval);
  }
}

package dev.converge.application.connection;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a connection uses TLS, libpq's ladder: each step adds to the one before. Both drivers and
 * the provisioning command are told the same step in their own words.
 */
public enum TlsMode {
  /** Plaintext only. */
  DISABLE("disable", "DISABLED"),
  /** TLS when the server offers it, plaintext otherwise; the server's certificate is not checked. */
  PREFER("prefer", "PREFERRED"),
  /** TLS or no connection; the server's certificate is not checked. */
  REQUIRE("require", "REQUIRED"),
  /** TLS, and the server's certificate must be signed by the trusted CA. */
  VERIFY_CA("verify-ca", "VERIFY_CA"),
  /** As {@link #VERIFY_CA}, and the certificate must name the host connected to. */
  VERIFY_FULL("verify-full", "VERIFY_IDENTITY");

  private final String name;
  private final String mySqlName;

  TlsMode(String name, String mySqlName) {
    this.name = name;
    this.mySqlName = mySqlName;
  }

  /** The libpq and pgjdbc spelling ({@code sslmode}), also converge's own. */
  public String libpqName() {
    return name;
  }

  /** Connector/J's {@code sslMode} value (and the mysql client's {@code --ssl-mode}). */
  public String mySqlName() {
    return mySqlName;
  }

  /** Whether every connection made in this mode is encrypted. */
  public boolean encrypts() {
    return compareTo(REQUIRE) >= 0;
  }

  /** Whether the server's certificate is checked against a CA. */
  public boolean verifiesCertificate() {
    return compareTo(VERIFY_CA) >= 0;
  }

  /**
   * The mode a text names: converge's spelling ({@code verify-full}) or the mysql client's
   * ({@code VERIFY_IDENTITY}), in any case.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static TlsMode of(String text) {
    String wanted = text.trim();
    for (TlsMode mode : values()) {
      if (mode.name.equalsIgnoreCase(wanted) || mode.mySqlName.equalsIgnoreCase(wanted)
          || mode.name().equalsIgnoreCase(wanted.replace('-', '_'))) {
        return mode;
      }
    }
    throw new IllegalArgumentException("unknown TLS mode '" + text + "'; use one of "
        + Arrays.stream(values()).map(TlsMode::libpqName).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return name.toLowerCase(Locale.ROOT);
  }
}

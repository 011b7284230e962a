package dev.converge.domain.manifest;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the source's history stood at an instant: what an export was read at, so that a later run
 * can tell whether the source moved since. Two positions of the same kind are the same point in the
 * source's history exactly when their values are equal.
 *
 * @param kind what {@code value} is
 * @param value the GTID set, or {@code file:position} of the binary log
 * @param readAt when it was read (ISO-8601 instant, UTC)
 */
public record SourcePosition(Kind kind, String value, Instant readAt) {

  /** How the source tells its position. */
  public enum Kind {
    /** MySQL {@code @@global.gtid_executed}, when {@code gtid_mode} is ON. */
    GTID_EXECUTED("GTID set"),
    /** The binary log's current file and position ({@code SHOW BINARY LOG STATUS}). */
    BINARY_LOG("binary-log position"),
    /** MariaDB {@code @@gtid_current_pos}. */
    MARIADB_GTID("MariaDB GTID position");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** In words, for the operator. */
    public String label() {
      return label;
    }
  }

  public SourcePosition {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(readAt, "readAt");
  }

  /** Whether {@code other} is the same point in the source's history (the time it was read aside). */
  public boolean samePointAs(SourcePosition other) {
    return kind == other.kind && value.equals(other.value);
  }

  /** {@code binary-log position binlog.000002:1534}; a long GTID set shortened to its first 120 characters. */
  public String describe() {
    return kind.label + " " + shortValue();
  }

  /** The value, shortened to 120 characters for one line of output. */
  public String shortValue() {
    String flat = value.replace("\n", "");
    return flat.length() <= 120 ? flat : flat.substring(0, 117) + "...";
  }
}

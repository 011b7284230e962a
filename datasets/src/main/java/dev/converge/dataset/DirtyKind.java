package dev.converge.dataset;

/** The kinds of dirty value an old MySQL database holds and a Postgres target rejects. */
public enum DirtyKind {
  /** A soft reference (no FK) whose text is not a uuid; the target column is {@code uuid}. */
  INVALID_UUID,
  /**
   * {@code 0000-00-00 00:00:00}, stored while {@code sql_mode} allowed it; Postgres has no such
   * date.
   */
  ZERO_DATE,
  /** U+0000 inside text; Postgres {@code text} cannot hold it. */
  NUL_CHARACTER,
  /** A {@code tinyint} boolean holding a value other than 0 or 1. */
  BOOLEAN_OUT_OF_RANGE,
  /** A value that fits the MySQL column but is longer than the narrower target {@code varchar}. */
  TOO_LONG_FOR_TARGET,
  /** A child row pointing at a parent that does not exist (written with FK checks off). */
  ORPHAN_FOREIGN_KEY,
  /** Two values equal only when case-folded, under a unique index that exists only in Postgres. */
  CASE_INSENSITIVE_DUPLICATE,
  /** A JSON document whose string holds the escape for U+0000, which {@code jsonb} rejects. */
  JSON_NUL_ESCAPE
}

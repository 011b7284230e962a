package dev.converge.domain.conversion;

/** How one source value becomes the text of one target value; chosen from the pair of types. */
public enum ConversionKind {
  INTEGER_TO_INTEGER("decimal digits; a value outside the target type's range is rejected"),
  INTEGER_TO_NUMERIC("decimal digits; a value needing more digits than numeric(p,s) allows is rejected"),
  INTEGER_TO_BOOLEAN("0 → false, 1 → true; any other value is rejected (policy `booleans: nonzero-is-true` maps it to true)"),
  BIT_TO_BOOLEAN("bit(1): b'0' → false, b'1' → true"),
  BIT_TO_INTEGER("bit(n) → its unsigned value; a value outside the target type's range is rejected"),
  BIT_TO_BIT("bit(m) → bit(n) for m ≤ n: its bits, most significant first, padded with leading zeros to n"),
  DECIMAL_TO_NUMERIC("exact decimal text, never rounded; a value needing more integer digits or more scale than numeric(p,s) is rejected"),
  FLOAT_TO_FLOAT("shortest text that reads back as the same binary value; double → real is not offered (it loses precision)"),
  TEXT_TO_TEXT("characters kept exactly; longer than varchar(n)/char(n) is rejected (policy `overlong: truncate`); NUL per policy `nul-bytes`"),
  TEXT_TO_UUID("8-4-4-4-12 hex in any case → lower-case uuid; anything else is rejected (policy `invalid-uuids: null` for nullable targets)"),
  TEXT_TO_JSON("validated as JSON, text kept exactly"),
  TEXT_TO_ENUM("the text must be one of the enum's labels, else rejected"),
  JSON_TO_JSON("MySQL's JSON text; json keeps it exactly, jsonb normalises it (the checksum compares the normalised form)"),
  JSON_TO_TEXT("MySQL's JSON text, kept exactly; length checked for varchar(n)"),
  DATETIME_TO_TIMESTAMP("read as UTC wall-clock text, written ISO-8601 with microseconds; zero dates per policy `zero-dates`"),
  DATETIME_TO_TIMESTAMPTZ("read as UTC (session time_zone +00:00), written ISO-8601 with microseconds and Z; zero dates per policy `zero-dates`"),
  DATE_TO_DATE("ISO date; zero dates (0000-00-00, 2024-00-10) per policy `zero-dates`"),
  TIME_TO_TIME("HH:MM:SS.ffffff; MySQL TIME spans ±838 hours, values outside 00:00:00–24:00:00 are rejected"),
  YEAR_TO_INTEGER("the four-digit year; YEAR 0000 is rejected unless policy `zero-dates: null`"),
  ENUM_TO_ENUM("the label; every source label must exist in the target enum (else a plan blocker); MySQL's invalid '' is rejected"),
  ENUM_TO_TEXT("the label (a set: its comma-separated labels); length checked for varchar(n)"),
  BINARY_TO_BYTEA("the bytes, written as \\x hex"),
  BINARY_TO_UUID("binary(16) → the uuid with those 16 bytes");

  private final String description;

  ConversionKind(String description) {
    this.description = description;
  }

  /** What the conversion does to a value, for the plan and docs/data-mapping.md. */
  public String description() {
    return description;
  }
}

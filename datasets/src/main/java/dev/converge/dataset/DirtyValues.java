package dev.converge.dataset;

/** The exact dirty values the dirty variant writes, shared by the datasets and their trap lists. */
final class DirtyValues {

  static final String INVALID_UUID = "not-a-uuid";
  static final String ZERO_DATE = "0000-00-00 00:00:00";
  static final String TEXT_WITH_NUL = "legacy export\u0000truncated here";
  static final Integer OUT_OF_RANGE_BOOLEAN = 2;

  /** 200 characters: fits MySQL {@code varchar(255)}, not the target's {@code varchar(128)}. */
  static final String TOO_LONG_FIRST_NAME =
      "Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Senior ".repeat(4).substring(0, 200);

  /** Never produced by {@link RowKeys#uuid}: its version nibble is 4 but the rest is hand-made. */
  static final String ORPHAN_UUID = "00000000-dead-4000-8000-000000000000";

  static final String JSON_WITH_NUL_ESCAPE = "{\"legacy_note\":\"imported\\u0000\"}";

  private DirtyValues() {}
}

package dev.converge.domain.conversion;

/**
 * A value as an operator can read it in an error or a finding: SQL NULL as {@code NULL}, text quoted
 * ({@code ''} is the empty string, {@code 'NULL'} the text), control characters as {@code \xNN} and a
 * backslash doubled (so the escapes are unambiguous), binary as {@code \x} and hex digits, shortened.
 */
public final class ValueDisplay {

  private static final int CHARACTERS = 60;

  private ValueDisplay() {}

  public static String of(Object value) {
    return shown(value, CHARACTERS);
  }

  /** The whole value, escaped as {@link #of} escapes it but never shortened (for files that keep the row). */
  public static String full(Object value) {
    return shown(value, Integer.MAX_VALUE - 1);
  }

  private static String shown(Object value, int limit) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof byte[] bytes) {
      StringBuilder hex = new StringBuilder("\\x");
      for (int i = 0; i < bytes.length && i < limit / 2; i++) {
        hex.append(String.format("%02x", bytes[i]));
      }
      return hex.append(bytes.length > limit / 2 ? "…" : "").toString();
    }
    String text = value.toString();
    StringBuilder shown = new StringBuilder("'");
    int[] codePoints = text.codePoints().toArray();
    for (int i = 0; i < codePoints.length && i < limit; i++) {
      int codePoint = codePoints[i];
      if (codePoint == '\\') {
        shown.append("\\\\"); // doubled, so that "\\x00" (text) never reads like \x00 (a NUL)
      } else if (codePoint < 0x20 || codePoint == 0x7f) {
        shown.append(String.format("\\x%02x", codePoint));
      } else {
        shown.appendCodePoint(codePoint);
      }
    }
    return shown.append(codePoints.length > limit ? "…'" : "'").toString();
  }
}

package dev.converge.domain.conversion;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads JSON text (RFC 8259) strictly, and writes a canonical form in which two documents that
 * PostgreSQL's jsonb considers equal read the same: object keys sorted and de-duplicated (the last
 * one wins, as in jsonb), numbers as exact decimals without exponent or trailing zeros, strings with
 * only the escapes JSON requires, no insignificant white space.
 */
public final class JsonText {

  private final String text;
  private int position;
  /** The keys of the objects being written, innermost last, and where each one's value starts and ends in the output. */
  private String[] keys;
  private int[] values;
  private int stackTop;

  private JsonText(String text) {
    this.text = text;
  }

  /** Whether {@code text} is one complete JSON value. */
  public static boolean isValid(String text) {
    try {
      validate(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Checks that {@code text} is one complete JSON value, by the very parse {@link #canonical} makes
   * but writing nothing; throws {@link IllegalArgumentException} naming the position of an error.
   */
  public static void validate(String text) {
    JsonText reader = new JsonText(text);
    reader.skipSpace();
    reader.value(null);
    reader.skipSpace();
    if (reader.position != text.length()) {
      throw reader.error("text after the JSON value");
    }
  }

  /** The canonical form of {@code text}; throws {@link IllegalArgumentException} naming the position of an error. */
  public static String canonical(String text) {
    JsonText reader = new JsonText(text);
    StringBuilder out = new StringBuilder(text.length());
    reader.skipSpace();
    reader.value(out);
    reader.skipSpace();
    if (reader.position != text.length()) {
      throw reader.error("text after the JSON value");
    }
    return out.toString();
  }

  /** Whether the JSON text holds a string with the escape {@code \u0000}, which jsonb refuses. */
  public static boolean hasNulEscape(String text) {
    for (int i = text.indexOf("\\u0000"); i >= 0; i = text.indexOf("\\u0000", i + 1)) {
      int backslashes = 0;
      for (int j = i - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
        backslashes++;
      }
      if (backslashes % 2 == 0) {
        return true;
      }
    }
    return false;
  }

  /** {@code text} without its {@code \u0000} escapes (policy {@code nul-bytes: strip}). */
  public static String withoutNulEscapes(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        if (text.startsWith("\\u0000", i)) {
          i += 6;
          continue;
        }
        out.append(c).append(text.charAt(i + 1));
        i += 2;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private void value(StringBuilder out) {
    if (position >= text.length()) {
      throw error("a value is missing");
    }
    char c = text.charAt(position);
    switch (c) {
      case '{' -> object(out);
      case '[' -> array(out);
      case '"' -> {
        if (out == null) {
          skipString();
        } else {
          writeString(string(), out);
        }
      }
      case 't' -> literal("true", out);
      case 'f' -> literal("false", out);
      case 'n' -> literal("null", out);
      default -> number(out);
    }
  }

  /**
   * An object; with {@code out} null only read (no member kept, no order made). Its keys mostly come
   * in jsonb's order already (MySQL's JSON type keeps them so, and jsonb prints them so): then each
   * member goes straight into {@code out} as it is read. At the first key out of that order (or
   * repeated), the members written so far are taken back into a sorted map, with their values as
   * written (nothing is read twice), and the rest of the object is read into it.
   */
  private void object(StringBuilder out) {
    if (out == null) {
      skipObject();
      return;
    }
    position++;
    skipSpace();
    if (peek() == '}') {
      position++;
      out.append("{}");
      return;
    }
    if (keys == null) {
      keys = new String[16];
      values = new int[32];
    }
    int start = out.length();
    out.append('{');
    // This object's members are pushed on the document's member stack; nested objects push theirs above.
    int base = stackTop;
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("an object key must be a string");
      }
      String key = string();
      if (stackTop > base && jsonbKeyOrder(keys[stackTop - 1], key) >= 0) {
        sortFrom(out, start, base, key);
        return;
      }
      colon();
      if (stackTop > base) {
        out.append(',');
      }
      writeString(key, out);
      out.append(':');
      if (stackTop == keys.length) {
        keys = java.util.Arrays.copyOf(keys, stackTop * 2);
        values = java.util.Arrays.copyOf(values, stackTop * 4);
      }
      int member = stackTop++;
      keys[member] = key;
      values[2 * member] = out.length();
      value(out);
      values[2 * member + 1] = out.length();
      if (objectEnds()) {
        break;
      }
    }
    stackTop = base;
    out.append('}');
  }

  /**
   * The rest of an object found out of order at {@code key} (just read): its members written from
   * {@code start} on (on the stack from {@code base}) go into a sorted map with their written values,
   * the rest is read into it (the last of repeated keys wins, as in jsonb), and the object is written
   * again in order.
   */
  private void sortFrom(StringBuilder out, int start, int base, String key) {
    Map<String, String> members = new TreeMap<>(JsonText::jsonbKeyOrder);
    for (int i = base; i < stackTop; i++) {
      members.put(keys[i], out.substring(values[2 * i], values[2 * i + 1]));
    }
    stackTop = base;
    out.setLength(start);
    String current = key;
    while (true) {
      colon();
      StringBuilder member = new StringBuilder();
      value(member);
      members.put(current, member.toString());
      if (objectEnds()) {
        break;
      }
      skipSpace();
      if (peek() != '"') {
        throw error("an object key must be a string");
      }
      current = string();
    }
    writeMembers(members, out);
  }

  /** An object read and checked as {@link #object} reads it, writing nothing (validation). */
  private void skipObject() {
    position++;
    skipSpace();
    if (peek() == '}') {
      position++;
      return;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("an object key must be a string");
      }
      skipString();
      colon();
      value(null);
      if (objectEnds()) {
        return;
      }
    }
  }

  /** The colon between a member's key and its value, with the space around it. */
  private void colon() {
    skipSpace();
    expect(':');
    skipSpace();
  }

  /** After a member: true at the object's closing brace, false at the comma before the next member. */
  private boolean objectEnds() {
    skipSpace();
    char next = next();
    if (next != '}' && next != ',') {
      throw error("expected , or } in an object");
    }
    return next == '}';
  }

  private static void writeMembers(Map<String, String> members, StringBuilder out) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> member : members.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      writeString(member.getKey(), out);
      out.append(':').append(member.getValue());
    }
    out.append('}');
  }

  /** jsonb orders keys by length first, then bytewise; any total order would do, this one mirrors it. */
  private static int jsonbKeyOrder(String a, String b) {
    if (isAscii(a) && isAscii(b)) {
      // ASCII: one byte per char in UTF-8, and bytewise order is char order; nothing to encode.
      return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
    byte[] left = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] right = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (left.length != right.length) {
      return Integer.compare(left.length, right.length);
    }
    return java.util.Arrays.compareUnsigned(left, right);
  }

  /** Arrays keep their order, so items go straight into the output (no string per item). */
  private void array(StringBuilder out) {
    position++;
    skipSpace();
    if (peek() == ']') {
      position++;
      if (out != null) {
        out.append("[]");
      }
      return;
    }
    if (out != null) {
      out.append('[');
    }
    boolean first = true;
    while (true) {
      skipSpace();
      if (!first && out != null) {
        out.append(',');
      }
      first = false;
      value(out);
      skipSpace();
      char next = next();
      if (next == ']') {
        break;
      }
      if (next != ',') {
        throw error("expected , or ] in an array");
      }
    }
    if (out != null) {
      out.append(']');
    }
  }

  private String string() {
    expect('"');
    // Most strings have no escape: find the closing quote and take the text as it is.
    int start = position;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        position = i + 1;
        return text.substring(start, i);
      }
      if (c == '\\' || c < 0x20) {
        break;
      }
    }
    StringBuilder value = new StringBuilder();
    while (true) {
      if (position >= text.length()) {
        throw error("a string is not closed");
      }
      char c = text.charAt(position++);
      if (c == '"') {
        return value.toString();
      }
      if (c < 0x20) {
        throw error("a control character must be escaped in a string");
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      char escape = next();
      switch (escape) {
        case '"', '\\', '/' -> value.append(escape);
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'u' -> value.append(hex4());
        default -> throw error("unknown escape \\" + escape);
      }
    }
  }

  /**
   * A string read and checked exactly as {@link #string} reads it (same errors at the same
   * positions), without building its value: validation only needs to know it is well formed.
   */
  private void skipString() {
    expect('"');
    while (true) {
      if (position >= text.length()) {
        throw error("a string is not closed");
      }
      char c = text.charAt(position++);
      if (c == '"') {
        return;
      }
      if (c < 0x20) {
        throw error("a control character must be escaped in a string");
      }
      if (c != '\\') {
        continue;
      }
      char escape = next();
      switch (escape) {
        case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
          // A one-character escape: nothing more to read.
        }
        case 'u' -> hex4();
        default -> throw error("unknown escape \\" + escape);
      }
    }
  }

  /** The four hex digits of a {@code \\u} escape as the char they name; only hex digits count (no sign). */
  private char hex4() {
    if (position + 4 > text.length()) {
      throw error("a \\u escape needs four hex digits");
    }
    int value = 0;
    for (int i = position; i < position + 4; i++) {
      int digit = Character.digit(text.charAt(i), 16);
      if (digit < 0 || text.charAt(i) > 'f') {
        throw error("a \\u escape needs four hex digits");
      }
      value = value << 4 | digit;
    }
    position += 4;
    return (char) value;
  }

  private static void writeString(String value, StringBuilder out) {
    if (!needsEscape(value)) {
      out.append('"').append(value).append('"');
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean needsEscape(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private void number(StringBuilder out) {
    int start = position;
    if (peek() == '-') {
      position++;
    }
    if (peek() == '0') {
      position++;
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw error("not a JSON value");
    }
    boolean integral = true;
    if (peek() == '.') {
      integral = false;
      position++;
      if (!isDigit(peek())) {
        throw error("a fraction needs digits");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      position++;
      if (peek() == '+' || peek() == '-') {
        position++;
      }
      if (!isDigit(peek())) {
        throw error("an exponent needs digits");
      }
      digits();
    }
    if (out == null) {
      return;
    }
    if (integral && !(position - start == 2 && text.charAt(start) == '-' && text.charAt(start + 1) == '0')) {
      // An integer (no fraction, no exponent; JSON allows no leading zero) is its own canonical text; -0 is 0.
      out.append(text, start, position);
      return;
    }
    BigDecimal number = new BigDecimal(text.substring(start, position));
    out.append(number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
  }

  /** ASCII digits only: Character.isDigit would accept other scripts' digits, which JSON does not. */
  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void digits() {
    while (isDigit(peek())) {
      position++;
    }
  }

  private void literal(String word, StringBuilder out) {
    if (!text.startsWith(word, position)) {
      throw error("not a JSON value");
    }
    position += word.length();
    if (out != null) {
      out.append(word);
    }
  }

  private void skipSpace() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      position++;
    }
  }

  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  private char next() {
    if (position >= text.length()) {
      throw error("the text ends inside a value");
    }
    return text.charAt(position++);
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("expected " + c);
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("invalid JSON at character " + position + ": " + what);
  }
}

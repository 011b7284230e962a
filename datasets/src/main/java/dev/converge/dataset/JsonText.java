package dev.converge.dataset;

import java.util.List;

/**
 * JSON as the generator writes it: a string quoter, and documents whose content or number
 * formatting changes when MySQL {@code json} or Postgres {@code jsonb} normalises them.
 */
final class JsonText {

  /** Valid JSON documents placed at the first rows of JSON columns; none holds U+0000. */
  static final List<String> TRAP_DOCUMENTS =
      List.of(
          "{\"note\":\"she said \\\"hi\\\" and left\",\"path\":\"C:\\\\temp\\\\new\","
              + "\"lines\":\"one\\ntwo\\r\\nthree\\tfour\"}",
          "{\"city\":\"東京\",\"greeting\":\"مرحبا\",\"emoji\":\"🚀👩‍👩‍👧\","
              + "\"escaped\":\"\\u00e9\\ud83d\\ude80\",\"slash\":\"a\\/b\"}",
          "{\"price\":12.50,\"big\":12345678901234567890,\"small\":1.0E-7,\"flag\":true,"
              + "\"nothing\":null,\"list\":[1,\"two\",3.0]}",
          "{\"\":\"empty"
              + " key\",\"a.b\":{\"$ref\":\"#/x\"},\"nested\":[[],{},[{\"deep\":[1,[2,[3]]]}]]}",
          "[]",
          "{}");

  private JsonText() {}

  /** {@code value} as a JSON string literal; non-ASCII characters stay literal. */
  static String quote(String value) {
    StringBuilder json = new StringBuilder(value.length() + 8).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }
}

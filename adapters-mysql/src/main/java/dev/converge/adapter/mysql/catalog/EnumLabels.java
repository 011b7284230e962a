package dev.converge.adapter.mysql.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the labels out of an {@code enum(…)} or {@code set(…)} {@code COLUMN_TYPE}. */
public final class EnumLabels {

  private EnumLabels() {}

  /**
   * The labels of {@code columnType} in declaration order, exactly as declared.
   *
   * <p>MySQL and MariaDB print each label between single quotes, doubling a quote and escaping only
   * a backslash, NUL, newline and carriage return with a backslash; commas, parentheses, spaces, tabs
   * and any other character appear as they are. A backslash before any other character, which no
   * server prints today, stands for that character.
   *
   * @param columnType {@code COLUMN_TYPE} as the server reports it, before any case folding (the
   *     labels are case-sensitive)
   * @throws IllegalArgumentException if {@code columnType} is not a well-formed enum or set type
   */
  public static List<String> parse(String columnType) {
    int open = columnType.indexOf('(');
    String keyword = open < 0 ? "" : columnType.substring(0, open).strip().toLowerCase(Locale.ROOT);
    if (!keyword.equals("enum") && !keyword.equals("set")) {
      throw malformed(columnType, "it is not an enum or set type");
    }
    List<String> labels = new ArrayList<>();
    int at = open + 1;
    while (true) {
      if (at >= columnType.length() || columnType.charAt(at) != '\'') {
        throw malformed(columnType, "a label must start with a quote at offset " + at);
      }
      StringBuilder label = new StringBuilder();
      at = readLabel(columnType, at + 1, label);
      labels.add(label.toString());
      if (at < columnType.length() && columnType.charAt(at) == ',') {
        at++;
      } else if (at < columnType.length() && columnType.charAt(at) == ')') {
        at++;
        break;
      } else {
        throw malformed(columnType, "expected ',' or ')' at offset " + at);
      }
    }
    if (!columnType.substring(at).isBlank()) {
      throw malformed(columnType, "unexpected text after the closing parenthesis");
    }
    return List.copyOf(labels);
  }

  /** Appends the label that starts at {@code at} (after its opening quote); returns the offset after its closing quote. */
  private static int readLabel(String columnType, int at, StringBuilder label) {
    while (at < columnType.length()) {
      char current = columnType.charAt(at);
      if (current == '\'') {
        if (at + 1 < columnType.length() && columnType.charAt(at + 1) == '\'') {
          label.append('\'');
          at += 2;
        } else {
          return at + 1;
        }
      } else if (current == '\\') {
        if (at + 1 >= columnType.length()) {
          break;
        }
        label.append(unescape(columnType.charAt(at + 1)));
        at += 2;
      } else {
        label.append(current);
        at++;
      }
    }
    throw malformed(columnType, "a label is not closed");
  }

  private static char unescape(char escaped) {
    return switch (escaped) {
      case '0' -> '\0';
      case 'n' -> '\n';
      case 'r' -> '\r';
      default -> escaped;
    };
  }

  private static IllegalArgumentException malformed(String columnType, String reason) {
    return new IllegalArgumentException("cannot read the labels of " + columnType + ": " + reason);
  }
}

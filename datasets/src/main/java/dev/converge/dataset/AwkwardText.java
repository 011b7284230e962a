package dev.converge.dataset;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Text that breaks naive CSV, COPY, SQL literal and encoding handling, placed at fixed rows, plus
 * ordinary multilingual prose for every other row. Clean text never contains U+0000.
 */
final class AwkwardText {

  /** One awkward string per row at the start of a trap column; entry 0 is the empty string. */
  static final List<String> CATALOGUE =
      List.of(
          "",
          "\\N",
          "NULL",
          "first line\nsecond line",
          "first line\r\nsecond line",
          "first line\rsecond line",
          "column one\tcolumn two\t",
          "comma, \"double quotes\" and 'single quotes'",
          "C:\\Users\\zoë\\ ends with a backslash\\",
          "  leading and trailing spaces  ",
          "Zoë Ångström-Łódź, Ñandú café",
          "東京都渋谷区神南1-2-3",
          "القاهرة، مصر",
          "rocket 🚀 family 👩‍👩‍👧 flag 🇺🇳",
          "cafe\u0301 (decomposed) next to café (composed)",
          "\"\";,\\\n\t'\r\n|");

  /**
   * Exactly 65,535 bytes of UTF-8 in 21,845 characters: a MySQL {@code text} column filled to its
   * byte limit, which a tool that counts characters or UTF-16 units misjudges.
   */
  static final String FULL_MYSQL_TEXT = "€".repeat(21_845);

  private static final String[] WORDS = {
    "community",
    "innovation",
    "challenge",
    "Gemeinschaft",
    "coöperatie",
    "café",
    "naïve",
    "Ökosystem",
    "participação",
    "développement",
    "sostenibilità",
    "energía",
    "Zürich",
    "Kraków",
    "Göteborg",
    "社区",
    "创新",
    "持続可能",
    "مجتمع",
    "ابتكار",
    "🌱",
    "🚲",
    "data",
    "open",
    "city",
    "water",
    "mobility",
    "circular",
    "economy",
    "climate",
    "health",
    "education",
    "housing",
    "ideas",
    "workshop",
    "pilot",
    "lab",
    "green",
    "digital",
    "neighbourhood",
    "commons",
    "réseau"
  };

  private AwkwardText() {}

  /** Rows a trap column needs to carry the whole catalogue; a nullable column adds a NULL row. */
  static long trapRows(boolean nullable) {
    return CATALOGUE.size() + (nullable ? 1 : 0);
  }

  /**
   * The trap value of row {@code index} (below {@link #trapRows}). In a nullable column row 0 is
   * the empty string and row 1 is NULL, so that the two sit next to each other.
   */
  static String trap(long index, boolean nullable) {
    if (!nullable) {
      return CATALOGUE.get((int) index);
    }
    if (index == 1) {
      return null;
    }
    return CATALOGUE.get((int) (index == 0 ? 0 : index - 1));
  }

  /** One word of the multilingual vocabulary. */
  static String word(SplittableRandom random) {
    return WORDS[random.nextInt(WORDS.length)];
  }

  /** A sentence of {@code minWords} to {@code maxWords} words, ending in a full stop. */
  static String sentence(SplittableRandom random, int minWords, int maxWords) {
    int words = minWords + random.nextInt(maxWords - minWords + 1);
    StringBuilder text = new StringBuilder(words * 9);
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        text.append(random.nextInt(9) == 0 ? ", " : " ");
      }
      text.append(word(random));
    }
    return text.append('.').toString();
  }

  /** A title-like phrase of two to four words, never longer than {@code maxChars} characters. */
  static String title(SplittableRandom random, int maxChars) {
    String title = sentence(random, 2, 4);
    title = title.substring(0, title.length() - 1);
    return title.length() <= maxChars ? title : title.substring(0, maxChars).strip();
  }
}

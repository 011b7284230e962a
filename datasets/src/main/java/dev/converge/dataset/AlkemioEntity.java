package dev.converge.dataset;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The columns every Alkemio entity starts with ({@code id}, optionally {@code rowId}, then {@code
 * createdDate}, {@code updatedDate}, {@code version}) and the values they hold.
 */
final class AlkemioEntity {

  private AlkemioEntity() {}

  /** {@code id, createdDate, updatedDate, version} followed by the table's own columns. */
  static List<String> columns(String... own) {
    return withBase(false, own);
  }

  /** {@code id, rowId, createdDate, updatedDate, version} followed by the table's own columns. */
  static List<String> columnsWithRowId(String... own) {
    return withBase(true, own);
  }

  /**
   * Writes createdDate, updatedDate (not before createdDate) and version at {@code at}, and returns
   * the position of the next column.
   */
  static int audit(Object[] row, int at, SplittableRandom random) {
    var created = SampleTimes.withMicros(random);
    row[at] = created;
    row[at + 1] = random.nextInt(3) == 0 ? created : SampleTimes.after(created, random);
    row[at + 2] = 1 + random.nextInt(5);
    return at + 3;
  }

  /**
   * The AUTO_INCREMENT value of row {@code index}: increasing with gaps, as after deletes, so the
   * highest value is above the row count and a sequence reset must use {@code max(rowId)}.
   */
  static int rowId(long index) {
    return Math.toIntExact(1 + index + index / 7);
  }

  /**
   * A nameID: the ASCII letters and digits of {@code words}, then {@code -index}, at most 36
   * characters. The index after the last hyphen keeps nameIDs unique even under a case- and
   * accent-insensitive collation.
   */
  static String nameId(String prefix, String words, long index) {
    String suffix = "-" + index;
    StringBuilder stem = new StringBuilder(36).append(prefix);
    boolean hyphen = true;
    // NFD splits accented letters into letter and accent, so "Zoë" keeps its "zoe".
    for (char c :
        Normalizer.normalize(words, Normalizer.Form.NFD).toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (hyphen) {
          stem.append('-');
          hyphen = false;
        }
        stem.append(c);
      } else if (c < 0x300 || c > 0x36F) {
        hyphen = true;
      }
    }
    stem.setLength(Math.min(stem.length(), 36 - suffix.length()));
    return stem.append(suffix).toString();
  }

  private static List<String> withBase(boolean rowId, String... own) {
    List<String> columns = new ArrayList<>(own.length + 5);
    columns.add("id");
    if (rowId) {
      columns.add("rowId");
    }
    columns.addAll(List.of("createdDate", "updatedDate", "version"));
    columns.addAll(List.of(own));
    return List.copyOf(columns);
  }
}

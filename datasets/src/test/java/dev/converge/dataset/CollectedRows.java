package dev.converge.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Test-side copies of a small generated table's rows, and a digest of whole datasets. */
final class CollectedRows {

  private CollectedRows() {}

  static List<Object[]> of(ReferenceDataset dataset, String table, DatasetOptions options) {
    List<Object[]> rows = new ArrayList<>();
    table(dataset, table).rows(options, row -> rows.add(row.clone()));
    return rows;
  }

  static GeneratedTable table(ReferenceDataset dataset, String name) {
    return dataset.tables().stream()
        .filter(table -> table.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(dataset.name() + " has no table " + name));
  }

  static int column(ReferenceDataset dataset, String table, String column) {
    int index = table(dataset, table).columns().indexOf(column);
    if (index < 0) {
      throw new AssertionError(table + " has no column " + column);
    }
    return index;
  }

  /** Values of one column, in row order. */
  static List<Object> column(
      ReferenceDataset dataset, String table, String column, DatasetOptions options) {
    int index = column(dataset, table, column);
    List<Object> values = new ArrayList<>();
    table(dataset, table).rows(options, row -> values.add(row[index]));
    return values;
  }

  /** SHA-256 over every value of every table, with each value's type, in generation order. */
  static String digest(ReferenceDataset dataset, DatasetOptions options) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    for (GeneratedTable table : dataset.tables()) {
      sha.update(table.name().getBytes(StandardCharsets.UTF_8));
      table.rows(
          options,
          row -> {
            for (Object value : row) {
              if (value == null) {
                sha.update((byte) 0);
              } else if (value instanceof byte[] bytes) {
                sha.update((byte) 1);
                sha.update(bytes);
              } else {
                sha.update(value.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
                sha.update(value.toString().getBytes(StandardCharsets.UTF_8));
              }
              sha.update((byte) 0x1F);
            }
          });
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}

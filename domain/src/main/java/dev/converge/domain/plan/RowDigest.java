package dev.converge.domain.plan;

import dev.converge.domain.conversion.ValueDisplay;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.conversion.type.ColumnCodec;
import dev.converge.domain.conversion.type.TargetType;
import dev.converge.domain.failure.RowRejectedException;
import dev.converge.domain.manifest.ContentChecksum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One table's source rows as export writes them and the content checksum counts them: each value
 * converted once, as the plan says (with its policies), by its target type's codec into the CSV
 * text and its canonical form, which is added to the checksum. Export and the source side of verify both digest rows here, so a row the
 * source still holds unchanged digests exactly as it did at the export. Not thread-safe: one per
 * table stream.
 */
public final class RowDigest {

  private final TablePlan table;
  private final ColumnCodec[] codecs;
  private final int[] key;
  private final List<String> sourceKey;
  private final String[] values;
  private final String[] canonicalValues;
  private final List<String> canonicalRow;
  private final ContentChecksum checksum = new ContentChecksum();
  private long lastRowHash;

  public RowDigest(TablePlan table) {
    this.table = table;
    List<ColumnPlan> columns = table.columns();
    int width = columns.size();
    codecs = new ColumnCodec[width];
    for (int i = 0; i < width; i++) {
      ColumnPlan column = columns.get(i);
      codecs[i] = TargetType.of(column.target()).codec(column.conversion(), column.policies());
    }
    key = keyColumns(table);
    sourceKey = Arrays.stream(key).mapToObj(i -> columns.get(i).source().name()).toList();
    values = new String[width];
    canonicalValues = new String[width];
    canonicalRow = Arrays.asList(canonicalValues);
  }

  /** The positions of the primary key's columns among the table's planned columns; empty without a primary key. */
  public static int[] keyColumns(TablePlan table) {
    List<ColumnPlan> columns = table.columns();
    return columns.stream().filter(column -> table.primaryKey().contains(column.target().name()))
        .mapToInt(columns::indexOf).toArray();
  }

  /** The source names of the primary key's columns, in {@link #keyColumns} order: what the source is read by. */
  public List<String> sourceKey() {
    return sourceKey;
  }

  /**
   * Converts one source row and adds its canonical form to the checksum.
   *
   * @return the CSV values, in column order (the array is reused by the next row)
   * @throws RowRejectedException naming the table, the row's key, the column, the value and the rule
   */
  public String[] add(Object[] row) {
    for (int i = 0; i < values.length; i++) {
      ColumnCodec.Converted converted;
      try {
        converted = codecs[i].convert(row[i]);
      } catch (ValueRejectedException e) {
        throw new RowRejectedException(table.sourceTable(), rowKey(row), table.columns().get(i).source().name(),
            ValueDisplay.of(row[i]), e.rule());
      }
      values[i] = converted.text();
      canonicalValues[i] = converted.canonical();
    }
    lastRowHash = checksum.add(canonicalRow);
    return values;
  }

  /** The 64-bit hash of the row last added's canonical values, as {@link ContentChecksum#add} gives it. */
  public long lastRowHash() {
    return lastRowHash;
  }

  /** The canonical values of the row last added (the list is reused by the next row). */
  public List<String> canonicalRow() {
    return canonicalRow;
  }

  /** The canonical primary-key values of the row last added (a new list). */
  public List<String> canonicalKey() {
    List<String> parts = new ArrayList<>(key.length);
    for (int i : key) {
      parts.add(canonicalValues[i]);
    }
    return parts;
  }

  /** Every row added so far. */
  public ContentChecksum checksum() {
    return checksum;
  }

  /** {@code id=42} or {@code a=1, b=2}; without a primary key, the row's position in the stream. */
  private String rowKey(Object[] row) {
    if (key.length == 0) {
      return "#" + (checksum.rows() + 1) + " (no primary key)";
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < key.length; i++) {
      parts.add(sourceKey.get(i) + "=" + ValueDisplay.of(row[key[i]]));
    }
    return String.join(", ", parts);
  }
}

package dev.converge.domain.plan;

import dev.converge.domain.failure.RowRejectedException;
import dev.converge.domain.manifest.ContentChecksum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One table's source rows as export writes them and the content checksum counts them: each value
 * converted once, as the plan says (with its policies), by its target type's codec into the CSV
 * text and its canonical form, which is added to the checksum. Export and the source side of verify
 * both digest rows here, so a row the source still holds unchanged digests exactly as it did at the
 * export. The conversion and every check on a row are {@link TableScan}'s, the plan's data scan's
 * own: export enforces exactly what the plan reported ({@link #forExport}). Not thread-safe: one per
 * table stream.
 */
public final class RowDigest {

  private final TableScan scan;
  private final int[] key;
  private final List<String> sourceKey;
  private final List<String> canonicalRow;
  private final ContentChecksum checksum = new ContentChecksum();
  private long lastRowHash;
  private long read;

  /** Converts only, as verify reads the source again; a rejected value still throws. */
  public RowDigest(TablePlan table) {
    this(table, TableScan.conversionOnly(table, RowDecisions.NONE));
  }

  /** Converts only, with the operator's defaults, as verify reads the source of a plan with decisions. */
  public RowDigest(TablePlan table, RowDecisions decisions) {
    this(table, TableScan.conversionOnly(table, decisions));
  }

  /** Converts only, with the operator's defaults and maps (their lookups answered by {@code lookup}). */
  public RowDigest(TablePlan table, RowDecisions decisions, ValueLookup lookup) {
    this(table, TableScan.conversionOnly(table, decisions, lookup));
  }

  private RowDigest(TablePlan table, TableScan scan) {
    this.scan = scan;
    List<ColumnPlan> columns = table.columns();
    key = keyColumns(table);
    sourceKey = Arrays.stream(key).mapToObj(i -> columns.get(i).source().name()).toList();
    canonicalRow = Arrays.asList(scan.canonicals());
  }

  /**
   * Export's digest: every value through the codecs, NOT NULL, and the target's primary and unique
   * keys (as the plan's scan checks them), so a row the target would refuse is named here, before
   * anything of the table is committed.
   */
  public static RowDigest forExport(MigrationPlan plan, TablePlan table) {
    return forExport(plan, table, ValueLookup.NONE);
  }

  /** Export's digest with the source lookups the plan's maps need. */
  public static RowDigest forExport(MigrationPlan plan, TablePlan table, ValueLookup lookup) {
    return new RowDigest(table, TableScan.forExport(plan, table, lookup));
  }

  /**
   * Hands the digest's scan to {@code reader}, which feeds it the rows the target keeps
   * ({@link TableScan#existingRow}), before the first row is checked.
   */
  public void holdExisting(java.util.function.Consumer<TableScan> reader) {
    reader.accept(scan);
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
   * Converts and checks one source row without adding it: the dirty rows it makes (empty when the
   * target takes it). Follow with {@link #accept} to write it.
   */
  public List<DirtyRow> check(Object[] row) {
    read++;
    return scan.check(row, read);
  }

  /** The key of the row last checked, as export names rows ({@code id='42'}). */
  public String rowKey(Object[] row) {
    return scan.rowKey(row, read);
  }

  /** The values the operator's defaults changed in the row last checked. */
  public List<ValueChange> changes() {
    return scan.changes();
  }

  /** The values of the row last checked where the target keeps another row under its primary key (merge-by-primary-key). */
  public List<ValueChange> merged() {
    return scan.merged();
  }

  /** The row last checked as it is loaded, in the source's form: mapped values and defaults in place ({@link TableScan#loaded}). */
  public Object[] loaded() {
    return scan.loaded();
  }

  /** Adds the row last {@link #check checked} (and found clean) to the checksum; its CSV values (reused by the next row). */
  public String[] accept() {
    lastRowHash = checksum.add(canonicalRow);
    return scan.texts();
  }

  /**
   * Converts one source row and adds its canonical form to the checksum.
   *
   * @return the CSV values, in column order (the array is reused by the next row)
   * @throws RowRejectedException naming the table, the row's key, the column, the value and the rule
   */
  public String[] add(Object[] row) {
    List<DirtyRow> dirty = check(row);
    if (!dirty.isEmpty()) {
      throw rejected(dirty.get(0));
    }
    return accept();
  }

  /** The failure export stops at: table, key, column, value and rule of the dirty row. */
  public static RowRejectedException rejected(DirtyRow row) {
    return new RowRejectedException(row.table(), row.key(), row.column(), row.value(), row.rule());
  }

  /** The 64-bit hash of the row last added's canonical values, as {@link ContentChecksum#add} gives it. */
  public long lastRowHash() {
    return lastRowHash;
  }

  /** The low half of the 128-bit hash of the row last added (with {@link #lastRowHash}, what the checksum added). */
  public long lastRowLow() {
    return checksum.lastRowLow();
  }

  /** The canonical values of the row last added (the list is reused by the next row). */
  public List<String> canonicalRow() {
    return canonicalRow;
  }

  /** The canonical primary-key values of the row last added (a new list). */
  public List<String> canonicalKey() {
    List<String> parts = new ArrayList<>(key.length);
    String[] canonical = scan.canonicals();
    for (int i : key) {
      parts.add(canonical[i]);
    }
    return parts;
  }

  /** Every row added so far. */
  public ContentChecksum checksum() {
    return checksum;
  }
}

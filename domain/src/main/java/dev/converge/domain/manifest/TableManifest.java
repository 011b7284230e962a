package dev.converge.domain.manifest;

import dev.converge.domain.conversion.ConversionKind;
import java.util.List;
import java.util.Objects;

/**
 * One exported table: its columns (CSV order) with their conversions, its files, its row count,
 * its content checksum, and the snapshot it was read in.
 *
 * @param sourcePosition the source's replication position at that snapshot; null when the source keeps
 *     none, or in a manifest written before converge recorded it
 * @param fingerprint the table's row count and latest updated date at that snapshot, recorded instead
 *     when the source keeps no position; null otherwise
 * @param quarantined source rows set aside by the operator's decisions (not in the files; source =
 *     rows + quarantined), listed in {@code changes.csv} and {@code quarantine/<table>.csv}
 * @param changed values the operator's decisions changed (a default for a NULL), listed in {@code changes.csv}
 * @param merged source rows not exported because the target keeps its own row under the same primary
 *     key with other content ({@code --existing-rows merge-by-primary-key}; source = rows + quarantined +
 *     merged), each differing value listed in {@code changes.csv}; 0 in a manifest written before
 */
public record TableManifest(
    String sourceTable,
    String targetTable,
    List<Column> columns,
    List<DataFile> files,
    long rows,
    String contentChecksum,
    String snapshot,
    SourcePosition sourcePosition,
    TableFingerprint fingerprint,
    long quarantined,
    long changed,
    long merged) {

  /** A CSV column: where it comes from, where it goes, how it is converted. */
  public record Column(String source, String target, String targetType, ConversionKind conversion) {
    public Column {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
    }
  }

  /** A CSV file of the table (tables may come in ordered parts). */
  public record DataFile(String name, long rows, long bytes, String sha256) {
    public DataFile {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  public TableManifest {
    Objects.requireNonNull(sourceTable, "sourceTable");
    Objects.requireNonNull(targetTable, "targetTable");
    columns = List.copyOf(columns);
    files = List.copyOf(files);
    Objects.requireNonNull(contentChecksum, "contentChecksum");
    if (quarantined < 0 || changed < 0 || merged < 0) {
      throw new IllegalArgumentException("negative decision counts");
    }
  }

  /** A table no decision touched. */
  public TableManifest(String sourceTable, String targetTable, List<Column> columns, List<DataFile> files, long rows,
      String contentChecksum, String snapshot, SourcePosition sourcePosition) {
    this(sourceTable, targetTable, columns, files, rows, contentChecksum, snapshot, sourcePosition, null, 0, 0, 0);
  }
}

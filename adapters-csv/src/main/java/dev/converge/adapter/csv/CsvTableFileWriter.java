package dev.converge.adapter.csv;

import dev.converge.adapter.workdir.WorkFiles;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one table's CSV file in converge's dialect, streaming. The rows go to a temporary name;
 * only {@link #finish()} forces them to disk and renames the file to its final name, so a file
 * with the final name is always complete. Closing without finishing deletes the temporary file.
 */
public final class CsvTableFileWriter implements AutoCloseable {

  /** What a file is called until it is finished: {@code <name>.partial}. */
  static final String PARTIAL_SUFFIX = ".partial";

  private static final int BUFFER_BYTES = 1 << 16;

  private final Path target;
  private final Path partial;
  private final FileChannel channel;
  private final MessageDigest sha256;
  private final CountingOutputStream counted;
  private final CSVPrinter printer;
  private final int columns;
  private long rows;
  private boolean finished;

  private CsvTableFileWriter(Path target, List<String> header) throws IOException {
    this.target = target;
    this.partial = target.resolveSibling(target.getFileName() + PARTIAL_SUFFIX);
    this.columns = header.size();
    // Production data: readable by the operator's account only.
    this.channel = WorkFiles.openOwnerOnly(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    this.counted = new CountingOutputStream(new DigestOutputStream(Channels.newOutputStream(channel), sha256));
    this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(counted, StandardCharsets.UTF_8),
        BUFFER_BYTES), CsvDialect.FORMAT);
    printer.printRecord(header);
  }

  /** Opens {@code target}'s temporary file and writes the header row. */
  public static CsvTableFileWriter open(Path target, List<String> header) {
    if (header.isEmpty()) {
      throw new IllegalArgumentException("a CSV file needs at least one column: " + target);
    }
    try {
      return new CsvTableFileWriter(target, List.copyOf(header));
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EXPORT, "cannot create " + target, e);
    }
  }

  /** Appends one row; a {@code null} value is written as NULL. */
  public void write(String[] values) {
    if (values.length != columns) {
      throw new IllegalArgumentException(
          "row " + (rows + 1) + " of " + target.getFileName() + " has " + values.length + " values for " + columns + " columns");
    }
    try {
      printer.printRecord((Object[]) values);
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EXPORT, "cannot write row " + (rows + 1) + " of " + target, e);
    }
    rows++;
  }

  public long rows() {
    return rows;
  }

  /** Bytes that have reached the file so far (the write buffer may hold up to 64 KiB more). */
  public long bytes() {
    return counted.bytes;
  }

  /** Flushes, forces the data to disk, renames the file to its final name and returns its facts. */
  public WrittenFile finish() {
    try {
      printer.flush();
      channel.force(true);
      printer.close();
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      finished = true;
      return new WrittenFile(target, rows, counted.bytes, HexFormat.of().formatHex(sha256.digest()));
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EXPORT, "cannot finish " + target, e);
    }
  }

  /** Without a {@link #finish()}, the partial file is deleted: an interrupted table leaves nothing behind. */
  @Override
  public void close() {
    if (finished) {
      return;
    }
    try {
      printer.close();
    } catch (IOException e) {
      // The partial file is about to be deleted; what it failed to flush does not matter.
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        // Nothing with the final name exists, so a leftover .partial cannot be mistaken for a result.
      }
    }
  }

  /** Counts the bytes that reach the file (after UTF-8 encoding). */
  private static final class CountingOutputStream extends java.io.FilterOutputStream {
    private long bytes;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      bytes++;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
      out.write(buffer, offset, length);
      bytes += length;
    }
  }
}

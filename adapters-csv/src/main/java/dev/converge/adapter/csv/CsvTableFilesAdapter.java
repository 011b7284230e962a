package dev.converge.adapter.csv;

import dev.converge.adapter.workdir.WorkFiles;
import dev.converge.application.port.out.ReadTableFilesPort;
import dev.converge.application.port.out.WriteTableFilesPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Table CSV files in the run's work directory, in converge's dialect (docs/csv-format.md). */
public final class CsvTableFilesAdapter implements WriteTableFilesPort, ReadTableFilesPort {

  private final Path directory;

  public CsvTableFilesAdapter(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public TableFile create(String fileName, List<String> header) {
    try {
      WorkFiles.createDirectories(directory);
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EXPORT, "cannot create the work directory " + directory, e);
    }
    CsvTableFileWriter writer = CsvTableFileWriter.open(directory.resolve(fileName), header);
    return new TableFile() {
      @Override
      public void write(String[] values) {
        writer.write(values);
      }

      @Override
      public long bytes() {
        return writer.bytes();
      }

      @Override
      public WrittenTableFile finish() {
        WrittenFile file = writer.finish();
        return new WrittenTableFile(fileName, file.rows(), file.bytes(), file.sha256());
      }

      @Override
      public void close() {
        writer.close();
      }
    };
  }

  @Override
  public List<String> header(String fileName) {
    return CsvTableFileReader.header(directory.resolve(fileName));
  }

  @Override
  public boolean exists(String fileName) {
    return Files.isRegularFile(directory.resolve(fileName));
  }

  @Override
  public Read read(String fileName, java.util.function.Consumer<Row> rows) {
    CsvTableFileReader.Read read = CsvTableFileReader.read(directory.resolve(fileName),
        row -> rows.accept(new Row(row.line(), row.values())));
    return new Read(read.rows(), read.sha256());
  }

  @Override
  public void delete(String fileName) {
    try {
      Files.deleteIfExists(directory.resolve(fileName));
      Files.deleteIfExists(directory.resolve(fileName + CsvTableFileWriter.PARTIAL_SUFFIX));
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EXPORT, "cannot remove " + directory.resolve(fileName) + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public List<String> names() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(Files::isRegularFile).map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith(".csv") || name.endsWith(".csv" + CsvTableFileWriter.PARTIAL_SUFFIX))
          .map(name -> name.endsWith(CsvTableFileWriter.PARTIAL_SUFFIX)
              ? name.substring(0, name.length() - CsvTableFileWriter.PARTIAL_SUFFIX.length()) : name)
          .distinct().sorted().toList();
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EXPORT, "cannot list " + directory + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<String> sha256(String fileName) {
    Path file = directory.resolve(fileName);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return Optional.of(HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()));
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.VALIDATION, "cannot read " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

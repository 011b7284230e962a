package dev.converge.adapter.csv;

import dev.converge.adapter.workdir.WorkFiles;
import dev.converge.application.port.out.RecordChangesPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.RowDecisions;
import dev.converge.domain.plan.ValueChange;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code changes.csv} and {@code quarantine/<table>.csv} in the work directory (RFC 4180 with a
 * header line, 0600 files in a 0700 directory where POSIX permissions exist): the audit of the
 * operator's decisions, written as export meets the rows, and rewritten table by table by sync.
 */
public final class CsvChangesAdapter implements RecordChangesPort {

  public static final String CHANGES = "changes.csv";
  public static final String QUARANTINE = "quarantine";
  static final String[] HEADER = {"table", "key", "column", "before", "after", "rule"};

  private final Path directory;

  public CsvChangesAdapter(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public Changes open() {
    try {
      Files.createDirectories(directory);
      Path quarantine = directory.resolve(QUARANTINE);
      if (Files.isDirectory(quarantine)) {
        try (Stream<Path> earlier = Files.list(quarantine)) {
          for (Path file : earlier.filter(f -> f.getFileName().toString().endsWith(".csv")).toList()) {
            Files.delete(file);
          }
        }
      }
      CSVPrinter changes = printer(directory.resolve(CHANGES), HEADER);
      return new OpenFiles(changes, directory.resolve(CHANGES), this::quarantineFile);
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EXPORT, "cannot write " + directory.resolve(CHANGES) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Set<String> quarantinedKeys(String table) {
    Path file = quarantineFile(table);
    Set<String> keys = new HashSet<>();
    if (!Files.exists(file)) {
      return keys;
    }
    try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8,
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
      for (CSVRecord row : parser) {
        keys.add(row.get("key"));
      }
    } catch (IOException | UncheckedIOException e) {
      throw new ConvergeException(ErrorCode.VERIFICATION, "cannot read " + file + ": " + CsvDialect.problem(e)
          + "; it lists the rows of table " + table + " that export quarantined: restore the file, or export again"
          + " (converge export --restart)", e);
    }
    return keys;
  }

  @Override
  public Set<String> mergedKeys(String table) {
    Path file = directory.resolve(CHANGES);
    Set<String> keys = new HashSet<>();
    if (!Files.exists(file)) {
      return keys;
    }
    try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8,
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
      for (CSVRecord row : parser) {
        if (row.get("table").equals(table) && ValueChange.decisionOf(row.get("rule")).equals(RowDecisions.MERGED)) {
          keys.add(row.get("key"));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new ConvergeException(ErrorCode.VERIFICATION, "cannot read " + file + ": " + CsvDialect.problem(e)
          + "; it lists the rows of table " + table + " that export left to the target's own rows (merge-by-primary-key):"
          + " restore the file, or export again (converge export --restart)", e);
    }
    return keys;
  }

  @Override
  public Summary summary() {
    Path file = directory.resolve(CHANGES);
    Map<String, Map<String, Long>> counts = new HashMap<>();
    if (Files.exists(file)) {
      try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8,
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
        for (CSVRecord row : parser) {
          counts.computeIfAbsent(row.get("table"), t -> new HashMap<>())
              .merge(ValueChange.decisionOf(row.get("rule")), 1L, Long::sum);
        }
      } catch (IOException | UncheckedIOException e) {
        throw new ConvergeException(ErrorCode.VERIFICATION, "cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return new Summary(counts, file.toString(), directory.resolve(QUARANTINE) + java.io.File.separator);
  }

  @Override
  public Rewrite rewrite() {
    return new StagedRewrite();
  }

  private Path quarantineFile(String table) {
    return directory.resolve(QUARANTINE).resolve(table + ".csv");
  }

  private static CSVPrinter printer(Path file, String... header) throws IOException {
    WorkFiles.ownerOnly(file);
    BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
    return new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header).build());
  }

  /**
   * Each table's records staged in {@code .staged-records/} of the work directory until the rewrite
   * closes; then {@code changes.csv} is written anew (the other tables' lines as they were, then the
   * kept tables' staged lines) and renamed over the old one, and each kept table's quarantine file
   * replaced (or removed when it set nothing aside).
   */
  private final class StagedRewrite implements Rewrite {
    private final Path staging = directory.resolve(".staged-records");
    private final Map<String, OpenFiles> staged = new HashMap<>();
    private final Set<String> kept = new java.util.LinkedHashSet<>();

    private Path stagedChanges(String table) {
      return staging.resolve("changes." + table + ".csv");
    }

    private Path stagedQuarantine(String table) {
      return staging.resolve("quarantine." + table + ".csv");
    }

    @Override
    public synchronized Changes table(String table) {
      try {
        OpenFiles earlier = staged.remove(table);
        if (earlier != null) {
          earlier.close();
        }
        Files.deleteIfExists(stagedQuarantine(table));
        Files.createDirectories(staging);
        OpenFiles files = new OpenFiles(printer(stagedChanges(table), HEADER), stagedChanges(table),
            t -> stagedQuarantine(table));
        staged.put(table, files);
        return files;
      } catch (IOException e) {
        throw new ConvergeException(ErrorCode.IMPORT, "cannot write " + stagedChanges(table) + ": " + e.getMessage(), e);
      }
    }

    @Override
    public synchronized void keep(String table) {
      if (!staged.containsKey(table)) {
        throw new IllegalStateException("no records staged for table " + table);
      }
      kept.add(table);
    }

    @Override
    public synchronized void close() {
      Path changesFile = directory.resolve(CHANGES);
      try {
        for (OpenFiles files : staged.values()) {
          files.close();
        }
        if (!kept.isEmpty()) {
          Path rewritten = directory.resolve(CHANGES + ".rewrite");
          try (CSVPrinter out = printer(rewritten, HEADER)) {
            if (Files.exists(changesFile)) {
              copy(changesFile, out, table -> !kept.contains(table));
            }
            for (String table : kept) {
              copy(stagedChanges(table), out, t -> true);
            }
          }
          Files.move(rewritten, changesFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
              java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          for (String table : kept) {
            Path quarantined = quarantineFile(table);
            if (Files.exists(stagedQuarantine(table))) {
              WorkFiles.createDirectories(quarantined.getParent());
              Files.move(stagedQuarantine(table), quarantined, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else {
              Files.deleteIfExists(quarantined);
            }
          }
        }
      } catch (IOException | UncheckedIOException e) {
        throw new ConvergeException(ErrorCode.IMPORT, "cannot rewrite " + changesFile + " and " + directory.resolve(QUARANTINE)
            + " for the tables " + kept + ": " + CsvDialect.problem(e), e);
      } finally {
        removeStaging();
      }
    }

    private void copy(Path from, CSVPrinter out, java.util.function.Predicate<String> table) throws IOException {
      try (CSVParser parser = CSVParser.parse(from, StandardCharsets.UTF_8,
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
        for (CSVRecord row : parser) {
          if (table.test(row.get("table"))) {
            out.printRecord(row.values());
          }
        }
      }
    }

    private void removeStaging() {
      if (!Files.isDirectory(staging)) {
        return;
      }
      try (Stream<Path> left = Files.list(staging)) {
        for (Path file : left.toList()) {
          Files.deleteIfExists(file);
        }
        Files.deleteIfExists(staging);
      } catch (IOException e) {
        // Leftover staging files hold nothing the work directory's records need; the next rewrite starts over.
      }
    }
  }

  private final class OpenFiles implements Changes {
    private final CSVPrinter changes;
    private final Path changesFile;
    private final java.util.function.Function<String, Path> quarantineFile;
    private final Map<String, CSVPrinter> quarantined = new HashMap<>();

    OpenFiles(CSVPrinter changes, Path changesFile, java.util.function.Function<String, Path> quarantineFile) {
      this.changes = changes;
      this.changesFile = changesFile;
      this.quarantineFile = quarantineFile;
    }

    @Override
    public synchronized void change(ValueChange change) {
      try {
        changes.printRecord(change.table(), change.key(), change.column(), change.before(), change.after(), change.rule());
      } catch (IOException e) {
        throw new ConvergeException(ErrorCode.EXPORT, "cannot write " + changesFile + ": " + e.getMessage(), e);
      }
    }

    @Override
    public synchronized void quarantine(String table, List<String> columns, List<String> values, ValueChange reason) {
      change(reason);
      Path file = quarantineFile.apply(table);
      try {
        CSVPrinter printer = quarantined.get(table);
        if (printer == null) {
          WorkFiles.createDirectories(file.getParent());
          List<String> header = new ArrayList<>(List.of("key", "column", "rule"));
          header.addAll(columns);
          printer = printer(file, header.toArray(String[]::new));
          quarantined.put(table, printer);
        }
        List<String> record = new ArrayList<>(List.of(reason.key(), reason.column(), reason.rule()));
        record.addAll(values);
        printer.printRecord(record);
      } catch (IOException e) {
        throw new ConvergeException(ErrorCode.EXPORT, "cannot write " + file + ": " + e.getMessage(), e);
      }
    }

    @Override
    public synchronized void close() {
      List<IOException> failures = new ArrayList<>();
      for (CSVPrinter printer : quarantined.values()) {
        try {
          printer.close();
        } catch (IOException e) {
          failures.add(e);
        }
      }
      try {
        changes.close();
      } catch (IOException e) {
        failures.add(e);
      }
      if (!failures.isEmpty()) {
        throw new ConvergeException(ErrorCode.EXPORT, "cannot finish " + changesFile + ": "
            + failures.get(0).getMessage(), failures.get(0));
      }
    }
  }
}

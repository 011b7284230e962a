package dev.converge.application.service;

import dev.converge.application.port.in.ValidateFilesCommand;
import dev.converge.application.port.in.ValidateFilesReport;
import dev.converge.application.port.in.ValidateFilesReport.Problem;
import dev.converge.application.port.in.ValidateFilesReport.TableValidation;
import dev.converge.application.port.in.ValidateFilesUseCase;
import dev.converge.application.port.out.ReadTableFilesPort;
import dev.converge.application.port.out.RecordValidationPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.domain.conversion.ValueDisplay;
import dev.converge.domain.conversion.type.TargetType;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.MalformedFileException;
import dev.converge.domain.manifest.KeyHashSet;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.manifest.TableManifest;
import dev.converge.domain.plan.ColumnPlan;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.TablePlan;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Proves the export's files before anything touches the target: every file of the manifest is
 * there with its SHA-256, parses as converge's CSV, has the planned header and the manifest's row
 * count, holds no duplicate primary key, and every value is valid text for its target column
 * (type, length, enum label, NOT NULL). Each problem names file, line, column and value.
 */
public final class ValidateFilesService implements ValidateFilesUseCase {

  private final StorePlanPort plans;
  private final StoreManifestPort manifests;
  private final ReadTableFilesPort files;
  private final RecordValidationPort verdicts;
  private final Clock clock;

  public ValidateFilesService(StorePlanPort plans, StoreManifestPort manifests, ReadTableFilesPort files,
      RecordValidationPort verdicts, Clock clock) {
    this.plans = Objects.requireNonNull(plans, "plans");
    this.manifests = Objects.requireNonNull(manifests, "manifests");
    this.files = Objects.requireNonNull(files, "files");
    this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ValidateFilesReport validate(ValidateFilesCommand command) {
    MigrationPlan plan = plans.load().orElseThrow(() -> new ConvergeException(ErrorCode.CONFIGURATION,
        "there is no plan in the work directory; run converge plan and converge export first"));
    StoreManifestPort.Stored stored = manifests.latest().orElseThrow(() -> new ConvergeException(ErrorCode.CONFIGURATION,
        "there is no manifest in the work directory; run converge export first"));
    Manifest manifest = stored.manifest();
    if (!manifest.complete()) {
      throw new ConvergeException(ErrorCode.VALIDATION, stored.fileName() + " is from an unfinished export;"
          + " run converge export again to finish it");
    }
    if (!manifest.sourceFingerprint().equals(plan.sourceFingerprint())
        || !manifest.targetFingerprint().equals(plan.targetFingerprint())) {
      throw new ConvergeException(ErrorCode.VALIDATION, stored.fileName() + " was exported for another plan;"
          + " export again (converge export --restart)");
    }
    List<TableValidation> tables = new ArrayList<>();
    for (TablePlan table : plan.tables()) {
      Optional<TableManifest> exported = manifest.table(table.sourceTable());
      if (exported.isEmpty()) {
        tables.add(new TableValidation(table.sourceTable(), 0, 1, List.of(new Problem(stored.fileName(), 0, null, null,
            "the manifest has no entry for planned table " + table.sourceTable()))));
        continue;
      }
      tables.add(validate(table, exported.get(), command.problemsPerTable()));
    }
    ValidateFilesReport report = new ValidateFilesReport(stored.fileName(), tables);
    verdicts.save(new RecordValidationPort.Verdict(stored.fileName(), manifest.migrationId(), manifest.exportFinished(),
        report.passed(), report.problems(), clock.instant().toString()));
    return report;
  }

  /** Saves the verdict on a manifest whose tables were validated (by {@code migrate}, as it went). */
  void record(String manifestFile, Manifest manifest, ValidateFilesReport report) {
    verdicts.save(new RecordValidationPort.Verdict(manifestFile, manifest.migrationId(), manifest.exportFinished(),
        report.passed(), report.problems(), clock.instant().toString()));
  }

  /** A validation of {@code table}'s files, fed one file at a time. */
  TableCheck check(TablePlan table, int listed) {
    return new TableCheck(table, listed, true);
  }

  /**
   * The check {@code migrate} makes of the parts its own export just wrote: only that each is there.
   * The export established the rest as it wrote them (header, every value converted into its target
   * type's grammar, the row count, the SHA-256); the load digests the bytes it sends and checks the
   * row count COPY reports against the manifest's, so a part changed, truncated or swapped since it
   * was written is refused before its table commits, without reading any byte twice.
   */
  TableCheck checkWritten(TablePlan table, int listed) {
    return new TableCheck(table, listed, false);
  }

  private TableValidation validate(TablePlan table, TableManifest exported, int listed) {
    TableCheck check = new TableCheck(table, listed, true);
    exported.files().forEach(check::part);
    return check.result();
  }

  /**
   * One table's validation, a file at a time (so that {@code migrate} can check each part as soon
   * as it is exported): the primary keys seen so far are kept across the table's parts.
   */
  final class TableCheck {
    private static final int PART_SHIFT = 40;
    private static final long LINE_MASK = (1L << PART_SHIFT) - 1;
    private final TablePlan table;
    private final Problems problems;
    private final List<TargetType> types;
    private final int[] key;
    private final List<String> header;
    private final KeyHashSet keys = new KeyHashSet();
    private final List<String> parts = new ArrayList<>();
    private final boolean deep;
    private long rows;

    TableCheck(TablePlan table, int listed, boolean deep) {
      this.table = table;
      this.deep = deep;
      this.problems = new Problems(listed);
      List<ColumnPlan> columns = table.columns();
      this.types = columns.stream().map(c -> TargetType.of(c.target())).toList();
      this.key = columns.stream().filter(c -> table.primaryKey().contains(c.target().name())).mapToInt(columns::indexOf)
          .toArray();
      this.header = columns.stream().map(c -> c.target().name()).toList();
    }

    /** Checks one file of the table; returns whether the table has no problem so far. */
    boolean part(TableManifest.DataFile file) {
      if (!files.exists(file.name())) {
        problems.add(new Problem(file.name(), 0, null, null, "the file is missing"));
        return false;
      }
      if (!deep) {
        rows += file.rows();
        return problems.count == 0;
      }
      try {
        List<String> found = files.header(file.name());
        if (!found.equals(header)) {
          problems.add(new Problem(file.name(), 1, null, null, "the header " + found + " is not the planned " + header));
          return false;
        }
        // A key's place is its part (high bits) and line, so that a repeat names the file it repeats.
        long part = (long) parts.size() << PART_SHIFT;
        parts.add(file.name());
        // One read proves the bytes (SHA-256) and the content; a malformed file is known to have changed.
        ReadTableFilesPort.Read read = files.read(file.name(), row -> {
          String[] values = row.values();
          for (int i = 0; i < values.length; i++) {
            Optional<String> wrong = types.get(i).violation(values[i]);
            if (wrong.isPresent()) {
              problems.add(new Problem(file.name(), row.line(), header.get(i), ValueDisplay.of(values[i]), wrong.get()));
            }
          }
          if (key.length > 0) {
            List<String> canonicalKey = Arrays.stream(key).mapToObj(i -> types.get(i).canonical(values[i])).toList();
            long earlier = keys.add(canonicalKey, part | row.line());
            if (earlier >= 0) {
              String where = (earlier >>> PART_SHIFT) == parts.size() - 1 ? ""
                  : " of " + parts.get((int) (earlier >>> PART_SHIFT));
              problems.add(new Problem(file.name(), row.line(), String.join(",", table.primaryKey()),
                  ValueDisplay.of(String.join(",", canonicalKey)), "the primary key repeats line "
                  + (earlier & LINE_MASK) + where));
            }
          }
        });
        long fileRows = read.rows();
        if (!read.sha256().equals(file.sha256())) {
          problems.add(new Problem(file.name(), 0, null, null, "its SHA-256 differs from the manifest's:"
              + " the file changed after the export"));
        }
        rows += fileRows;
        if (fileRows != file.rows()) {
          problems.add(new Problem(file.name(), 0, null, null, fileRows + " rows where the manifest says " + file.rows()));
        }
      } catch (MalformedFileException e) {
        problems.add(new Problem(file.name(), e.line(), null, null, e.getMessage().substring(e.getMessage().indexOf(": ") + 2)));
      }
      return problems.count == 0;
    }

    TableValidation result() {
      return new TableValidation(table.sourceTable(), rows, problems.count, problems.listed);
    }
  }

  /** All problems counted, the first few kept. */
  private static final class Problems {
    private final int limit;
    private final List<Problem> listed = new ArrayList<>();
    private long count;

    Problems(int limit) {
      this.limit = limit;
    }

    void add(Problem problem) {
      count++;
      if (listed.size() < limit) {
        listed.add(problem);
      }
    }
  }
}

package dev.converge.application.service;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.ExportTablesCommand;
import dev.converge.application.port.in.ExportTablesReport;
import dev.converge.application.port.in.ExportTablesUseCase;
import dev.converge.application.port.out.ReadSourcePositionPort;
import dev.converge.application.port.out.RecordChangesPort;
import dev.converge.application.port.out.ReadSourceSchemaPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.application.port.out.ReportProgressPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.application.port.out.StreamSourceRowsPort.Snapshot;
import dev.converge.application.port.out.StreamSourceRowsPort.SnapshotRequest;
import dev.converge.application.port.out.StreamSourceRowsPort.TableRead;
import dev.converge.application.port.out.WriteTableFilesPort;
import dev.converge.application.port.out.WriteTableFilesPort.TableFile;
import dev.converge.application.port.out.WriteTableFilesPort.WrittenTableFile;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.PlanBlockedException;
import dev.converge.domain.manifest.ContentChecksum;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.plan.RowDigest;
import dev.converge.domain.manifest.TableManifest;
import dev.converge.domain.conversion.ValueDisplay;
import dev.converge.domain.plan.ColumnPlan;
import dev.converge.domain.plan.DirtyRow;
import dev.converge.domain.plan.RowDecisions;
import dev.converge.domain.plan.ValueChange;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.SchemaFingerprint;
import dev.converge.domain.plan.TablePlan;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Exports every table of the saved plan into CSV files, from one consistent snapshot, converting
 * each value as the plan says and stopping at the first value the target would reject. The
 * manifest is saved after each finished table, so an interrupted export resumes with the tables
 * it had not finished, after proving the finished files intact by their SHA-256.
 */
public final class ExportTablesService implements ExportTablesUseCase {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
  private static final long PROGRESS_EVERY = 50_000;

  private final StorePlanPort plans;
  private final ReadSourceSchemaPort sourceSchema;
  private final ReadTargetSchemaPort targetSchema;
  private final StreamSourceRowsPort source;
  private final WriteTableFilesPort files;
  private final StoreManifestPort manifests;
  private final ReportProgressPort progress;
  private final ConnectionSettings settings;
  private final Clock clock;
  private final StaleExports staleExports;
  private final RecordChangesPort changes;

  public ExportTablesService(StorePlanPort plans, ReadSourceSchemaPort sourceSchema, ReadTargetSchemaPort targetSchema,
      StreamSourceRowsPort source, ReadSourcePositionPort sourcePosition, WriteTableFilesPort files,
      StoreManifestPort manifests, ReportProgressPort progress, ConnectionSettings settings, Clock clock,
      RecordChangesPort changes) {
    this.changes = Objects.requireNonNull(changes, "changes");
    this.plans = Objects.requireNonNull(plans, "plans");
    this.sourceSchema = Objects.requireNonNull(sourceSchema, "sourceSchema");
    this.targetSchema = Objects.requireNonNull(targetSchema, "targetSchema");
    this.source = Objects.requireNonNull(source, "source");
    this.files = Objects.requireNonNull(files, "files");
    this.manifests = Objects.requireNonNull(manifests, "manifests");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.staleExports = new StaleExports(sourcePosition);
  }

  @Override
  public ExportTablesReport export(ExportTablesCommand command) {
    return export(command, Listener.NONE, false, manifest -> false);
  }

  /**
   * Told of each part file as soon as it is finished (renamed to its final name, SHA-256 known), so
   * that {@code migrate} can validate and load a table while the rest of it is still being
   * exported. Calls come from the export's threads; a table's parts arrive in order.
   */
  interface Listener {
    Listener NONE = new Listener() { };

    /** The run's migration id, before any table. */
    default void started(String migrationId) {}

    /** {@code table}'s rows begin to be read. */
    default void begun(TablePlan table) {}

    /** A finished part of {@code table}'s file (parts of a table arrive in order). */
    default void part(TablePlan table, TableManifest.DataFile file) {}

    /** {@code table} is exported: every part was handed to {@link #part} first. */
    default void exported(TablePlan table, TableManifest manifest) {}

    /** {@code table}'s export failed; told before its finished parts are removed. */
    default void failed(TablePlan table, RuntimeException failure) {}
  }

  /**
   * The export, telling {@code listener} of each part as it is finished.
   *
   * @param targetChecked the caller proved the target schema the planned one (with the foreign keys an
   *     interrupted load keeps dropped), so only the source is checked here
   * @param resumeFinished whether a finished manifest of this plan is to be continued, as an unfinished
   *     one is: {@code migrate} re-run after a failure past the export keeps the export (and so its
   *     migration id, with the tables already committed from it)
   */
  ExportTablesReport export(ExportTablesCommand command, Listener listener, boolean targetChecked,
      java.util.function.Predicate<Manifest> resumeFinished) {
    long started = System.nanoTime();
    MigrationPlan plan = plans.load().orElseThrow(() -> new ConvergeException(ErrorCode.CONFIGURATION,
        "there is no plan in " + settings.workDirectory() + "; run converge plan first"));
    if (plan.hasBlockers()) {
      throw new PlanBlockedException(plan.blockers().stream().map(Object::toString).toList());
    }
    requireUnchanged(plan, targetChecked);
    if (!command.decisions().isEmpty() && !command.decisions().equals(plan.decisions())) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "export was given the row decisions "
          + command.decisions().describe() + " but the plan was made with " + (plan.decisions().isEmpty() ? "none"
          : plan.decisions().describe()) + "; give them to converge plan (it checks them against the data), or"
          + " leave them out here to follow the plan");
    }

    Optional<StoreManifestPort.Stored> previous = command.restart() ? Optional.empty()
        : manifests.latest().filter(stored -> (!stored.manifest().complete() || resumeFinished.test(stored.manifest()))
            && stored.manifest().sourceFingerprint().equals(plan.sourceFingerprint())
            && stored.manifest().targetFingerprint().equals(plan.targetFingerprint()));
    String stamp = STAMP.format(clock.instant());
    String manifestFile = previous.map(StoreManifestPort.Stored::fileName).orElse("migration_manifest_" + stamp + ".json");
    Map<String, TableManifest> done = new LinkedHashMap<>();
    List<String> reused = new ArrayList<>();
    // With row decisions a table's changes and quarantined keys (its children's) belong to one run:
    // an unfinished export with decisions starts over rather than continue without them.
    boolean continuable = plan.decisions().isEmpty() || previous.map(stored -> stored.manifest().complete()).orElse(false);
    previous.filter(stored -> continuable).ifPresent(stored -> stored.manifest().tables().forEach(table -> {
      if (intact(table)) {
        done.put(table.sourceTable(), table);
        reused.add(table.sourceTable());
      }
    }));
    // Tables kept from a snapshot the source has moved past would disagree with the rest, and with the source.
    Optional<String> stale = staleExports.refuseIfMoved(List.copyOf(done.values()), command.reuseStaleExport(),
        "continue");
    removeLeftovers(plan, previous.isPresent() ? done.values() : manifests.latest()
        .map(stored -> stored.manifest().tables()).orElse(List.of()));
    Progress state = new Progress(previous.map(stored -> stored.manifest().migrationId()).orElse(UUID.randomUUID().toString()),
        previous.map(stored -> stored.manifest().exportStarted()).orElse(clock.instant().toString()), plan, done, manifestFile);
    state.save(false);
    listener.started(state.migrationId);
    for (TablePlan table : plan.tables()) {
      TableManifest kept = done.get(table.sourceTable());
      if (kept != null) {
        kept.files().forEach(file -> listener.part(table, file));
        listener.exported(table, kept);
      }
    }

    List<TablePlan> remaining = plan.tables().stream().filter(table -> !done.containsKey(table.sourceTable())).toList();
    String snapshotDescription = "no table left to export";
    Duration lockWait = Duration.ZERO;
    if (!remaining.isEmpty()) {
      try (Snapshot snapshot = source.openSnapshot(new SnapshotRequest(Math.min(command.parallelism(), remaining.size()),
          command.snapshotMode(), command.snapshotLockTimeout(), progress::notice))) {
        snapshotDescription = snapshot.description();
        lockWait = snapshot.lockWait();
        try (RecordChangesPort.Changes audit = done.isEmpty() ? changes.open() : NO_CHANGES) {
          exportAll(plan, remaining, snapshot, stamp, state, command.partBytes(), listener, audit);
        }
      }
    }
    Manifest finished = state.save(true);
    return new ExportTablesReport(finished, manifestFile, reused, snapshotDescription,
        Duration.ofNanos(System.nanoTime() - started), lockWait, stale);
  }

  private void requireUnchanged(MigrationPlan plan, boolean targetChecked) {
    if (!SchemaFingerprint.of(sourceSchema.readSourceSchema()).equals(plan.sourceFingerprint())) {
      throw new ConvergeException(ErrorCode.PLAN_BLOCKED, "the source schema changed since the plan was made; run converge plan again");
    }
    if (!targetChecked && !SchemaFingerprint.of(targetSchema.readTargetSchema()).equals(plan.targetFingerprint())) {
      throw new ConvergeException(ErrorCode.PLAN_BLOCKED, "the target schema changed since the plan was made; run converge plan again");
    }
  }

  /**
   * Removes the planned tables' part files no kept manifest entry names: the parts of tables a
   * killed or failed export did not finish, and the half-written files it left. On a resume the kept
   * entries are the intact tables; on a new export, the latest manifest's (an earlier finished
   * export stays whole until a new one replaces it).
   */
  private void removeLeftovers(MigrationPlan plan, Collection<TableManifest> kept) {
    Set<String> keep = new HashSet<>();
    kept.forEach(table -> table.files().forEach(file -> keep.add(file.name())));
    List<Pattern> parts = plan.tables().stream().map(ExportTablesService::partPattern).toList();
    for (String name : files.names()) {
      if (!keep.contains(name) && parts.stream().anyMatch(part -> part.matcher(name).matches())) {
        files.delete(name);
      }
    }
  }

  /** Every name {@link #partName} gives the table's parts, whatever the stamp. */
  private static Pattern partPattern(TablePlan table) {
    return Pattern.compile(Pattern.quote(table.targetTable()) + "_\\d{8}_\\d{6}(\\.\\d+)?\\.csv");
  }

  /** Every file of the table is there with the SHA-256 the manifest recorded. */
  private boolean intact(TableManifest table) {
    return !table.files().isEmpty() && table.files().stream()
        .allMatch(file -> files.sha256(file.name()).filter(file.sha256()::equals).isPresent());
  }

  /** What a resumed export without decisions records: nothing can change or be set aside. */
  private static final RecordChangesPort.Changes NO_CHANGES = new RecordChangesPort.Changes() {
    @Override
    public void change(ValueChange change) {
      throw new IllegalStateException("a resumed export has no decisions to record: " + change);
    }

    @Override
    public void quarantine(String table, List<String> columns, List<String> values, ValueChange reason) {
      change(reason);
    }

    @Override
    public void close() {}
  };

  private void exportAll(MigrationPlan plan, List<TablePlan> tables, Snapshot snapshot, String stamp, Progress state,
      long partBytes, Listener listener, RecordChangesPort.Changes audit) {
    AtomicBoolean failed = new AtomicBoolean();
    QuarantinedParents quarantine = new QuarantinedParents(plan, tables);
    ParallelTables.run("converge-export", snapshot.readers(), tables, failed, table -> {
      try {
        TableManifest exported = exportTable(plan, table, snapshot, stamp, failed, partBytes, listener, audit, quarantine);
        state.finished(exported);
        listener.exported(table, exported);
      } finally {
        quarantine.finished(table);
      }
    }, ErrorCode.EXPORT);
  }

  /** Part 1 is {@code table_stamp.csv}, part n {@code table_stamp.n.csv}. */
  private static String partName(TablePlan table, String stamp, int part) {
    return table.targetTable() + "_" + stamp + (part == 1 ? "" : "." + part) + ".csv";
  }

  private TableManifest exportTable(MigrationPlan plan, TablePlan table, Snapshot snapshot, String stamp, AtomicBoolean failed,
      long partBytes, Listener listener, RecordChangesPort.Changes audit, QuarantinedParents quarantine) {
    long started = System.nanoTime();
    List<ColumnPlan> columns = table.columns();
    List<String> header = columns.stream().map(column -> column.target().name()).toList();
    List<TableManifest.Column> described = columns.stream().map(column -> new TableManifest.Column(column.source().name(),
        column.target().name(), column.target().formattedType(), column.conversion().name())).toList();
    // The plan's own scan, row by row: codecs, NOT NULL, the target's primary and unique keys.
    RowDigest digest = RowDigest.forExport(plan, table);
    ContentChecksum checksum = digest.checksum();
    TableRead read = new TableRead(table.sourceTable(), columns.stream().map(ColumnPlan::source).toList(),
        digest.sourceKey());
    RowDecisions decisions = plan.decisions();
    QuarantinedParents.Table decided = quarantine.await(table, failed);
    List<String> sourceNames = columns.stream().map(column -> column.source().name()).toList();
    long[] decidedRows = new long[2];
    progress.started(table.sourceTable(), table.estimatedRows());
    listener.begun(table);
    Parts parts = new Parts(table, stamp, header, listener);
    boolean complete = false;
    try {
      snapshot.stream(read, row -> {
        if (failed.get()) {
          throw new ParallelTables.Stopped();
        }
        List<DirtyRow> dirty = digest.check(row);
        // A child of a row set aside follows it, whatever else is wrong with it: never an orphan.
        ValueChange setAside = decided.parentQuarantined(row, digest.rowKey(row));
        if (setAside == null && !dirty.isEmpty()) {
          for (DirtyRow one : dirty) {
            if (!decisions.quarantines(table.sourceTable(), RowDecisions.codeOf(one))) {
              throw RowDigest.rejected(one); // no decision covers it: the table stops before it is written
            }
          }
          DirtyRow first = dirty.get(0);
          setAside = new ValueChange(first.table(), first.key(), first.column(), first.value(), ValueChange.QUARANTINED,
              "quarantine: " + RowDecisions.codeOf(first) + ": " + first.rule());
        }
        if (setAside != null) {
          decided.quarantined(row);
          audit.quarantine(table.sourceTable(), sourceNames,
              java.util.Arrays.stream(row).map(ValueDisplay::full).toList(), setAside);
          decidedRows[0]++;
          return;
        }
        for (ValueChange change : digest.changes()) {
          audit.change(change);
          decidedRows[1]++;
        }
        String[] values = digest.accept();
        TableFile file = parts.current();
        file.write(values);
        if (checksum.rows() % PROGRESS_EVERY == 0) {
          progress.progressed(table.sourceTable(), checksum.rows(), parts.bytesBefore + file.bytes());
        }
        if (file.bytes() >= partBytes) {
          parts.finishCurrent();
        }
      });
      if (parts.written.isEmpty() || parts.open != null) {
        parts.current();
        parts.finishCurrent();
      }
      complete = true;
    } catch (RuntimeException failure) {
      listener.failed(table, failure);
      throw failure;
    } finally {
      parts.close(complete);
    }
    long bytes = parts.written.stream().mapToLong(TableManifest.DataFile::bytes).sum();
    progress.finished(table.sourceTable(), checksum.rows(), bytes, Duration.ofNanos(System.nanoTime() - started));
    return new TableManifest(table.sourceTable(), table.targetTable(), described, parts.written, checksum.rows(),
        checksum.hex(), snapshot.description(), snapshot.position().orElse(null), decidedRows[0], decidedRows[1]);
  }

  /**
   * A table's files as they are written: a new part once the current one holds the part size, each
   * finished part handed to the listener at once. A table that fails leaves no file behind.
   */
  private final class Parts {
    private final TablePlan table;
    private final String stamp;
    private final List<String> header;
    private final Listener listener;
    private final List<TableManifest.DataFile> written = new ArrayList<>();
    private TableFile open;
    private long bytesBefore;

    Parts(TablePlan table, String stamp, List<String> header, Listener listener) {
      this.table = table;
      this.stamp = stamp;
      this.header = header;
      this.listener = listener;
    }

    TableFile current() {
      if (open == null) {
        open = files.create(partName(table, stamp, written.size() + 1), header);
      }
      return open;
    }

    void finishCurrent() {
      WrittenTableFile done = open.finish();
      open.close();
      open = null;
      TableManifest.DataFile file = new TableManifest.DataFile(done.name(), done.rows(), done.bytes(), done.sha256());
      written.add(file);
      bytesBefore += done.bytes();
      listener.part(table, file);
    }

    void close(boolean complete) {
      if (open != null) {
        open.close();
      }
      if (!complete) {
        written.forEach(file -> files.delete(file.name()));
      }
    }
  }

  /** The manifest as it grows: saved after every finished table. */
  private final class Progress {
    final String migrationId;
    private final String exportStarted;
    private final MigrationPlan plan;
    private final Map<String, TableManifest> done;
    private final String fileName;

    Progress(String migrationId, String exportStarted, MigrationPlan plan, Map<String, TableManifest> done, String fileName) {
      this.migrationId = migrationId;
      this.exportStarted = exportStarted;
      this.plan = plan;
      this.done = done;
      this.fileName = fileName;
    }

    synchronized void finished(TableManifest table) {
      done.put(table.sourceTable(), table);
      save(false);
    }

    synchronized Manifest save(boolean complete) {
      // Plan order, whatever order the tables finished in.
      List<TableManifest> tables = plan.tables().stream().map(table -> done.get(table.sourceTable()))
          .filter(Objects::nonNull).toList();
      Manifest manifest = new Manifest(migrationId, settings.source().describe(), settings.target().describe(),
          plan.sourceFingerprint(), plan.targetFingerprint(), exportStarted, complete ? clock.instant().toString() : null,
          complete && tables.size() == plan.tables().size(), tables);
      manifests.save(manifest, fileName);
      return manifest;
    }
  }
}

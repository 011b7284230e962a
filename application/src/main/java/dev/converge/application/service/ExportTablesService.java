package dev.converge.application.service;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.ExportTablesCommand;
import dev.converge.application.port.in.ExportTablesReport;
import dev.converge.application.port.in.ExportTablesUseCase;
import dev.converge.application.port.out.LookupSourceValuesPort;
import dev.converge.application.port.out.ReadSourcePositionPort;
import dev.converge.application.port.out.ReadTargetRowsPort;
import dev.converge.application.port.out.ReadSourceSchemaPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.application.port.out.RecordChangesPort;
import dev.converge.application.port.out.ReportProgressPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.application.port.out.StreamSourceRowsPort.Snapshot;
import dev.converge.application.port.out.StreamSourceRowsPort.SnapshotRequest;
import dev.converge.application.port.out.StreamSourceRowsPort.KeyRange;
import dev.converge.application.port.out.StreamSourceRowsPort.TableRead;
import dev.converge.application.port.out.WriteTableFilesPort;
import dev.converge.application.port.out.WriteTableFilesPort.TableFile;
import dev.converge.application.port.out.WriteTableFilesPort.WrittenTableFile;
import dev.converge.domain.plan.ValueChange;
import dev.converge.domain.plan.RowDecisions;
import dev.converge.domain.plan.TableScan;
import dev.converge.domain.plan.ValueLookup;
import dev.converge.domain.conversion.ValueDisplay;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.PlanBlockedException;
import dev.converge.domain.manifest.ContentChecksum;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.plan.RowDigest;
import dev.converge.domain.manifest.TableFingerprint;
import dev.converge.domain.manifest.TableManifest;
import dev.converge.domain.plan.ColumnPlan;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.SchemaFingerprint;
import dev.converge.domain.plan.TablePlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
  private final RecordChangesPort changes;
  private final LookupSourceValuesPort lookups;
  private final ReadTargetRowsPort targetRows;
  private final ConnectionSettings settings;
  private final Clock clock;
  private final StaleExports staleExports;

  public ExportTablesService(StorePlanPort plans, ReadSourceSchemaPort sourceSchema, ReadTargetSchemaPort targetSchema,
      StreamSourceRowsPort source, ReadSourcePositionPort sourcePosition, WriteTableFilesPort files,
      StoreManifestPort manifests, ReportProgressPort progress, ConnectionSettings settings, Clock clock,
      RecordChangesPort changes, LookupSourceValuesPort lookups, ReadTargetRowsPort targetRows) {
    this.changes = Objects.requireNonNull(changes, "changes");
    this.lookups = Objects.requireNonNull(lookups, "lookups");
    this.targetRows = Objects.requireNonNull(targetRows, "targetRows");
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
   * exported. Calls come from the export's threads.
   */
  interface Listener {
    Listener NONE = new Listener() { };

    /** The run's migration id, before any table. */
    default void started(String migrationId) {}

    /** {@code table}'s rows begin to be read. */
    default void begun(TablePlan table) {}

    /**
     * A finished part of {@code table}'s file; a table read as several key ranges hands over parts of
     * its ranges from several threads at once.
     */
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
    // So does a table merged into the target's kept rows: the rows it leaves to them are recorded as it reads.
    boolean continuable = plan.decisions().isEmpty() && plan.tables().stream().noneMatch(ExistingTargetRows::merged)
        || previous.map(stored -> stored.manifest().complete()).orElse(false);
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
        previous.map(stored -> stored.manifest().exportStarted()).orElse(clock.instant()), plan, done, manifestFile);
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
      // Taken before the snapshot opens: a fingerprint's "since" is never later than the snapshot.
      Instant snapshotAt = clock.instant();
      try (Snapshot snapshot = source.openSnapshot(new SnapshotRequest(Math.min(command.parallelism().tables(), remaining.size()),
          command.snapshotMode(), command.snapshotLockTimeout(), progress::notice))) {
        snapshotDescription = snapshot.description();
        lockWait = snapshot.lockWait();
        // The maps' lookups in a read-only session of their own, opened with the snapshot.
        try (RecordChangesPort.Changes audit = done.isEmpty() ? changes.open()
                : new ResumedChanges(changes.rewrite(), remaining, done);
            SourceLookups.Opened lookup = SourceLookups.open(lookups, plan.decisions())) {
          exportAll(plan, remaining, snapshot, snapshotAt, stamp, state, command.partBytes(), listener, audit,
              lookup.lookup());
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

  /**
   * What a resumed export records (it has no row decisions, else it starts over, but its column
   * policies may still change values): each remaining table's records are staged and replace that
   * table's earlier lines (a run that stopped in it may have left some) once the table is exported;
   * the finished tables' records stay as the earlier run wrote them.
   */
  private static final class ResumedChanges implements RecordChangesPort.Changes {
    private final RecordChangesPort.Rewrite rewrite;
    private final Map<String, RecordChangesPort.Changes> staged = new java.util.HashMap<>();
    private final Map<String, TableManifest> done;

    ResumedChanges(RecordChangesPort.Rewrite rewrite, List<TablePlan> remaining, Map<String, TableManifest> done) {
      this.rewrite = rewrite;
      this.done = done;
      remaining.forEach(table -> staged.put(table.sourceTable(), rewrite.table(table.sourceTable())));
    }

    private RecordChangesPort.Changes of(String table) {
      RecordChangesPort.Changes changes = staged.get(table);
      if (changes == null) {
        throw new IllegalStateException("a resumed export recorded a change of " + table + ", which it does not export");
      }
      return changes;
    }

    @Override
    public void change(ValueChange change) {
      of(change.table()).change(change);
    }

    @Override
    public void quarantine(String table, List<String> columns, List<String> values, ValueChange reason) {
      of(table).quarantine(table, columns, values, reason);
    }

    @Override
    public void close() {
      // Every reader has ended: the tables exported are in done.
      staged.keySet().stream().filter(done::containsKey).forEach(rewrite::keep);
      rewrite.close();
    }
  }

  /**
   * Every table on the snapshot's readers, the largest first; a large table is split by primary-key
   * ranges read side by side ({@link KeyRangeReads}), its parts and content checksums gathered into
   * one table.
   */
  private void exportAll(MigrationPlan plan, List<TablePlan> tables, Snapshot snapshot, Instant snapshotAt, String stamp,
      Progress state, long partBytes, Listener listener, RecordChangesPort.Changes audit, ValueLookup lookup) {
    AtomicBoolean failed = new AtomicBoolean();
    QuarantinedParents quarantine = new QuarantinedParents(plan, tables);
    // With row decisions, children wait for their parents' set-aside rows: load order, one reader a
    // table. Without, the largest first: the longest table starts at once (plan order on ties).
    boolean decided = !plan.decisions().isEmpty();
    List<TablePlan> order = decided ? tables : KeyRangeReads.largestFirst(tables);
    ParallelTables.runWithFollowUps("converge-export", snapshot.readers(), order, failed, (table, followUp) -> {
      try {
        TableExport export = new TableExport(plan, table, stamp, partBytes, listener, snapshot, state, audit,
            quarantine, snapshotAt, lookup);
        if (failed.get()) {
          // Another table failed before this one began: nothing of it is read or written.
          return;
        }
        export.begin();
        int ranges = decided ? 1 : KeyRangeReads.ranges(plan, table, snapshot.readers());
        List<KeyRange> split = ranges < 2 ? List.of(KeyRange.ALL) : export.split(ranges);
        export.expect(split.size());
        for (KeyRange range : split.subList(1, split.size())) {
          followUp.accept(() -> export.range(range, failed));
        }
        export.range(split.get(0), failed);
      } finally {
        quarantine.finished(table);
      }
    }, ErrorCode.EXPORT);
  }

  /** Part 1 is {@code table_stamp.csv}, part n {@code table_stamp.n.csv}. */
  private static String partName(TablePlan table, String stamp, int part) {
    return table.targetTable() + "_" + stamp + (part == 1 ? "" : "." + part) + ".csv";
  }

  /**
   * One table's export, read as one or several key ranges at once: its numbered parts, each handed to
   * the listener as soon as it is finished, and its content checksum, the sum of its ranges' (the
   * checksum adds row hashes, so the ranges' order does not matter). The range that ends last
   * finishes the table: it records it in the manifest, or, when any range failed, removes every part
   * (a table that fails leaves no file behind).
   */
  private final class TableExport {
    private final MigrationPlan plan;
    private final TablePlan table;
    private final String stamp;
    private final long partBytes;
    private final Listener listener;
    private final Snapshot snapshot;
    private final Progress state;
    private final List<String> header;
    private final TableRead read;
    private final List<TableManifest.DataFile> written = new ArrayList<>();
    private final ContentChecksum checksum = new ContentChecksum();
    private final java.util.concurrent.atomic.AtomicInteger parts = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    private final RecordChangesPort.Changes audit;
    private final QuarantinedParents quarantine;
    private final java.util.concurrent.atomic.AtomicLong quarantined = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong changed = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong merged = new java.util.concurrent.atomic.AtomicLong();
    /** Recorded when the source keeps no position: what then shows the export stale. */
    private final TableFingerprint.Tally fingerprint;
    private final Instant snapshotAt;
    private final ValueLookup lookup;
    private long started;
    private int open;
    private boolean broken;

    TableExport(MigrationPlan plan, TablePlan table, String stamp, long partBytes, Listener listener, Snapshot snapshot,
        Progress state, RecordChangesPort.Changes audit, QuarantinedParents quarantine, Instant snapshotAt,
        ValueLookup lookup) {
      this.plan = plan;
      this.snapshotAt = snapshotAt;
      this.lookup = lookup;
      this.audit = audit;
      this.quarantine = quarantine;
      this.table = table;
      this.stamp = stamp;
      this.partBytes = partBytes;
      this.listener = listener;
      this.snapshot = snapshot;
      this.state = state;
      this.header = table.columns().stream().map(column -> column.target().name()).toList();
      this.read = new TableRead(table.sourceTable(), table.columns().stream().map(ColumnPlan::source).toList(),
          new RowDigest(table).sourceKey());
      this.fingerprint = new TableFingerprint.Tally(read.columns());
    }

    void begin() {
      started = System.nanoTime();
      progress.started(table.sourceTable(), table.estimatedRows());
      listener.begun(table);
    }

    List<KeyRange> split(int ranges) {
      return snapshot.split(read, ranges);
    }

    synchronized void expect(int ranges) {
      open = ranges;
    }

    /** Streams one key range into parts of its own; the last range to end finishes the table. */
    void range(KeyRange range, AtomicBoolean failed) {
      // The plan's own scan, row by row: codecs, NOT NULL, the target's primary and unique keys.
      RowDigest digest = digest();
      List<String> sourceNames = table.columns().stream().map(column -> column.source().name()).toList();
      RangeParts own = new RangeParts();
      boolean complete = false;
      RuntimeException thrown = null;
      try {
        if (failed.get()) {
          throw new ParallelTables.Stopped();
        }
        QuarantinedParents.Table decided = quarantine.await(table, failed);
        if (decided.selfReferencing()) {
          setAsideInTable(decided, range, failed);
        }
        long[] sinceReport = {0};
        snapshot.stream(read.within(range), row -> {
          if (failed.get()) {
            throw new ParallelTables.Stopped();
          }
          fingerprint.see(row);
          ValueChange setAside = decided.setAside(digest, row);
          if (setAside != null) {
            audit.quarantine(table.sourceTable(), sourceNames,
                java.util.Arrays.stream(row).map(ValueDisplay::full).toList(), setAside);
            quarantined.incrementAndGet();
            return;
          }
          if (!digest.merged().isEmpty()) {
            // The target keeps its own row under this primary key (merge-by-primary-key): not exported,
            // each value that differs recorded, so that import and verify know the row is the target's.
            for (ValueChange change : digest.merged()) {
              audit.change(change);
            }
            merged.incrementAndGet();
            return;
          }
          for (ValueChange change : digest.changes()) {
            audit.change(change);
            changed.incrementAndGet();
          }
          String[] values = digest.accept();
          TableFile file = own.current();
          file.write(values);
          if (++sinceReport[0] == PROGRESS_EVERY) {
            sinceReport[0] = 0;
            progress.progressed(table.sourceTable(), rows.addAndGet(PROGRESS_EVERY), bytes.get() + file.bytes());
          }
          if (file.bytes() >= partBytes) {
            own.finishCurrent();
          }
        });
        if (own.open != null) {
          own.finishCurrent();
        }
        rows.addAndGet(sinceReport[0]);
        complete = true;
      } catch (RuntimeException failure) {
        thrown = failure;
        throw failure;
      } finally {
        own.closeOpen();
        ended(digest.checksum(), complete, thrown);
      }
    }

    /** The plan's scan for one read of the table, with the target's kept rows when their collisions are set aside. */
    private RowDigest digest() {
      RowDigest digest = RowDigest.forExport(plan, table, lookup);
      if (ExistingTargetRows.merged(table) || ExistingTargetRows.kept(table)
          && plan.decisions().quarantines(table.sourceTable(), RowDecisions.EXISTING_ROW)) {
        // The target's kept rows, as the plan's scan read them: a source row colliding with one is set
        // aside; one whose primary key the target keeps with other content is left to the target's row.
        digest.holdExisting(scan -> ExistingTargetRows.hold(targetRows, table, scan));
      }
      return digest;
    }

    /** {@link QuarantinedParents.Table#followInTable} over one range of the table. */
    private void setAsideInTable(QuarantinedParents.Table decided, KeyRange range, AtomicBoolean failed) {
      decided.followInTable(this::digest, rows -> snapshot.stream(read.within(range), row -> {
        if (failed.get()) {
          throw new ParallelTables.Stopped();
        }
        rows.accept(row);
      }));
    }

    /** One range ended; after the last, the table is recorded, or its parts removed. */
    private void ended(ContentChecksum rangeChecksum, boolean complete, RuntimeException failure) {
      boolean last;
      boolean failedTable;
      boolean firstFailure = false;
      synchronized (this) {
        if (!complete && !broken) {
          broken = true;
          firstFailure = true;
        }
        if (complete) {
          checksum.add(rangeChecksum);
        }
        last = --open == 0;
        failedTable = broken;
      }
      if (firstFailure) {
        // The export's own cause first, before its removed parts make a checker or loader fail.
        listener.failed(table, failure != null ? failure : new ParallelTables.Stopped());
      }
      if (!last) {
        return;
      }
      if (failedTable) {
        List<TableManifest.DataFile> remove;
        synchronized (this) {
          remove = List.copyOf(written);
        }
        remove.forEach(file -> files.delete(file.name()));
        return;
      }
      if (written.isEmpty()) {
        // An empty table still has its file: the header, no row.
        RangeParts empty = new RangeParts();
        empty.current();
        empty.finishCurrent();
      }
      long total = written.stream().mapToLong(TableManifest.DataFile::bytes).sum();
      progress.finished(table.sourceTable(), checksum.rows(), total, Duration.ofNanos(System.nanoTime() - started));
      List<TableManifest.Column> described = table.columns().stream().map(column -> new TableManifest.Column(
          column.source().name(), column.target().name(), column.target().formattedType(), column.conversion()))
          .toList();
      TableManifest exported = new TableManifest(table.sourceTable(), table.targetTable(), described, List.copyOf(written),
          checksum.rows(), checksum.hex(), snapshot.description(), snapshot.position().orElse(null),
          snapshot.position().isPresent() ? null : fingerprint.fingerprint(snapshotAt), quarantined.get(), changed.get(),
          merged.get());
      state.finished(exported);
      listener.exported(table, exported);
    }

    /** One range's files as they are written: a new part once the current one holds the part size. */
    private final class RangeParts {
      private TableFile open;

      TableFile current() {
        if (open == null) {
          open = files.create(partName(table, stamp, parts.incrementAndGet()), header);
        }
        return open;
      }

      void finishCurrent() {
        WrittenTableFile done = open.finish();
        open.close();
        open = null;
        TableManifest.DataFile file = new TableManifest.DataFile(done.name(), done.rows(), done.bytes(), done.sha256());
        synchronized (TableExport.this) {
          written.add(file);
        }
        bytes.addAndGet(done.bytes());
        listener.part(table, file);
      }

      void closeOpen() {
        if (open != null) {
          open.close();
          open = null;
        }
      }
    }
  }

  /** The manifest as it grows: saved after every finished table. */
  private final class Progress {
    final String migrationId;
    private final java.time.Instant exportStarted;
    private final MigrationPlan plan;
    private final Map<String, TableManifest> done;
    private final String fileName;

    Progress(String migrationId, java.time.Instant exportStarted, MigrationPlan plan, Map<String, TableManifest> done, String fileName) {
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
          plan.sourceFingerprint(), plan.targetFingerprint(), exportStarted, complete ? clock.instant() : null,
          complete && tables.size() == plan.tables().size(), tables);
      manifests.save(manifest, fileName);
      return manifest;
    }
  }
}

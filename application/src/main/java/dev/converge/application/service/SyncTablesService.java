package dev.converge.application.service;

import dev.converge.application.port.in.SyncTablesCommand;
import dev.converge.application.port.in.SyncTablesReport;
import dev.converge.application.port.in.SyncTablesReport.TableSync;
import dev.converge.application.port.in.SyncTablesUseCase;
import dev.converge.application.port.in.VerifyMigrationReport.Check;
import dev.converge.application.port.out.ApplyTableChangesPort;
import dev.converge.application.port.out.ApplyTableChangesPort.Applied;
import dev.converge.application.port.out.ApplyTableChangesPort.TableChange;
import dev.converge.application.port.out.ApplyTableChangesPort.TableChanges;
import dev.converge.application.port.out.CheckTargetIntegrityPort;
import dev.converge.application.port.out.LoadTargetTablesPort;
import dev.converge.application.port.out.LookupSourceValuesPort;
import dev.converge.application.port.out.LoadTargetTablesPort.LoadSession;
import dev.converge.application.port.out.ReadTargetRowsPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.application.port.out.RecordChangesPort;
import dev.converge.application.port.out.RecordImportPort;
import dev.converge.application.port.out.ReportProgressPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.application.port.out.StreamSourceRowsPort.Snapshot;
import dev.converge.application.port.out.StreamSourceRowsPort.TableRead;
import dev.converge.application.port.out.WriteReportPort;
import dev.converge.domain.conversion.ValueDisplay;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.type.TargetType;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.PlanBlockedException;
import dev.converge.domain.manifest.ContentChecksum;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.manifest.SourcePosition;
import dev.converge.domain.manifest.TableFingerprint;
import dev.converge.domain.manifest.TableManifest;
import dev.converge.domain.plan.ColumnPlan;
import dev.converge.domain.plan.ForeignKeyStrategy;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.RowDecisions;
import dev.converge.domain.plan.RowDigest;
import dev.converge.domain.plan.SchemaFingerprint;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.plan.ValueChange;
import dev.converge.domain.plan.ValueLookup;
import dev.converge.domain.sync.KeyedDelta;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The cut-over by delta. After a pre-copy ({@code migrate} while the application still ran), per
 * planned table: the target's rows and the source's (streamed from one snapshot and digested
 * exactly as export digests it) are read at the same time and meet by key (a hash of the key and
 * one of the row, 17 bytes a key; a table whose keys exceed its memory share reads the target first,
 * in passes), and only the rows that differ are written —
 * deletes, updates and inserts in the table's one transaction, as export's CSV values (the plan's
 * conversions and policies), with the foreign keys handled as import handles them. A table without
 * a primary key is compared whole (both sides read at once) and, when it differs, reloaded whole.
 * Then the proof, without reading either side twice: the rows the first pass found equal, plus the
 * changed rows read back from the target after the commit and compared with the source's; then
 * foreign-key orphans and sequences as verify checks them. A re-run computes the delta again: a
 * synced table commits nothing.
 *
 * <p>The plan's row decisions apply as export applies them, through the same owners: each source
 * row goes through the plan's scan ({@link RowDigest#forExport}) and {@link QuarantinedParents}'
 * verdict, so a row set aside (and its children under the target's foreign keys) is absent from the
 * source side — deleted from the target if it was there — and a value a default, a map or a column
 * policy changed is compared and written in its decided form. Each table's records (changes.csv,
 * quarantine/TABLE.csv) are made anew from the source as this sync read it and replace the table's
 * earlier ones once the table is committed or found equal, so the work directory's records always
 * describe the target as it is.
 */
public final class SyncTablesService implements SyncTablesUseCase {

  static final String REPORT = "sync_report";

  /** Bytes a target row takes in the index (its key hash and row hash), plus a margin for the seen bits. */
  private static final int BYTES_PER_ROW = 17;

  private final StorePlanPort plans;
  private final StoreManifestPort manifests;
  private final RecordImportPort imports;
  private final ReadTargetSchemaPort targetSchema;
  private final StreamSourceRowsPort source;
  private final ReadTargetRowsPort targetRows;
  private final ApplyTableChangesPort changes;
  private final LoadTargetTablesPort loads;
  private final TargetIntegrityChecks integrity;
  private final WriteReportPort reports;
  private final ReportProgressPort progress;
  private final RecordChangesPort records;
  private final LookupSourceValuesPort lookups;

  public SyncTablesService(StorePlanPort plans, StoreManifestPort manifests, RecordImportPort imports,
      ReadTargetSchemaPort targetSchema, StreamSourceRowsPort source, ReadTargetRowsPort targetRows,
      ApplyTableChangesPort changes, LoadTargetTablesPort loads, CheckTargetIntegrityPort integrity,
      WriteReportPort reports, ReportProgressPort progress, RecordChangesPort records, LookupSourceValuesPort lookups) {
    this.records = Objects.requireNonNull(records, "records");
    this.lookups = Objects.requireNonNull(lookups, "lookups");
    this.plans = Objects.requireNonNull(plans, "plans");
    this.manifests = Objects.requireNonNull(manifests, "manifests");
    this.imports = Objects.requireNonNull(imports, "imports");
    this.targetSchema = Objects.requireNonNull(targetSchema, "targetSchema");
    this.source = Objects.requireNonNull(source, "source");
    this.targetRows = Objects.requireNonNull(targetRows, "targetRows");
    this.changes = Objects.requireNonNull(changes, "changes");
    this.loads = Objects.requireNonNull(loads, "loads");
    this.integrity = new TargetIntegrityChecks(targetSchema, integrity);
    this.reports = Objects.requireNonNull(reports, "reports");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  @Override
  public SyncTablesReport sync(SyncTablesCommand command) {
    long started = System.nanoTime();
    MigrationPlan plan = plans.load().orElseThrow(() -> new ConvergeException(ErrorCode.CONFIGURATION,
        "there is no plan in the work directory: sync copies what changed since a pre-copy; run plan and migrate first"));
    if (plan.hasBlockers()) {
      throw new PlanBlockedException(plan.blockers().stream().map(Object::toString).toList());
    }
    for (TablePlan table : plan.tables()) {
      if (ExistingTargetRows.kept(table)) {
        // The target holds rows of its own there: a delta from the source would delete them as rows the
        // source no longer has, and cannot tell them from the loaded ones.
        throw new ConvergeException(ErrorCode.CONFIGURATION, "table " + table.sourceTable() + ": the target keeps its"
            + " own " + table.existingRows() + " row(s) there (--existing-rows " + table.targetTable() + "="
            + table.existingRowsHandling().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "), which sync"
            + " would delete as rows the source does not hold; cut over with converge migrate in the window instead");
      }
    }
    Manifest manifest = manifests.latest().map(StoreManifestPort.Stored::manifest).orElse(null);
    String migrationId = manifest == null ? null : manifest.migrationId();
    if (migrationId == null || imports.committed(migrationId).isEmpty()) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "the target was never loaded from this work directory"
          + " (no import committed a table): sync copies only what changed since a pre-copy; run converge migrate"
          + " first (while the application still runs), then sync in the window");
    }
    if (!SchemaFingerprint.of(targetSchema.readTargetSchema()).equals(plan.targetFingerprint())) {
      throw new ConvergeException(ErrorCode.PLAN_BLOCKED, "the target schema changed since the plan was made (or an"
          + " interrupted import left foreign keys dropped); run converge import or plan again before sync");
    }
    List<TablePlan> tables = plan.tables();
    Map<String, TableSync> synced = new ConcurrentHashMap<>();
    // What each table finished (committed or found equal) now equals: the source as this sync read it.
    List<TableManifest> journaled = java.util.Collections.synchronizedList(new ArrayList<>());
    Writes writes = new Writes(plan);
    RuntimeException failure = null;
    // Records only where the plan can change or set aside a value: a plan without either has none to keep true.
    RecordChangesPort.Rewrite rewrite = audited(plan) ? records.rewrite() : null;
    QuarantinedParents quarantine = new QuarantinedParents(plan, tables);
    try {
      if (plan.foreignKeyStrategy() == ForeignKeyStrategy.DROP_AND_RECREATE) {
        // Before any table's transaction: dropping a foreign key waits for every transaction that
        // has read its table, and each table's work tables are made from the table.
        writes.beforeCommit();
      }
      if (!tables.isEmpty()) {
        // Taken before the snapshot opens: a fingerprint's "since" is never later than the snapshot.
        Instant snapshotAt = Instant.now();
        try (Snapshot snapshot = source.openSnapshot(Math.min(command.parallelism().tables(), tables.size()));
            SourceLookups.Opened lookup = SourceLookups.open(lookups, plan.decisions())) {
          int capacity = (int) Math.min(Integer.MAX_VALUE - 8,
              Math.max(1024, command.memoryBudget() / BYTES_PER_ROW / snapshot.readers()));
          AtomicBoolean failed = new AtomicBoolean();
          // Plan order, which is load order: a child table waits for its parents' rows set aside.
          ParallelTables.run("converge-sync", snapshot.readers(), tables, failed, table -> {
            try {
              Decided decided = new Decided(plan, table, quarantine.await(table, failed), rewrite, lookup.lookup());
              // The rows the pre-copy exported: whether the table's keys may fit when both sides are read at once.
              long expectedRows = manifest.table(table.sourceTable()).map(TableManifest::rows).orElse(0L);
              TableSync result = syncTable(table, snapshot, capacity, expectedRows, writes, failed, decided);
              synced.put(table.targetTable(), result);
              journaled.add(journalEntry(manifest, table, result, snapshot, snapshotAt, decided));
            } finally {
              quarantine.finished(table);
            }
          }, ErrorCode.IMPORT);
        }
      }
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      // Also after a failure: foreign keys a DROP_AND_RECREATE plan dropped come back, sequences of
      // the tables that committed move past their columns.
      // And the records of the tables committed or found equal replace theirs, also after a failure.
      try {
        writes.finish();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
      if (rewrite != null) {
        try {
          rewrite.close();
        } catch (RuntimeException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      if (!journaled.isEmpty()) {
        try {
          imports.markSynced(migrationId, List.copyOf(journaled));
        } catch (RuntimeException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
    List<TableSync> results = tables.stream().map(table -> synced.get(table.targetTable())).toList();
    List<Check> checks = new ArrayList<>(decidedDifferences(tables, results));
    checks.addAll(integrity.run(plan, command.examples(), command.parallelism().tables()));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    SyncTablesReport unsaved = new SyncTablesReport(results, checks, elapsed, null);
    String savedAs = reports.write(REPORT, markdown(unsaved), unsaved);
    return new SyncTablesReport(results, checks, elapsed, savedAs);
  }

  /**
   * The sync journal's entry of a table sync finished: the source as it read it (rows, content
   * checksum, the position of its snapshot or, on a source that keeps none, the table's fingerprint),
   * the rows set aside and values changed as decided — what the target now equals, in the manifest's
   * form without files (those still hold the pre-copy's export).
   */
  private static TableManifest journalEntry(Manifest manifest, TablePlan table, TableSync result, Snapshot snapshot,
      Instant snapshotAt, Decided decided) {
    List<TableManifest.Column> columns = manifest.table(table.sourceTable()).map(TableManifest::columns)
        .orElseGet(() -> table.columns().stream().map(column -> new TableManifest.Column(column.source().name(),
            column.target().name(), column.target().formattedType(), column.conversion())).toList());
    Optional<SourcePosition> position = snapshot.position();
    return new TableManifest(table.sourceTable(), table.targetTable(), columns, List.of(), result.sourceRows(),
        result.sourceChecksum(), "synced at " + snapshotAt + " from " + snapshot.description(), position.orElse(null),
        position.isPresent() ? null : decided.fingerprint(snapshotAt), result.quarantined(), result.changed(), 0);
  }

  /**
   * The target's load session (the plan's foreign-key handling, then sequences and ANALYZE): opened
   * at the first table that changes, or before any table for a DROP_AND_RECREATE plan (which drops
   * the foreign keys then); finished once every table has committed or rolled back.
   */
  private final class Writes {
    private final MigrationPlan plan;
    private final List<String> committed = new ArrayList<>();
    private LoadSession session;

    Writes(MigrationPlan plan) {
      this.plan = plan;
    }

    synchronized void beforeCommit() {
      if (session == null) {
        session = loads.open(plan.foreignKeyStrategy(), plan.tables().stream().map(TablePlan::targetTable).toList());
      }
    }

    synchronized void committed(String table) {
      committed.add(table);
    }

    synchronized void finish() {
      if (session != null) {
        try (LoadSession open = session) {
          open.finish(List.copyOf(committed));
        } finally {
          session = null;
        }
      }
    }
  }

  private TableSync syncTable(TablePlan table, Snapshot snapshot, int capacity, long expectedRows, Writes writes,
      AtomicBoolean failed, Decided decided) {
    long started = System.nanoTime();
    progress.started(table.targetTable(), 0);
    TableSync result;
    // A self-referencing table that may lose rows: its rows set aside, found before any is compared.
    decided.followInTable(snapshot, sourceRead(table), failed);
    if (RowDigest.keyColumns(table).length == 0) {
      result = reload(table, snapshot, writes, failed, "no primary key", started, decided);
    } else {
      try {
        try {
          result = byKey(table, snapshot, capacity, expectedRows, writes, failed, started, decided);
        } catch (KeyedDelta.Overflow e) {
          // Rolled back already: more keys than fit when both sides are read at once; in passes instead.
          result = byKey(table, snapshot, capacity, -1, writes, failed, started, decided);
        }
      } catch (KeyedDelta.KeyHashCollision e) {
        // Rolled back already: the table's changes were closed on the way out.
        result = reload(table, snapshot, writes, failed, e.getMessage(), started, decided);
      }
    }
    progress.finished(table.targetTable(), result.sourceRows(), 0, Duration.ofNanos(System.nanoTime() - started));
    return result;
  }

  /**
   * The table compared by primary key, and only its differing rows written. Both sides are read at
   * the same time when {@code expectedRows} (not negative) leaves room for the keys of both in the
   * table's memory share; else, or when they did not fit after all ({@link KeyedDelta.Overflow}, the
   * table's changes rolled back), the target is read first and the source then, in passes when needed.
   */
  private TableSync byKey(TablePlan table, Snapshot snapshot, int capacity, long expectedRows, Writes writes,
      AtomicBoolean failed, long started, Decided decided) {
    decided.restart();
    int[] key = RowDigest.keyColumns(table);
    List<String> columns = targetColumns(table);
    List<String> keyNames = Arrays.stream(key).mapToObj(columns::get).toList();
    List<UnaryOperator<String>> canonical = canonicalForms(table);
    TableRead read = sourceRead(table);
    long[] targetBefore = {0};
    RowDigest[] digest = {null};
    ContentChecksum changedSource = new ContentChecksum();
    // Set when either side fails while both are read at once: the other stops at its next row.
    AtomicBoolean stop = new AtomicBoolean();

    KeyedDelta.RowStream<Void> target = sink -> {
      ContentChecksum rowHasher = new ContentChecksum();
      ContentChecksum keyHasher = new ContentChecksum();
      String[] row = new String[columns.size()];
      List<String> rowView = Arrays.asList(row);
      String[] keyValues = new String[key.length];
      List<String> keyView = Arrays.asList(keyValues);
      // In the key's order, as the source streams: the two sides then meet with few source rows held.
      targetBefore[0] = targetRows.streamRowsInKeyOrder(table.targetTable(), columns, keyNames, values -> {
        stopIfAsked(failed);
        stopIfAsked(stop);
        for (int i = 0; i < row.length; i++) {
          row[i] = canonical.get(i).apply(values[i]);
        }
        for (int i = 0; i < key.length; i++) {
          keyValues[i] = row[key[i]];
        }
        long rowHash = rowHasher.add(rowView);
        sink.accept(keyHasher.add(keyView), rowHash, null);
      });
    };
    int[] sourcePasses = {0};
    KeyedDelta.RowStream<SourceRow> sourceRows = sink -> {
      RowDigest pass = decided.digest();
      digest[0] = pass;
      // Every pass reads every row the same way; the first records the decisions.
      boolean record = ++sourcePasses[0] == 1;
      ContentChecksum keyHasher = new ContentChecksum();
      snapshot.stream(read, row -> {
        stopIfAsked(failed);
        stopIfAsked(stop);
        String[] values = decided.values(pass, row, record);
        if (values != null) {
          sink.accept(keyHasher.add(pass.canonicalKey()), pass.lastRowHash(),
              new SourceRow(values, pass.lastRowHash(), pass.lastRowLow()));
        }
      });
    };
    KeyedDelta.RowStream<String[]> targetKeys = sink -> {
      ContentChecksum keyHasher = new ContentChecksum();
      String[] keyValues = new String[key.length];
      List<String> keyView = Arrays.asList(keyValues);
      targetRows.streamRows(table.targetTable(), keyNames, values -> {
        stopIfAsked(failed);
        for (int i = 0; i < key.length; i++) {
          keyValues[i] = canonical.get(key[i]).apply(values[i]);
        }
        sink.accept(keyHasher.add(keyView), 0, values);
      });
    };

    try (TableChanges open = changes.begin(new TableChange(table.targetTable(), columns, keyNames,
        writes.plan.foreignKeyStrategy(), false))) {
      KeyedDelta.Changes<SourceRow, String[]> written = new KeyedDelta.Changes<>() {
        @Override
        public void put(SourceRow row, boolean update) {
          open.put(row.values());
          changedSource.addRow(row.hashHigh(), row.hashLow());
        }

        @Override
        public void remove(String[] targetKey) {
          open.remove(targetKey);
        }
      };
      // Both sides at once needs about 4/3 slots a key in the share (see MeetingIndex).
      boolean atOnce = expectedRows >= 0 && expectedRows <= capacity / 2;
      KeyedDelta.Summary delta = atOnce
          ? KeyedDelta.compareAtOnce(capacity, holdBudget(capacity), target, sourceRows, targetKeys, written,
              SourceRow.HOLDING, (targetSide, sourceSide) -> bothSides(() -> {
                targetSide.run();
                return null;
              }, sourceSide, stop))
          : KeyedDelta.compare(capacity, target, sourceRows, targetKeys, written);
      ContentChecksum sourceChecksum = digest[0].checksum();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      String passes = delta.passes() == 1 ? "" : " in " + delta.passes() + " passes (the table exceeded its memory share)";
      if (delta.same()) {
        decided.keep();
        return new TableSync(table.targetTable(), sourceChecksum.rows(), sourceChecksum.hex(), targetBefore[0],
            delta.equal(), 0, 0, 0, decided.quarantined, decided.changed, decided.decisions(), null, delta.passes(),
            elapsed, true, "equal: all " + delta.equal() + " rows the same by key and content" + passes
                + decided.describe() + "; nothing written");
      }
      writes.beforeCommit();
      Applied applied = open.commit();
      writes.committed(table.targetTable());
      decided.keep();
      ContentChecksum readBack = new ContentChecksum();
      String[] row = new String[columns.size()];
      List<String> rowView = Arrays.asList(row);
      open.readBack(values -> {
        for (int i = 0; i < row.length; i++) {
          row[i] = canonical.get(i).apply(values[i]);
        }
        readBack.add(rowView);
      });
      boolean counted = applied.inserted() == delta.inserted() && applied.updated() == delta.updated()
          && applied.deleted() == delta.deleted();
      boolean same = readBack.rows() == changedSource.rows() && readBack.hex().equals(changedSource.hex());
      String detail = String.format(Locale.ROOT, "%d rows equal; %d inserted, %d updated, %d deleted%s%s; the %d rows"
          + " written read back %s", delta.equal(), applied.inserted(), applied.updated(), applied.deleted(), passes,
          decided.describe(),
          readBack.rows(), same ? "equal to the source's" : "as " + readBack.rows() + " rows, checksum " + readBack.hex()
              + ", where the source's " + changedSource.rows() + " have " + changedSource.hex());
      if (!counted) {
        detail += String.format(Locale.ROOT, "; the target changed %d/%d/%d rows where the comparison found %d/%d/%d"
            + " (was the target written during the sync?)", applied.inserted(), applied.updated(), applied.deleted(),
            delta.inserted(), delta.updated(), delta.deleted());
      }
      return new TableSync(table.targetTable(), sourceChecksum.rows(), sourceChecksum.hex(), targetBefore[0],
          delta.equal(), applied.inserted(), applied.updated(), applied.deleted(), decided.quarantined, decided.changed,
          decided.decisions(), null, delta.passes(), Duration.ofNanos(System.nanoTime() - started), counted && same,
          detail);
    }
  }

  /**
   * The bytes of source rows a table may hold while they wait for the target's row with their key
   * (both sides read at once): half the table's share of the memory budget. A row the target lacks
   * (an insert) is held until the target ends, so this is also how many inserts a table takes
   * before its source waits for the target to end.
   */
  private static long holdBudget(int capacity) {
    return (long) capacity * BYTES_PER_ROW / 2;
  }

  /**
   * A source row as sync writes it (export's CSV values) and as the written rows' checksum counts it
   * (the 128-bit hash of its canonical form, as {@link ContentChecksum#add} computed it).
   */
  private record SourceRow(String[] values, long hashHigh, long hashLow) {
    /** A row held while it waits for the target's row: a copy of the values array its reader reuses. */
    static final KeyedDelta.Holding<SourceRow> HOLDING = new KeyedDelta.Holding<>() {
      @Override
      public SourceRow hold(SourceRow row) {
        return new SourceRow(row.values.clone(), row.hashHigh, row.hashLow);
      }

      @Override
      public long bytes(SourceRow row) {
        long bytes = 64;
        for (String value : row.values) {
          bytes += value == null ? 8 : 48 + value.length();
        }
        return bytes;
      }
    };
  }

  /** A table compared as a whole (its content checksum) and, when it differs, reloaded whole in one transaction. */
  private TableSync reload(TablePlan table, Snapshot snapshot, Writes writes, AtomicBoolean failed, String why,
      long started, Decided decided) {
    decided.restart();
    List<String> columns = targetColumns(table);
    List<UnaryOperator<String>> canonical = canonicalForms(table);
    TableRead read = sourceRead(table);
    RowDigest compared = decided.digest();
    // Both sides at once, each on the one connection it used one after the other: the table's
    // snapshot reader and one target connection; nothing is written before both ended.
    AtomicBoolean stop = new AtomicBoolean();
    ContentChecksum before = bothSides(() -> targetChecksum(table, columns, canonical, failed, stop),
        () -> snapshot.stream(read, row -> {
          stopIfAsked(failed);
          stopIfAsked(stop);
          decided.values(compared, row, true);
        }), stop);
    ContentChecksum sourceChecksum = compared.checksum();
    if (sourceChecksum.rows() == before.rows() && sourceChecksum.hex().equals(before.hex())) {
      decided.keep();
      return new TableSync(table.targetTable(), sourceChecksum.rows(), sourceChecksum.hex(), before.rows(),
          before.rows(), 0, 0, 0, decided.quarantined, decided.changed, decided.decisions(), why, 1,
          Duration.ofNanos(System.nanoTime() - started), true, why + ": compared whole, equal (" + before.rows()
              + " rows, checksum " + before.hex() + ")" + decided.describe() + "; nothing written");
    }
    try (TableChanges open = changes.begin(new TableChange(table.targetTable(), columns, List.of(),
        writes.plan.foreignKeyStrategy(), true))) {
      RowDigest copied = decided.digest();
      snapshot.stream(read, row -> {
        stopIfAsked(failed);
        String[] values = decided.values(copied, row, false);
        if (values != null) {
          open.put(values);
        }
      });
      writes.beforeCommit();
      Applied applied = open.commit();
      writes.committed(table.targetTable());
      decided.keep();
      ContentChecksum after = new ContentChecksum();
      String[] values = new String[columns.size()];
      List<String> view = Arrays.asList(values);
      open.readBack(row -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = canonical.get(i).apply(row[i]);
        }
        after.add(view);
      });
      ContentChecksum copiedChecksum = copied.checksum();
      boolean same = after.rows() == copiedChecksum.rows() && after.hex().equals(copiedChecksum.hex());
      return new TableSync(table.targetTable(), copiedChecksum.rows(), copiedChecksum.hex(), before.rows(), 0,
          applied.inserted(), 0, applied.deleted(), decided.quarantined, decided.changed, decided.decisions(), why, 1,
          Duration.ofNanos(System.nanoTime() - started), same, why + ": reloaded whole (" + applied.deleted()
              + " rows deleted, " + applied.inserted() + " inserted)" + decided.describe() + "; read back "
              + after.rows() + " rows, checksum " + after.hex()
              + (same ? ", equal to the source's" : ", where the source's " + copiedChecksum.rows() + " have "
                  + copiedChecksum.hex()));
    }
  }

  /** Whether the plan can change or set aside a value: row decisions, or a column policy other than strict. */
  private static boolean audited(MigrationPlan plan) {
    return !plan.decisions().isEmpty() || plan.tables().stream().flatMap(table -> table.columns().stream())
        .anyMatch(column -> !column.policies().equals(ValuePolicies.STRICT));
  }

  /**
   * Per table with decided differences, as verify reports them: the rows set aside (not in the
   * target) and the values changed as decided, counted per decision — passing when the records the
   * work directory now holds for the table list exactly those (read back from changes.csv).
   */
  private List<Check> decidedDifferences(List<TablePlan> tables, List<TableSync> results) {
    if (results.stream().noneMatch(table -> table != null && (table.quarantined() > 0 || table.changed() > 0))) {
      return List.of();
    }
    RecordChangesPort.Summary recorded = records.summary();
    List<Check> checks = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      TableSync result = results.get(i);
      TablePlan table = tables.get(i);
      if (result == null || result.quarantined() + result.changed() == 0) {
        continue;
      }
      Map<String, Long> listed = recorded.of(table.sourceTable());
      boolean exact = listed.equals(result.decided());
      List<String> perDecision = new ArrayList<>();
      result.decided().forEach((decision, count) -> perDecision.add(decision + ": " + count));
      checks.add(new Check("decided differences", table.targetTable(), exact, result.quarantined()
          + " row(s) quarantined, not loaded; " + result.changed() + " value(s) changed as decided (defaults, maps,"
          + " column policies) [" + String.join("; ", perDecision) + "]; " + (exact ? "each listed in " : "but ")
          + recorded.changesFile() + (exact ? "" : " lists " + listed) + (result.quarantined() == 0 ? ""
              : ", the rows set aside with every value in " + recorded.quarantineDirectory() + table.sourceTable()
                  + ".csv") + " (source = target + quarantined)"));
    }
    return checks;
  }

  /**
   * One table's decisions as sync applies them: each source row's verdict (the plan's scan and
   * {@link QuarantinedParents}, as export), the table's records staged for the rewrite, and their counts.
   */
  private static final class Decided {
    private final MigrationPlan plan;
    private final TablePlan table;
    private final QuarantinedParents.Table rows;
    private final RecordChangesPort.Rewrite rewrite;
    private final ValueLookup lookup;
    private final List<String> sourceNames;
    private final Map<String, Long> perDecision = new TreeMap<>();
    private RecordChangesPort.Changes staged;
    private TableFingerprint.Tally tally;
    long quarantined;
    long changed;

    Decided(MigrationPlan plan, TablePlan table, QuarantinedParents.Table rows, RecordChangesPort.Rewrite rewrite,
        ValueLookup lookup) {
      this.plan = plan;
      this.table = table;
      this.rows = rows;
      this.rewrite = rewrite;
      this.lookup = lookup;
      this.sourceNames = table.columns().stream().map(column -> column.source().name()).toList();
    }

    /** A new digest for one read of the table: export's own (codecs, NOT NULL, the target's keys, the decisions). */
    RowDigest digest() {
      return RowDigest.forExport(plan, table, lookup);
    }

    /** Starts the table's records over (a table compared again whole after a key-hash collision). */
    void restart() {
      staged = rewrite == null ? null : rewrite.table(table.sourceTable());
      tally = new TableFingerprint.Tally(table.columns().stream().map(ColumnPlan::source).toList());
      quarantined = 0;
      changed = 0;
      perDecision.clear();
    }

    void followInTable(Snapshot snapshot, TableRead read, AtomicBoolean failed) {
      if (rows.selfReferencing()) {
        rows.followInTable(this::digest, consumer -> snapshot.stream(read, row -> {
          stopIfAsked(failed);
          consumer.accept(row);
        }));
      }
    }

    /**
     * The row's CSV values as export writes them (the array is reused), or null when the decisions set
     * it aside; with {@code record}, what was set aside or changed goes into the table's records.
     */
    String[] values(RowDigest digest, Object[] row, boolean record) {
      if (record) {
        tally.see(row);
      }
      ValueChange aside = rows.setAside(digest, row);
      if (aside != null) {
        if (record) {
          staged.quarantine(table.sourceTable(), sourceNames, Arrays.stream(row).map(ValueDisplay::full).toList(), aside);
          quarantined++;
          perDecision.merge(aside.decision(), 1L, Long::sum);
        }
        return null;
      }
      if (record) {
        for (ValueChange change : digest.changes()) {
          staged.change(change);
          changed++;
          perDecision.merge(change.decision(), 1L, Long::sum);
        }
      }
      return digest.accept();
    }

    /** The table is committed or found equal: its records replace the earlier ones. */
    void keep() {
      if (rewrite != null) {
        rewrite.keep(table.sourceTable());
      }
    }

    Map<String, Long> decisions() {
      return Map.copyOf(perDecision);
    }

    /** The source table's row count and latest updated date, over the rows read with {@code record}. */
    TableFingerprint fingerprint(Instant readAt) {
      return tally.fingerprint(readAt);
    }

    /** What the decisions did to the table, for the detail; empty when nothing. */
    String describe() {
      return quarantined + changed == 0 ? "" : "; as decided, " + quarantined + " row(s) set aside and " + changed
          + " value(s) changed";
    }
  }

  private ContentChecksum targetChecksum(TablePlan table, List<String> columns, List<UnaryOperator<String>> canonical,
      AtomicBoolean failed, AtomicBoolean stop) {
    ContentChecksum checksum = new ContentChecksum();
    String[] row = new String[columns.size()];
    List<String> view = Arrays.asList(row);
    targetRows.streamRows(table.targetTable(), columns, values -> {
      stopIfAsked(failed);
      stopIfAsked(stop);
      for (int i = 0; i < row.length; i++) {
        row[i] = canonical.get(i).apply(values[i]);
      }
      checksum.add(view);
    });
    return checksum;
  }

  /**
   * {@code target} on a thread of its own while {@code source} runs on this one: a table's two sides
   * read at the same time. A side that fails sets {@code stop}, which the other's rows check, and
   * the failure that caused it is thrown once both sides ended (no read outlives the table).
   */
  private static <T> T bothSides(Supplier<T> target, Runnable source, AtomicBoolean stop) {
    CompletableFuture<T> targetSide = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        targetSide.complete(target.get());
      } catch (Throwable e) {
        stop.set(true);
        targetSide.completeExceptionally(e);
      }
    }, Thread.currentThread().getName() + "-target");
    reader.setDaemon(true);
    reader.start();
    RuntimeException sourceFailure = null;
    try {
      source.run();
    } catch (RuntimeException e) {
      sourceFailure = e;
      stop.set(true);
    }
    boolean interrupted = false;
    while (true) {
      try {
        reader.join();
        break;
      } catch (InterruptedException e) {
        // Stopped by the operator: the target side stops at its next row; wait for it all the same.
        interrupted = true;
        stop.set(true);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable targetFailure = targetSide.isCompletedExceptionally()
        ? targetSide.handle((result, failure) -> failure).join() : null;
    if (sourceFailure != null && (targetFailure == null || !(sourceFailure instanceof ParallelTables.Stopped))) {
      throw sourceFailure;
    }
    if (targetFailure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (targetFailure instanceof Error error) {
      throw error;
    }
    if (targetFailure != null) {
      throw new IllegalStateException(targetFailure);
    }
    return targetSide.join();
  }

  /** Another table failed, or the operator stopped the run: this table stops, its open transaction rolls back. */
  private static void stopIfAsked(AtomicBoolean failed) {
    if (failed.get() || Thread.currentThread().isInterrupted()) {
      throw new ParallelTables.Stopped();
    }
  }

  private static TableRead sourceRead(TablePlan table) {
    return new TableRead(table.sourceTable(), table.columns().stream().map(ColumnPlan::source).toList(),
        new RowDigest(table).sourceKey());
  }

  private static List<String> targetColumns(TablePlan table) {
    return table.columns().stream().map(column -> column.target().name()).toList();
  }

  /** Each column's canonical form of PostgreSQL's text, the one its target type owns (verify reads the target so too). */
  private static List<UnaryOperator<String>> canonicalForms(TablePlan table) {
    return table.columns().stream().map(column -> {
      TargetType type = TargetType.of(column.target());
      return (UnaryOperator<String>) type::canonical;
    }).toList();
  }

  private static String markdown(SyncTablesReport report) {
    StringBuilder text = new StringBuilder("# Sync report\n\n")
        .append("- result: **").append(report.passed() ? "PASS" : "FAIL (" + report.failures() + " failure(s))")
        .append("**\n")
        .append(String.format(Locale.ROOT, "- time: %.1f s%n", report.elapsed().toMillis() / 1000.0))
        .append(String.format(Locale.ROOT, "- rows written: %d inserted, %d updated, %d deleted%n",
            report.tables().stream().mapToLong(TableSync::inserted).sum(),
            report.tables().stream().mapToLong(TableSync::updated).sum(),
            report.tables().stream().mapToLong(TableSync::deleted).sum()))
        .append(String.format(Locale.ROOT, "- as decided: %d row(s) quarantined, %d value(s) changed"
            + " (changes.csv and quarantine/ list them as of this sync)%n%n",
            report.tables().stream().mapToLong(TableSync::quarantined).sum(),
            report.tables().stream().mapToLong(TableSync::changed).sum()))
        .append("| table | source rows | target rows before | equal | inserted | updated | deleted | quarantined |"
            + " changed | s | proof | detail |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
    for (TableSync table : report.tables()) {
      text.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %.1f | %s | %s |%n",
          cell(table.table()), table.sourceRows(), table.targetRowsBefore(), table.equalRows(), table.inserted(),
          table.updated(), table.deleted(), table.quarantined(), table.changed(), table.elapsed().toMillis() / 1000.0,
          table.proven() ? "PASS" : "**FAIL**", cell(table.detail())));
    }
    text.append("\n## Target checks\n\n| check | table | result | detail |\n|---|---|---|---|\n");
    for (Check check : report.checks()) {
      text.append("| ").append(cell(check.name())).append(" | ").append(cell(check.table())).append(" | ")
          .append(check.passed() ? "PASS" : "**FAIL**").append(" | ").append(cell(check.detail())).append(" |\n");
    }
    return text.toString();
  }

  private static String cell(String value) {
    return value.replace("|", "\\|").replaceAll("\\R", " ");
  }
}

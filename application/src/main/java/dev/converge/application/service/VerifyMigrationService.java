package dev.converge.application.service;

import dev.converge.application.port.in.VerifyMigrationCommand;
import dev.converge.application.port.in.VerifyMigrationReport;
import dev.converge.application.port.in.VerifyMigrationReport.Check;
import dev.converge.application.port.in.VerifyMigrationReport.TableVerdict;
import dev.converge.application.port.in.VerifyMigrationUseCase;
import dev.converge.application.port.out.CheckTargetIntegrityPort;
import dev.converge.application.port.out.ReadChecklistPort;
import dev.converge.application.port.out.ReadSourcePositionPort;
import dev.converge.application.port.out.ReadTableFilesPort;
import dev.converge.application.port.out.LookupSourceValuesPort;
import dev.converge.application.port.out.RecordChangesPort;
import dev.converge.application.port.out.RecordImportPort;
import dev.converge.application.port.out.ReadTargetRowsPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.application.port.out.RunChecklistQueryPort;
import dev.converge.application.port.out.RunSourceQueryPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.application.port.out.StreamSourceRowsPort.Snapshot;
import dev.converge.application.port.out.StreamSourceRowsPort.TableRead;
import dev.converge.application.port.out.WriteReportPort;
import dev.converge.domain.failure.CheckQueryFailedException;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.RowRejectedException;
import dev.converge.domain.conversion.type.TargetType;
import dev.converge.domain.manifest.ContentChecksum;
import dev.converge.domain.manifest.ExportedRowHashes;
import dev.converge.domain.manifest.KeyHashSet;
import dev.converge.domain.manifest.KeyedDifferences;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.manifest.StreamedRowHashes;
import dev.converge.domain.plan.RowDigest;
import dev.converge.domain.manifest.TableManifest;
import dev.converge.domain.plan.ColumnPlan;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.RowDecisions;
import dev.converge.domain.plan.ValueLookup;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.schema.ForeignKey;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import dev.converge.domain.verification.CheckOrigin;
import dev.converge.domain.verification.CheckResult;
import dev.converge.domain.verification.Checklist;
import dev.converge.domain.verification.ChecklistCheck;
import dev.converge.domain.verification.Expectation;
import dev.converge.domain.verification.OffendingRows;
import dev.converge.domain.verification.RowDivergence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Verifies a migration three ways: per table, the source now (streamed from one snapshot and
 * digested exactly as export digests it), the manifest and the target (recomputed from PostgreSQL's
 * own output) must agree in rows and content checksum; on a mismatch the differing rows are named by
 * primary key with the source's, the export's and the target's values and the side that is odd.
 * Then every target foreign key of a loaded table has no orphans, every serial/identity sequence is
 * past its column, and every check of the operator's checklists passes. Writes the report (Markdown
 * and JSON) into the work directory.
 */
public final class VerifyMigrationService implements VerifyMigrationUseCase {

  private final StorePlanPort plans;
  private final StoreManifestPort manifests;
  private final StreamSourceRowsPort source;
  private final ReadTargetRowsPort targetRows;
  private final ReadTargetSchemaPort targetSchema;
  private final CheckTargetIntegrityPort integrity;
  private final WriteReportPort reports;
  private final ReadTableFilesPort files;
  private final ReadChecklistPort checklists;
  private final RunChecklistQueryPort queries;
  private final RunSourceQueryPort sourceQueries;
  private final StaleExports staleExports;
  private final TargetIntegrityChecks integrityChecks;
  private final RecordChangesPort changes;
  private final LookupSourceValuesPort lookups;
  private final RecordImportPort imports;

  public VerifyMigrationService(StorePlanPort plans, StoreManifestPort manifests, StreamSourceRowsPort source,
      ReadTargetRowsPort targetRows, ReadTargetSchemaPort targetSchema, CheckTargetIntegrityPort integrity,
      WriteReportPort reports, ReadTableFilesPort files, ReadChecklistPort checklists, RunChecklistQueryPort queries,
      RunSourceQueryPort sourceQueries, ReadSourcePositionPort sourcePosition, RecordChangesPort changes,
      LookupSourceValuesPort lookups, RecordImportPort imports) {
    this.imports = Objects.requireNonNull(imports, "imports");
    this.changes = Objects.requireNonNull(changes, "changes");
    this.lookups = Objects.requireNonNull(lookups, "lookups");
    this.plans = Objects.requireNonNull(plans, "plans");
    this.manifests = Objects.requireNonNull(manifests, "manifests");
    this.source = Objects.requireNonNull(source, "source");
    this.targetRows = Objects.requireNonNull(targetRows, "targetRows");
    this.targetSchema = Objects.requireNonNull(targetSchema, "targetSchema");
    this.integrity = Objects.requireNonNull(integrity, "integrity");
    this.reports = Objects.requireNonNull(reports, "reports");
    this.files = Objects.requireNonNull(files, "files");
    this.checklists = Objects.requireNonNull(checklists, "checklists");
    this.queries = Objects.requireNonNull(queries, "queries");
    this.sourceQueries = Objects.requireNonNull(sourceQueries, "sourceQueries");
    this.staleExports = new StaleExports(sourcePosition);
    this.integrityChecks = new TargetIntegrityChecks(targetSchema, integrity);
  }

  @Override
  public VerifyMigrationReport verify(VerifyMigrationCommand command) {
    MigrationPlan plan = plans.load().orElseThrow(() -> new ConvergeException(ErrorCode.CONFIGURATION,
        "there is no plan in the work directory; nothing to verify"));
    Manifest exportManifest = manifests.latest().filter(stored -> stored.manifest().complete())
        .orElseThrow(() -> new ConvergeException(ErrorCode.CONFIGURATION, "there is no finished export to verify against"))
        .manifest();
    // A table synced since the load equals the source as that sync read it, no longer the export's files.
    Map<String, TableManifest> synced = imports.synced(exportManifest.migrationId());
    Manifest manifest = synced.isEmpty() ? exportManifest : new Manifest(exportManifest.migrationId(),
        exportManifest.source(), exportManifest.target(), exportManifest.sourceFingerprint(),
        exportManifest.targetFingerprint(), exportManifest.exportStarted(), exportManifest.exportFinished(),
        exportManifest.complete(), exportManifest.tables().stream()
            .map(table -> synced.getOrDefault(table.sourceTable(), table)).toList());
    // Read before the long checks run: a broken checklist is a configuration error, found at once.
    List<Checklist> lists = command.checklists().stream().map(checklists::read).toList();
    requireKnownAliases(lists, command.databases());
    List<Check> checks = new ArrayList<>();
    List<TablePlan> exportedTables = plan.tables().stream()
        .filter(table -> manifest.table(table.sourceTable()).isPresent()).toList();
    Sides sides = readSides(exportedTables, manifest, command, plan.decisions(), synced.keySet());
    List<TableVerdict> verdicts = new ArrayList<>();
    RecordChangesPort.Summary decided = manifest.tables().stream()
        .anyMatch(t -> t.quarantined() > 0 || t.changed() > 0 || t.merged() > 0) ? changes.summary() : null;
    for (TablePlan table : plan.tables()) {
      TableManifest exported = manifest.table(table.sourceTable()).orElse(null);
      if (exported == null) {
        checks.add(new Check("row count", table.targetTable(), false, "the manifest has no entry for this table"));
        continue;
      }
      TableVerdict verdict = judge(table, exported, sides.source.get(table.sourceTable()),
          sides.target.get(table.sourceTable()), command.examples(), decided,
          synced.containsKey(table.sourceTable()) ? exported.snapshot() : null, sides.synced.get(table.sourceTable()));
      verdicts.add(verdict);
      checks.addAll(contentChecks(verdict, keyNames(table), command.examples()));
      expectedDifferences(exported, sides.source.get(table.sourceTable()), decided).ifPresent(checks::add);
      keptRows(table, exported, sides.target.get(table.sourceTable())).ifPresent(checks::add);
    }
    checks.addAll(integrityChecks.run(plan, command.examples(), command.parallelism().tables()));
    List<ChecklistRun> runs = new ArrayList<>();
    for (Checklist list : lists) {
      for (ChecklistCheck check : list.checks()) {
        CheckResult result = run(list, check, command);
        runs.add(new ChecklistRun(check, result));
        checks.add(new Check(check.name(), "checklist " + list.name(), !result.failsVerify(), result.detail()));
      }
    }
    List<CheckResult> results = runs.stream().map(ChecklistRun::result).toList();
    String stale = staleExports.moved(manifest).orElse(null);
    String markdown = markdown(manifest, checks, verdicts, runs);
    if (stale != null) {
      // Under the title, above the verdict: the export no longer says what the source holds.
      int underTitle = markdown.indexOf("\n\n") + 2;
      markdown = markdown.substring(0, underTitle) + "> **Stale export:** " + stale + (synced.isEmpty()
          ? " — rows the source changed since are named below as changed in the source."
          : " — the source also moved since the tables synced were read; run converge sync again.") + "\n\n"
          + markdown.substring(underTitle);
    }
    if (!synced.isEmpty()) {
      int underTitle = markdown.indexOf("\n\n") + 2;
      markdown = markdown.substring(0, underTitle) + "> **Synced:** " + synced.size() + " of "
          + exportedTables.size() + " table(s) were synced after the export (converge sync): each is compared with the"
          + " source as its sync read it (the *sync* columns below), not with the export's files, which hold the"
          + " pre-copy.\n\n" + markdown.substring(underTitle);
    }
    String savedAs = reports.write("verification_report", markdown,
        new VerifyMigrationReport(manifest.migrationId(), checks, verdicts, results, null, stale));
    return new VerifyMigrationReport(manifest.migrationId(), checks, verdicts, results, savedAs, stale);
  }

  /**
   * The operator's decisions, expected: rows set aside are neither in the export nor in the target
   * (source = target + quarantined); values a default, a map or a column policy replaced are the
   * export's on both sides (the source is read again through the same digest); rows left to the
   * target's own row under the same primary key (merge-by-primary-key) are neither in the export nor
   * compared (the target's row is among the kept ones); all counted here per decision, every one
   * listed in changes.csv. Anything else still fails its own check.
   */
  private static java.util.Optional<Check> expectedDifferences(TableManifest exported, SourceSide source,
      RecordChangesPort.Summary decided) {
    if (exported.quarantined() == 0 && exported.changed() == 0 && exported.merged() == 0) {
      return java.util.Optional.empty();
    }
    String now = source == null || source.quarantinedNow() == exported.quarantined() ? ""
        : " (the source holds " + source.quarantinedNow() + " of them now)";
    String merged = source == null || source.mergedNow() == exported.merged() ? ""
        : " (the source holds " + source.mergedNow() + " of them now)";
    List<String> perDecision = new ArrayList<>();
    decided.of(exported.sourceTable()).forEach((decision, count) -> perDecision.add(decision + ": " + count));
    return java.util.Optional.of(new Check("decided differences", exported.targetTable(), true, exported.quarantined()
        + " row(s) quarantined, not loaded" + now + "; " + exported.changed()
        + " value(s) changed as decided (defaults, maps, column policies)"
        + (exported.merged() == 0 ? "" : "; " + exported.merged() + " row(s) merged: the target keeps its own row"
            + " under the same primary key with other values (--existing-rows merge-by-primary-key)" + merged)
        + (perDecision.isEmpty() ? "" : " [" + String.join("; ", perDecision) + "]")
        + "; each listed in " + decided.changesFile() + (exported.quarantined() == 0 ? ""
            : ", the rows set aside with every value in " + decided.quarantineDirectory() + exported.sourceTable() + ".csv")
        + (exported.merged() == 0 ? " (source = target + quarantined)" : " (source = exported + quarantined + merged)")));
  }

  /** The decisions on a table as fields: the manifest's counts and changes.csv's lines per decision. */
  private static VerifyMigrationReport.Decided decisions(TableManifest exported, RecordChangesPort.Summary decided) {
    if (exported.quarantined() == 0 && exported.changed() == 0 && exported.merged() == 0) {
      return VerifyMigrationReport.Decided.NONE;
    }
    return new VerifyMigrationReport.Decided(exported.quarantined(), exported.changed(), exported.merged(),
        decided == null ? Map.of() : decided.of(exported.sourceTable()));
  }

  /**
   * The rows the target kept besides the export's ({@code --existing-rows keep} or
   * {@code merge-by-primary-key}: its own rows under other keys, e.g. the row a source row colliding
   * with it was set aside for): expected up to the number the plan found there, more fail.
   */
  private static java.util.Optional<Check> keptRows(TablePlan table, TableManifest exported, TargetSide target) {
    if (target == null || target.kept() == 0) {
      return java.util.Optional.empty();
    }
    boolean expected = target.kept() <= table.existingRows();
    return java.util.Optional.of(new Check("kept target rows", table.targetTable(), expected, target.kept()
        + " row(s) the target held before the load and kept (--existing-rows " + table.targetTable() + "="
        + table.existingRowsHandling().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
        + "), not in the export" + (exported.merged() == 0 ? "" : ", " + exported.merged()
            + " of them under a source row's primary key (merged, in changes.csv)")
        + "; the plan found " + table.existingRows() + " there"
        + (expected ? "" : ": more than that, so rows were added in the target")));
  }

  /** What one pass over each side found, by source table. */
  private record Sides(Map<String, SourceSide> source, Map<String, TargetSide> target,
      Map<String, SyncedRows> synced) {}

  /**
   * A synced table's rows that differ between the source and the target, named by key against the
   * side that still equals what the sync read.
   *
   * @param changes the source's changes since the sync (when the source is the side that moved), else null
   */
  private record SyncedRows(List<RowDivergence> rows, VerifyMigrationReport.SourceChanges changes) {}

  /**
   * The source's table as the one pass over it found it, compared key by key with the export.
   *
   * @param exported the export's rows by key, with what the source held at each; {@code null} when the
   *     source equals the export (dropped to free its memory), or it could not be built
   * @param kept the source's rows of the first changed or inserted keys, canonical, in stream order
   * @param inserted keys the source holds that the export has not; {@code null} when there is none
   * @param failure why the source could not be read to the end (a value the plan cannot convert), else null
   * @param note why the rows cannot be compared by key, else null
   * @param streamed a synced table's rows as key and row hashes, in stream order, kept until the target
   *     was read (to name the rows that differ since the sync); else null
   */
  private record SourceSide(long rows, String checksum, long millis, ExportedRowHashes exported,
      Map<List<String>, List<String>> kept, KeyHashSet inserted, long changed, long insertedRows, String failure,
      String note, long quarantinedNow, long mergedNow, StreamedRowHashes streamed) {

    SourceSide(long rows, String checksum, long millis, ExportedRowHashes exported,
        Map<List<String>, List<String>> kept, KeyHashSet inserted, long changed, long insertedRows, String failure,
        String note, long quarantinedNow, long mergedNow) {
      this(rows, checksum, millis, exported, kept, inserted, changed, insertedRows, failure, note, quarantinedNow,
          mergedNow, null);
    }

    /** The same side without its kept hashes, once they served (their memory is let go). */
    SourceSide withoutHashes() {
      return new SourceSide(rows, checksum, millis, exported, kept, inserted, changed, insertedRows, failure, note,
          quarantinedNow, mergedNow, null);
    }
  }

  /**
   * The target's table as one pass over it found it.
   *
   * @param kept the rows the target kept under {@code --existing-rows keep}/{@code merge-by-primary-key}
   *     that the export does not hold (not in {@code rows} or the checksum)
   */
  private record TargetSide(long rows, String checksum, long millis, long kept) {}

  /**
   * Streams every table from the source (one snapshot, as export does) and from the target at the same
   * time: each side on its own threads, {@code --parallel} tables at once, each table read once.
   */
  private Sides readSides(List<TablePlan> tables, Manifest manifest, VerifyMigrationCommand command,
      RowDecisions decisions, Set<String> synced) {
    Map<String, SourceSide> sourceSides = new ConcurrentHashMap<>();
    Map<String, TargetSide> targetSides = new ConcurrentHashMap<>();
    Map<String, SyncedRows> syncedRows = new HashMap<>();
    if (tables.isEmpty()) {
      return new Sides(sourceSides, targetSides, syncedRows);
    }
    // What the synced tables' kept hashes may take together until their targets were read.
    AtomicLong retainable = new AtomicLong(command.memoryBudget() / 16);
    AtomicBoolean failed = new AtomicBoolean();
    try (Snapshot snapshot = source.openSnapshot(Math.min(command.parallelism().tables(), tables.size()));
        SourceLookups.Opened lookup = SourceLookups.open(lookups, decisions)) {
      AtomicReference<RuntimeException> sourceFailure = new AtomicReference<>();
      Thread sourceRun = new Thread(() -> {
        try {
          ParallelTables.run("converge-verify-source", snapshot.readers(), tables, failed, table -> sourceSides.put(
              table.sourceTable(), readSource(table, manifest.table(table.sourceTable()).orElseThrow(), snapshot,
                  command, failed, decisions, lookup.lookup(), synced.contains(table.sourceTable()), retainable)),
              ErrorCode.VERIFICATION);
        } catch (RuntimeException e) {
          sourceFailure.set(e);
        }
      }, "converge-verify-source-side");
      sourceRun.setDaemon(true);
      sourceRun.start();
      RuntimeException targetFailure = null;
      try {
        ParallelTables.run("converge-verify-target", command.parallelism().tables(), tables, failed,
            table -> targetSides.put(table.sourceTable(), readTarget(table,
                manifest.table(table.sourceTable()).orElseThrow(), failed)), ErrorCode.VERIFICATION);
      } catch (RuntimeException e) {
        targetFailure = e;
      }
      // The snapshot closes only after the source side stopped: its readers are still streaming otherwise.
      awaitSourceSide(sourceRun, failed);
      RuntimeException first = firstReal(targetFailure, sourceFailure.get());
      if (first != null) {
        throw first;
      }
      // Still in the snapshot: a synced table whose source or target moved since the sync, named by key.
      for (TablePlan table : tables) {
        SourceSide sourceSide = sourceSides.get(table.sourceTable());
        if (sourceSide.streamed() == null) {
          continue;
        }
        TableManifest reference = manifest.table(table.sourceTable()).orElseThrow();
        boolean sourceSame = sourceSide.rows() == reference.rows()
            && sourceSide.checksum().equals(reference.contentChecksum());
        TargetSide targetSide = targetSides.get(table.sourceTable());
        boolean targetSame = targetSide.rows() == reference.rows()
            && targetSide.checksum().equals(reference.contentChecksum());
        if (sourceSame != targetSame) {
          narrowSynced(table, reference, sourceSide.streamed(), sourceSame, snapshot, failed, decisions,
              lookup.lookup(), command.examples()).ifPresent(rows -> syncedRows.put(table.sourceTable(), rows));
        }
        sourceSides.put(table.sourceTable(), sourceSide.withoutHashes());
      }
    }
    return new Sides(sourceSides, targetSides, syncedRows);
  }

  private static void awaitSourceSide(Thread sourceRun, AtomicBoolean failed) {
    boolean interrupted = false;
    while (sourceRun.isAlive()) {
      try {
        sourceRun.join();
      } catch (InterruptedException e) {
        interrupted = true;
        failed.set(true);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
      throw new ConvergeException(ErrorCode.VERIFICATION, "interrupted; run verify again");
    }
  }

  /** The failure to report: a real one rather than a side that only stopped because the other failed. */
  private static RuntimeException firstReal(RuntimeException one, RuntimeException other) {
    if (one == null || (one instanceof ParallelTables.Stopped && other != null)) {
      return other;
    }
    return one;
  }

  /**
   * The source's table read through the export's own digest, once: its rows and content checksum,
   * and each row's key hash and row hash in stream order (within the table's share of the memory
   * budget, 16 bytes a row). Only when the checksum differs from the export's, and the table has a
   * primary key and its files, are the export's rows read back from its files and compared with those
   * hashes by key, so the rows the source changed, inserted or deleted since the export are counted
   * without reading the source again; the source's values of the first ones are then read back from
   * the few key ranges that hold them (a chunk of {@value StreamedRowHashes#CHUNK_ROWS} rows each). A
   * table larger than its share is read a second time instead, when it changed. A source that still
   * equals its export (the usual case) costs one read, and the export's files are not read at all.
   */
  private SourceSide readSource(TablePlan table, TableManifest exported, Snapshot snapshot,
      VerifyMigrationCommand command, AtomicBoolean failed, RowDecisions decisions, ValueLookup lookup,
      boolean synced, AtomicLong retainable) {
    long started = System.nanoTime();
    int examples = command.examples();
    int[] key = RowDigest.keyColumns(table);
    String note = key.length == 0 ? "the table has no primary key to name the differing rows by"
        : synced ? null
        : !filesPresent(exported) ? "the export's files are no longer in the work directory to name the differing rows by"
        : null;
    Skipped skipped = skipped(table, exported);
    StreamedRowHashes streamed = note == null
        ? new StreamedRowHashes(exported.rows(), command.memoryBudget() / 16 / Math.max(1, snapshot.readers()))
        : null;
    TableRead read = sourceRead(table, key);
    SourcePass whole = sourcePass(read, table, failed, decisions, lookup, skipped, snapshot,
        streamed == null ? (digest, row) -> { } : (digest, row) -> streamed.add(KeyHashSet.hashOf(digest.canonicalKey()),
            digest.lastRowHash(), row[key[0]]));
    ContentChecksum checksum = whole.digest.checksum();
    if (synced) {
      // Compared with the target once it was read; kept only while the budget has room for it.
      boolean fits = streamed != null && streamed.complete();
      boolean kept = whole.failure == null && fits && take(retainable, streamed.size());
      if (kept) {
        streamed.trim();
      }
      String why = note != null || whole.failure != null || kept ? note
          : syncedNote(exported, "the table is too large for " + (fits ? "what --memory-budget has left" : "its share of"
              + " --memory-budget") + " to be compared by key");
      return new SourceSide(checksum.rows(), checksum.hex(), millis(started), null, Map.of(), null, 0, 0,
          whole.failure, why, whole.quarantinedNow, whole.mergedNow, kept ? streamed : null);
    }
    boolean same = whole.failure == null && checksum.rows() == exported.rows()
        && checksum.hex().equals(exported.contentChecksum());
    if (same || whole.failure != null || note != null) {
      // Nothing to name by key (a source read only part-way is judged by its rejected value alone).
      return new SourceSide(checksum.rows(), checksum.hex(), millis(started), null, Map.of(), null, 0, 0, whole.failure,
          note, whole.quarantinedNow, whole.mergedNow);
    }
    // The source moved since the export: its rows by key against the export's.
    ExportedRowHashes hashes = exportedRowHashes(exported, key, canonicalForms(table));
    SourceChanges found = streamed.complete()
        ? changesStreamed(read, table, snapshot, failed, decisions, lookup, skipped, hashes, streamed, key, examples)
        : changesReadAgain(read, table, snapshot, failed, decisions, lookup, skipped, hashes, examples);
    if (found.failure != null) {
      return new SourceSide(checksum.rows(), checksum.hex(), millis(started), null, Map.of(), null, 0, 0, found.failure,
          note, whole.quarantinedNow, whole.mergedNow);
    }
    return new SourceSide(checksum.rows(), checksum.hex(), millis(started), hashes, found.kept, found.inserted,
        found.changed, found.insertedRows, null, note, whole.quarantinedNow, whole.mergedNow);
  }

  /** Takes {@code rows} from what the synced tables may keep, only if that much is left. */
  private static boolean take(AtomicLong left, long rows) {
    long now;
    do {
      now = left.get();
      if (now < rows) {
        return false;
      }
    } while (!left.compareAndSet(now, now - rows));
    return true;
  }

  private static long millis(long started) {
    return Duration.ofNanos(System.nanoTime() - started).toMillis();
  }

  /**
   * The source rows every read of a table skips: those export set aside (they are expected to be
   * missing), and those it left to the target's own row under their primary key; neither is in the
   * export (nor in what a sync read).
   */
  private record Skipped(Set<String> quarantined, Set<String> merged) {}

  private Skipped skipped(TablePlan table, TableManifest exported) {
    return new Skipped(exported.quarantined() == 0 ? Set.of() : changes.quarantinedKeys(table.sourceTable()),
        exported.merged() == 0 ? Set.of() : changes.mergedKeys(table.sourceTable()));
  }

  /** The whole table as export reads it: its planned columns, in primary-key order. */
  private static TableRead sourceRead(TablePlan table, int[] key) {
    return new TableRead(table.sourceTable(), table.columns().stream().map(ColumnPlan::source).toList(),
        Arrays.stream(key).mapToObj(i -> table.columns().get(i).source().name()).toList());
  }

  /** One pass over a source table. */
  private static final class SourcePass {
    RowDigest digest;
    String failure;
    long quarantinedNow;
    long mergedNow;
  }

  /** The rows the source changed and inserted since the export: counted, the first ones kept (canonical). */
  private static final class SourceChanges {
    String failure;
    long changed;
    long insertedRows;
    KeyHashSet inserted;
    final Map<List<String>, List<String>> kept = new LinkedHashMap<>();

    /** Counts a source row by how the export holds its key; returns whether it differs from the export's. */
    boolean differs(ExportedRowHashes.SourceState state, long keyHash) {
      if (state == ExportedRowHashes.SourceState.SAME) {
        return false;
      }
      if (state == ExportedRowHashes.SourceState.CHANGED) {
        changed++;
      } else {
        inserted(keyHash);
      }
      return true;
    }

    private void inserted(long keyHash) {
      insertedRows++;
      if (inserted == null) {
        // Made at the first inserted key: an empty KeyHashSet already holds 1 MiB, and most tables have none.
        inserted = new KeyHashSet();
      }
      inserted.addHash(keyHash);
    }
  }

  /**
   * One read of {@code read} (the whole table or a key range of it) through a new digest (the export's
   * defaults and maps applied again), each converted row handed to {@code each} with the source's row.
   */
  private static SourcePass sourcePass(TableRead read, TablePlan table, AtomicBoolean failed, RowDecisions decisions,
      ValueLookup lookup, Skipped skipped, Snapshot snapshot, BiConsumer<RowDigest, Object[]> each) {
    Set<String> quarantined = skipped.quarantined();
    Set<String> merged = skipped.merged();
    SourcePass pass = new SourcePass();
    RowDigest digest = new RowDigest(table, decisions, lookup);
    pass.digest = digest;
    try {
      snapshot.stream(read, row -> {
        if (failed.get()) {
          throw new ParallelTables.Stopped();
        }
        if (!quarantined.isEmpty() && quarantined.contains(digest.rowKey(row))) {
          pass.quarantinedNow++;
          return;
        }
        if (!merged.isEmpty() && merged.contains(digest.rowKey(row))) {
          pass.mergedNow++;
          return;
        }
        digest.add(row);
        each.accept(digest, row);
      });
    } catch (RowRejectedException e) {
      pass.failure = "the source now holds a value the plan cannot convert: " + e.getMessage();
    }
    return pass;
  }

  /**
   * The source's changes found from the hashes its one read kept, in stream order, against the
   * export's; the first {@code examples} changed or inserted rows' values read back from the key ranges
   * that hold them (a key of several columns has no ranges: the table is read again for them).
   */
  private SourceChanges changesStreamed(TableRead read, TablePlan table, Snapshot snapshot, AtomicBoolean failed,
      RowDecisions decisions, ValueLookup lookup, Skipped skipped, ExportedRowHashes hashes,
      StreamedRowHashes streamed, int[] key, int examples) {
    SourceChanges found = new SourceChanges();
    List<Integer> shown = new ArrayList<>();
    Set<Long> wanted = new java.util.HashSet<>();
    for (int i = 0; i < streamed.size(); i++) {
      long keyHash = streamed.keyHash(i);
      if (!found.differs(hashes.seenInSource(keyHash, streamed.rowHash(i)), keyHash)) {
        continue;
      }
      if (shown.size() < examples) {
        shown.add(i);
        wanted.add(keyHash);
      }
    }
    readBack(read, table, snapshot, failed, decisions, lookup, skipped, streamed, shown, wanted, key, examples, found);
    return found;
  }

  /**
   * The source's values of the rows streamed {@code ordinals}th (ascending), whose key hashes are
   * {@code wanted}, into {@code found}'s kept rows: read back from the key ranges that hold them, in the
   * same snapshot; a key of several columns has no ranges, and a range the source bounded otherwise
   * than it ordered could miss a row: then the table is read once more for them.
   */
  private static void readBack(TableRead read, TablePlan table, Snapshot snapshot, AtomicBoolean failed,
      RowDecisions decisions, ValueLookup lookup, Skipped skipped, StreamedRowHashes streamed, List<Integer> ordinals,
      Set<Long> wanted, int[] key, int limit, SourceChanges found) {
    if (wanted.isEmpty()) {
      return;
    }
    BiConsumer<RowDigest, Object[]> keep = (digest, row) -> {
      List<String> rowKey = digest.canonicalKey();
      if (found.kept.size() < limit && wanted.contains(KeyHashSet.hashOf(rowKey))) {
        found.kept.put(rowKey, new ArrayList<>(digest.canonicalRow()));
      }
    };
    if (key.length == 1) {
      for (StreamedRowHashes.SourceKeyRange range : streamed.rangesHolding(
          ordinals.stream().mapToInt(Integer::intValue).toArray())) {
        SourcePass part = sourcePass(read.within(new StreamSourceRowsPort.KeyRange(range.from(), range.to())), table,
            failed, decisions, lookup, skipped, snapshot, keep);
        if (part.failure != null) {
          found.failure = part.failure;
          return;
        }
      }
    }
    if (found.kept.size() < Math.min(limit, wanted.size())) {
      found.kept.clear();
      found.failure = sourcePass(read, table, failed, decisions, lookup, skipped, snapshot, keep).failure;
    }
  }

  /** The source's changes found by reading its table a second time, each row by key against the export's. */
  private static SourceChanges changesReadAgain(TableRead read, TablePlan table, Snapshot snapshot,
      AtomicBoolean failed, RowDecisions decisions, ValueLookup lookup, Skipped skipped, ExportedRowHashes hashes,
      int examples) {
    SourceChanges found = new SourceChanges();
    found.failure = sourcePass(read, table, failed, decisions, lookup, skipped, snapshot, (digest, row) -> {
      List<String> rowKey = digest.canonicalKey();
      long keyHash = KeyHashSet.hashOf(rowKey);
      boolean differs = found.differs(hashes.seenInSource(keyHash, digest.lastRowHash()), keyHash);
      if (differs && found.kept.size() < examples) {
        found.kept.put(rowKey, new ArrayList<>(digest.canonicalRow()));
      }
    }).failure;
    return found;
  }

  /** Why a synced table's differing rows are not named. */
  private static String syncedNote(TableManifest synced, String why) {
    return "the table was " + synced.snapshot() + ", after the export, whose files hold the pre-copy; " + why
        + ": converge sync compares the source and the target by key and copies the rows that differ";
  }

  /**
   * A synced table whose source or target (one of them) no longer equals what the sync read, named by
   * key: the side that still equals it is the reference. The target is read again and each row
   * compared by key with the hashes the source's one read kept; the source's values of the rows to
   * show are read back from the key ranges that hold them, in the same snapshot. Empty when the source
   * can no longer be converted.
   */
  private java.util.Optional<SyncedRows> narrowSynced(TablePlan table, TableManifest synced,
      StreamedRowHashes streamed, boolean sourceSame, Snapshot snapshot, AtomicBoolean failed, RowDecisions decisions,
      ValueLookup lookup, int examples) {
    int[] key = RowDigest.keyColumns(table);
    List<UnaryOperator<String>> canonical = canonicalForms(table);
    // The source's rows by key; "seen in source" here means held by the target.
    ExportedRowHashes sourceRows = new ExportedRowHashes();
    for (int i = 0; i < streamed.size(); i++) {
      sourceRows.put(streamed.keyHash(i), streamed.rowHash(i));
    }
    Map<List<String>, List<String>> targetShown = new LinkedHashMap<>();
    Set<Long> wanted = new java.util.HashSet<>();
    long[] targetOdd = new long[2]; // [0] other content than the source's, [1] a key the source lacks
    ContentChecksum rowHasher = new ContentChecksum();
    targetRows.streamRows(table.targetTable(), targetColumns(table), values -> {
      if (failed.get()) {
        throw new ParallelTables.Stopped();
      }
      List<String> row = canonicalRow(canonical, values);
      List<String> rowKey = keyOf(row, key);
      long keyHash = KeyHashSet.hashOf(rowKey);
      ExportedRowHashes.SourceState state = sourceRows.seenInSource(keyHash, rowHasher.add(row));
      if (state == ExportedRowHashes.SourceState.SAME) {
        return;
      }
      boolean changed = state == ExportedRowHashes.SourceState.CHANGED;
      targetOdd[changed ? 0 : 1]++;
      if (targetShown.size() < examples) {
        targetShown.put(rowKey, row);
        if (changed) {
          wanted.add(keyHash);
        }
      }
    });
    // The source's rows to show: those the target holds otherwise, and the first the target lacks.
    List<Integer> ordinals = new ArrayList<>();
    int lacking = 0;
    for (int i = 0; i < streamed.size(); i++) {
      long keyHash = streamed.keyHash(i);
      if (wanted.contains(keyHash)) {
        ordinals.add(i);
      } else if (lacking < examples && sourceRows.sourceState(keyHash) == ExportedRowHashes.SourceState.NOT_SEEN) {
        ordinals.add(i);
        wanted.add(keyHash);
        lacking++;
      }
    }
    SourceChanges found = new SourceChanges();
    readBack(sourceRead(table, key), table, snapshot, failed, decisions, lookup, skipped(table, synced), streamed,
        ordinals, wanted, key, wanted.size(), found);
    if (found.failure != null) {
      return java.util.Optional.empty();
    }
    List<String> names = targetColumns(table);
    Set<List<String>> keys = new LinkedHashSet<>(targetShown.keySet());
    keys.addAll(found.kept.keySet());
    List<RowDivergence> rows = new ArrayList<>();
    for (List<String> rowKey : keys) {
      List<String> sourceRow = found.kept.get(rowKey);
      List<String> targetRow = targetShown.get(rowKey);
      // A source row to show that was not found again (it cannot happen in one snapshot) is shown as not kept.
      boolean sourceKept = sourceRow != null
          || sourceRows.sourceState(rowKey) == ExportedRowHashes.SourceState.NOT_EXPORTED;
      RowDivergence divergence = RowDivergence.of(rowKey, names, sourceRow, sourceKept,
          sourceSame ? sourceRow : targetRow, targetRow);
      if (divergence != null) {
        rows.add(divergence);
      }
    }
    VerifyMigrationReport.SourceChanges changes = sourceSame ? null
        : new VerifyMigrationReport.SourceChanges(targetOdd[0], sourceRows.notSeen(), targetOdd[1]);
    return java.util.Optional.of(new SyncedRows(rows, changes));
  }

  /**
   * The export's rows of the table by canonical key, each as the 64-bit hash of its canonical values
   * (what the source's digest computes for the same row), read back from its files.
   */
  private ExportedRowHashes exportedRowHashes(TableManifest exported, int[] key, List<UnaryOperator<String>> canonical) {
    ExportedRowHashes hashes = new ExportedRowHashes();
    ContentChecksum rowHasher = new ContentChecksum();
    for (TableManifest.DataFile file : exported.files()) {
      files.forEachRow(file.name(), read -> {
        List<String> row = canonicalRow(canonical, read.values());
        hashes.put(KeyHashSet.hashOf(keyOf(row, key)), rowHasher.add(row));
      });
    }
    return hashes;
  }

  private boolean filesPresent(TableManifest exported) {
    return !exported.files().isEmpty() && exported.files().stream().allMatch(file -> files.exists(file.name()));
  }

  /**
   * One pass over the target's table: its rows and the export's checksum recomputed from PostgreSQL's
   * output. Where the plan kept the target's rows ({@code --existing-rows keep} or
   * {@code merge-by-primary-key}), a target row whose key the export does not hold is one the target
   * kept: counted apart (at most as many as the plan found there), not compared.
   */
  private TargetSide readTarget(TablePlan table, TableManifest exported, AtomicBoolean failed) {
    long started = System.nanoTime();
    List<UnaryOperator<String>> canonical = canonicalForms(table);
    ContentChecksum checksum = new ContentChecksum();
    String[] canonicalValues = new String[canonical.size()];
    List<String> row = Arrays.asList(canonicalValues);
    int[] key = RowDigest.keyColumns(table);
    KeyHashSet exportedKeys = ExistingTargetRows.kept(table) && key.length > 0 && filesPresent(exported)
        ? exportedKeys(exported, key, canonical) : null;
    long[] kept = {0};
    long rows = targetRows.streamRows(table.targetTable(), targetColumns(table), values -> {
      if (failed.get()) {
        throw new ParallelTables.Stopped();
      }
      for (int i = 0; i < values.length; i++) {
        canonicalValues[i] = canonical.get(i).apply(values[i]);
      }
      if (exportedKeys != null && !exportedKeys.contains(keyOf(row, key))) {
        kept[0]++;
        return;
      }
      checksum.add(row);
    });
    return new TargetSide(rows - kept[0], checksum.hex(), Duration.ofNanos(System.nanoTime() - started).toMillis(),
        kept[0]);
  }

  /** The canonical primary keys of the export's rows, read from its files. */
  private KeyHashSet exportedKeys(TableManifest exported, int[] key, List<UnaryOperator<String>> canonical) {
    KeyHashSet keys = new KeyHashSet();
    for (TableManifest.DataFile file : exported.files()) {
      files.forEachRow(file.name(), read -> keys.add(keyOf(canonicalRow(canonical, read.values()), key), 0));
    }
    return keys;
  }

  /** The table's three sides compared; on a mismatch the differing rows named by key. */
  private TableVerdict judge(TablePlan table, TableManifest exported, SourceSide sourceSide, TargetSide targetSide,
      int examples, RecordChangesPort.Summary decided, String synced, SyncedRows syncedRows) {
    boolean sourceSame = sourceSide.failure() == null && sourceSide.rows() == exported.rows()
        && sourceSide.checksum().equals(exported.contentChecksum());
    boolean targetSame = targetSide.rows() == exported.rows() && targetSide.checksum().equals(exported.contentChecksum());
    List<RowDivergence> differences = List.of();
    String note = null;
    VerifyMigrationReport.SourceChanges changes = null;
    if (synced != null) {
      // Compared by key with the side that still equals what the sync read (named while the snapshot was open).
      if (syncedRows != null) {
        differences = syncedRows.rows();
        changes = syncedRows.changes();
      } else if (!sourceSame || !targetSame) {
        note = sourceSide.note() != null ? sourceSide.note() : syncedNote(exported, sourceSide.failure() != null
            ? "the source could not be read to the end" : sourceSame || targetSame
            ? "the source's rows to show could not be read back" : "both the source and the target moved since the sync");
      }
    } else if (sourceSide.note() == null && sourceSide.failure() == null) {
      long deleted = sourceSide.exported() == null ? 0 : sourceSide.exported().notSeen();
      changes = new VerifyMigrationReport.SourceChanges(sourceSide.changed(), sourceSide.insertedRows(), deleted);
    }
    if (synced == null && (!sourceSame || !targetSame)) {
      if (sourceSide.note() != null) {
        note = sourceSide.note();
      } else {
        differences = narrow(table, exported, sourceSide, targetSame, examples);
      }
    }
    return new TableVerdict(table.targetTable(),
        new VerifyMigrationReport.Side(sourceSide.rows(), sourceSide.checksum()),
        new VerifyMigrationReport.Side(exported.rows(), exported.contentChecksum()),
        new VerifyMigrationReport.Side(targetSide.rows(), targetSide.checksum()), sourceSide.millis(),
        targetSide.millis(), sourceSame && targetSame, changes, differences, sourceSide.failure(), note,
        decisions(exported, decided), synced);
  }

  /**
   * Names the differing rows with bounded memory. The source side already knows its changed and
   * inserted keys (and kept the first ones' values) and which exported keys it no longer holds. The
   * target side spreads the export and the target over 1,024 buckets by key, each with its own
   * checksum, and keeps only the rows of the first differing buckets. One more pass over the export's
   * files and the target collects the export's and the target's rows of every key to name.
   */
  private List<RowDivergence> narrow(TablePlan table, TableManifest exported, SourceSide sourceSide, boolean targetSame,
      int examples) {
    int[] key = RowDigest.keyColumns(table);
    List<UnaryOperator<String>> canonical = canonicalForms(table);
    Set<Integer> examined = Set.of();
    if (!targetSame) {
      KeyedDifferences.Buckets exportBuckets = new KeyedDifferences.Buckets();
      KeyedDifferences.Buckets targetBuckets = new KeyedDifferences.Buckets();
      readBoth(table, exported, canonical, key, exportBuckets::add, targetBuckets::add);
      // Enough buckets for the examples asked for; each holds about 1/1024 of the table.
      examined = exportBuckets.differingFrom(targetBuckets).stream().limit(examples).collect(Collectors.toSet());
    }
    ExportedRowHashes hashes = sourceSide.exported();
    Set<List<String>> sourceKeys = sourceSide.kept().keySet();
    Set<List<String>> deleted = new LinkedHashSet<>();
    Map<List<String>, List<String>> exportRows = new HashMap<>();
    Map<List<String>, List<String>> loadedRows = new HashMap<>();
    Set<Integer> buckets = examined;
    for (TableManifest.DataFile file : exported.files()) {
      files.forEachRow(file.name(), read -> {
        List<String> row = canonicalRow(canonical, read.values());
        List<String> rowKey = keyOf(row, key);
        if (buckets.contains(KeyedDifferences.bucketOf(rowKey)) || sourceKeys.contains(rowKey)) {
          exportRows.put(rowKey, row);
        } else if (hashes != null && deleted.size() < examples
            && hashes.sourceState(rowKey) == ExportedRowHashes.SourceState.NOT_SEEN) {
          deleted.add(rowKey);
          exportRows.put(rowKey, row);
        }
      });
    }
    if (targetSame) {
      // The target equals the export row for row: no need to read it again for its values.
      loadedRows.putAll(exportRows);
    } else {
      targetRows.streamRows(table.targetTable(), targetColumns(table), values -> {
        List<String> row = canonicalRow(canonical, values);
        List<String> rowKey = keyOf(row, key);
        if (buckets.contains(KeyedDifferences.bucketOf(rowKey)) || sourceKeys.contains(rowKey)
            || deleted.contains(rowKey)) {
          loadedRows.put(rowKey, row);
        }
      });
    }
    Set<List<String>> named = new LinkedHashSet<>();
    named.addAll(sourceKeys);
    named.addAll(deleted);
    exportRows.keySet().stream().filter(rowKey -> buckets.contains(KeyedDifferences.bucketOf(rowKey))).forEach(named::add);
    loadedRows.keySet().stream().filter(rowKey -> buckets.contains(KeyedDifferences.bucketOf(rowKey))).forEach(named::add);
    List<String> names = targetColumns(table);
    List<RowDivergence> found = new ArrayList<>();
    int sourceOdd = 0;
    int targetOdd = 0;
    for (List<String> rowKey : named) {
      List<String> export = exportRows.get(rowKey);
      List<String> source = export;
      boolean sourceKept = true;
      if (hashes != null) {
        switch (export == null ? ExportedRowHashes.SourceState.NOT_EXPORTED : hashes.sourceState(rowKey)) {
          case SAME -> source = export;
          case NOT_SEEN -> source = null;
          case CHANGED -> {
            source = sourceSide.kept().get(rowKey);
            sourceKept = source != null;
          }
          case NOT_EXPORTED -> {
            source = sourceSide.kept().get(rowKey);
            sourceKept = source != null || sourceSide.inserted() == null || !sourceSide.inserted().contains(rowKey);
          }
        }
      }
      RowDivergence divergence = RowDivergence.of(rowKey, names, source, sourceKept, export, loadedRows.get(rowKey));
      // A differing bucket holds about 1/1,024 of the table: keep the examples asked for of each side, not all.
      if (divergence != null && (divergence.sourceOdd() && sourceOdd++ < examples
          || divergence.targetOdd() && targetOdd++ < examples)) {
        found.add(divergence);
      }
    }
    return found;
  }

  /** The row count check and the two content checks of one table, each naming the first rows it is about. */
  private static List<Check> contentChecks(TableVerdict verdict, List<String> keyNames, int examples) {
    VerifyMigrationReport.Side source = verdict.source();
    VerifyMigrationReport.Side export = verdict.export();
    VerifyMigrationReport.Side target = verdict.target();
    List<Check> checks = new ArrayList<>();
    boolean readToEnd = verdict.sourceFailure() == null;
    // The reference the source and the target are compared with: the export, or what a sync read since.
    String reference = verdict.synced() == null ? "export" : "sync";
    checks.add(new Check("row count", verdict.table(),
        readToEnd && source.rows() == export.rows() && export.rows() == target.rows(),
        "source " + source.rows() + (readToEnd ? "" : " (read up to the value it cannot convert)") + ", "
            + (verdict.synced() == null ? "manifest" : "sync") + " " + export.rows() + ", target " + target.rows()));
    boolean sourceSame = readToEnd && source.equals(export);
    StringBuilder sourceDetail = new StringBuilder("source " + source.checksum() + ", " + reference + " "
        + export.checksum());
    if (!readToEnd) {
      sourceDetail.append("; ").append(verdict.sourceFailure());
    } else if (!sourceSame) {
      if (verdict.sourceChanges() != null) {
        VerifyMigrationReport.SourceChanges changes = verdict.sourceChanges();
        sourceDetail.append("; since the ").append(reference).append(" the source changed ").append(changes.changed())
            .append(", inserted ").append(changes.inserted()).append(" and deleted ").append(changes.deleted()).append(" row(s)");
      }
      appendRows(sourceDetail, verdict, keyNames, examples, RowDivergence::sourceOdd);
    }
    checks.add(new Check("source content", verdict.table(), sourceSame, sourceDetail.toString()));
    boolean targetSame = target.equals(export);
    StringBuilder targetDetail = new StringBuilder("target " + target.checksum() + ", " + reference + " "
        + export.checksum());
    if (!targetSame) {
      appendRows(targetDetail, verdict, keyNames, examples, RowDivergence::targetOdd);
    }
    checks.add(new Check("content checksum", verdict.table(), targetSame, targetDetail.toString()));
    return checks;
  }

  private static void appendRows(StringBuilder detail, TableVerdict verdict, List<String> keyNames, int examples,
      Predicate<RowDivergence> about) {
    List<String> rows = verdict.differences().stream().filter(about).limit(examples)
        .map(row -> String.join(",", keyNames) + "=" + String.join(",", row.key()) + ": "
            + row.describe(verdict.synced() == null ? "export" : "sync")).toList();
    if (!rows.isEmpty()) {
      detail.append("; first differing rows: ").append(String.join("; ", rows));
    } else if (verdict.note() != null) {
      detail.append("; ").append(verdict.note());
    }
  }

  private static List<String> keyNames(TablePlan table) {
    List<String> names = targetColumns(table);
    return Arrays.stream(RowDigest.keyColumns(table)).mapToObj(names::get).toList();
  }

  private static List<String> targetColumns(TablePlan table) {
    return table.columns().stream().map(column -> column.target().name()).toList();
  }

  private static List<UnaryOperator<String>> canonicalForms(TablePlan table) {
    return table.columns().stream().map(column -> {
      TargetType type = TargetType.of(column.target());
      return (UnaryOperator<String>) type::canonical;
    }).toList();
  }

  private static List<String> canonicalRow(List<UnaryOperator<String>> canonical, String[] values) {
    List<String> row = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      row.add(canonical.get(i).apply(values[i]));
    }
    return row;
  }

  private static List<String> keyOf(String[] row, int[] key) {
    List<String> parts = new ArrayList<>(key.length);
    for (int i : key) {
      parts.add(row[i]);
    }
    return parts;
  }

  private static List<String> keyOf(List<String> row, int[] key) {
    List<String> parts = new ArrayList<>(key.length);
    for (int i : key) {
      parts.add(row.get(i));
    }
    return parts;
  }

  /** A checklist check with its verdict, for the report. */
  private record ChecklistRun(ChecklistCheck check, CheckResult result) {}

  /** An alias pointed elsewhere on the command line must be one a checklist declares: a typo would otherwise go unseen. */
  private static void requireKnownAliases(List<Checklist> lists, Map<String, String> databases) {
    for (String alias : databases.keySet()) {
      if (alias.equals(Checklist.TARGET)) {
        throw new ConvergeException(ErrorCode.CONFIGURATION, "the checklist alias '" + Checklist.TARGET
            + "' is always the target database; set --target-database instead");
      }
      if (lists.stream().noneMatch(list -> list.databases().containsKey(alias))) {
        throw new ConvergeException(ErrorCode.CONFIGURATION, "no checklist declares the database alias '" + alias
            + "' given with --checklist-database");
      }
    }
  }

  /** Runs one checklist check; a query that cannot run is a FAIL with the server's SQLSTATE and message. */
  private CheckResult run(Checklist list, ChecklistCheck check, VerifyMigrationCommand command) {
    int kept = command.examples();
    String database = database(list, check.database(), command);
    Expectation expect = check.expect();
    try {
      OffendingRows offending = new OffendingRows(kept);
      List<String> columns;
      boolean passed;
      if (expect instanceof Expectation.Value value) {
        columns = queries.query(database, check.sql(), command.checkTimeout(), offending::add);
        passed = offending.count() == 1 && columns.size() == 1 && value.matches(offending.examples().get(0).get(0));
      } else if (expect instanceof Expectation.FoundIn foundIn) {
        // Hashes of the other query's first values: about 16 bytes a row, however many rows.
        KeyHashSet known = new KeyHashSet();
        queries.query(database(list, foundIn.database(), command), foundIn.sql(), command.checkTimeout(), row -> {
          if (!row.isEmpty() && row.get(0) != null) {
            known.add(List.of(row.get(0)), 0);
          }
        });
        columns = queries.query(database, check.sql(), command.checkTimeout(), row -> {
          if (row.isEmpty() || row.get(0) == null || !known.contains(List.of(row.get(0)))) {
            offending.add(row);
          }
        });
        passed = offending.count() == 0;
      } else {
        OffendingKeys keys = new OffendingKeys(OffendingKeys.LIMIT);
        columns = queries.query(database, check.sql(), command.checkTimeout(), row -> {
          offending.add(row);
          keys.add(row);
        });
        passed = offending.count() == 0;
        CheckResult result = new CheckResult(list.name(), check.name(), check.description(), check.database(),
            expect.keyword(), expect.describe(), passed, offending.count(), columns, offending.examples(), null);
        return passed ? result : comparedWithSource(result, check, keys, command);
      }
      return new CheckResult(list.name(), check.name(), check.description(), check.database(), expect.keyword(),
          expect.describe(), passed, offending.count(), columns, offending.examples(), null);
    } catch (CheckQueryFailedException e) {
      return CheckResult.failedQuery(list.name(), check,
          "SQLSTATE " + e.sqlState() + " on database " + e.database() + ": " + e.serverMessage());
    }
  }

  /**
   * A failed zero-rows check, compared with its source form: PRE-EXISTING when every offending row of
   * the target (by its first column) offends in the source too, else BROKEN_BY_MOVE; NOT_COMPARED,
   * and still a FAIL, when there is no source form or it cannot run.
   */
  private CheckResult comparedWithSource(CheckResult result, ChecklistCheck check, OffendingKeys target,
      VerifyMigrationCommand command) {
    if (check.sourceSql() == null) {
      return result.compared(CheckOrigin.NOT_COMPARED, "no source form: cannot tell whether the move caused it");
    }
    OffendingKeys source = new OffendingKeys(OffendingKeys.LIMIT);
    try {
      sourceQueries.query(check.sourceSql(), command.checkTimeout(), source::add);
    } catch (CheckQueryFailedException e) {
      return result.compared(CheckOrigin.NOT_COMPARED, "the source form failed: SQLSTATE " + e.sqlState()
          + " on the source database " + e.database() + ": " + e.serverMessage()
          + "; cannot tell whether the move caused it");
    }
    if (target.overflowed() || source.overflowed()) {
      String byCount = "more than " + OffendingKeys.LIMIT + " rows, so compared by count only";
      return target.rows() <= source.rows()
          ? result.compared(CheckOrigin.PRE_EXISTING, "true of the data before the move too (the source has "
              + source.rows() + " such rows; " + byCount + ")")
          : result.compared(CheckOrigin.BROKEN_BY_MOVE, "broken by the move: the target has " + target.rows()
              + " such rows, the source " + source.rows() + " (" + byCount + ")");
    }
    OffendingKeys.Missing moved = target.notIn(source);
    if (moved.rows() == 0) {
      return result.compared(CheckOrigin.PRE_EXISTING, "true of the data before the move too (the source has "
          + source.rows() + " such rows)");
    }
    String column = result.columns().isEmpty() ? "?column1" : result.columns().get(0);
    String named = moved.keys().stream().limit(command.examples())
        .map(value -> column + "=" + CheckResult.shown(value)).collect(Collectors.joining(", "));
    return result.compared(CheckOrigin.BROKEN_BY_MOVE, "broken by the move: " + moved.rows()
        + " row(s) not so in the source: " + named + (moved.keys().size() > command.examples() ? ", …" : ""));
  }

  /** The database an alias names: null for the target itself, else the command line's choice or the checklist's. */
  private static String database(Checklist list, String alias, VerifyMigrationCommand command) {
    if (alias.equals(Checklist.TARGET)) {
      return null;
    }
    return command.databases().getOrDefault(alias, list.databases().get(alias));
  }

  /** Streams the export's files and the target's table, canonical, handing (key, row) to each side's sink. */
  private void readBoth(TablePlan table, TableManifest exported, List<UnaryOperator<String>> canonical, int[] key,
      BiConsumer<List<String>, List<String>> fromExport, BiConsumer<List<String>, List<String>> fromTarget) {
    for (TableManifest.DataFile file : exported.files()) {
      files.forEachRow(file.name(), read -> {
        List<String> row = canonicalRow(canonical, read.values());
        fromExport.accept(keyOf(row, key), row);
      });
    }
    targetRows.streamRows(table.targetTable(), targetColumns(table), values -> {
      List<String> row = canonicalRow(canonical, values);
      fromTarget.accept(keyOf(row, key), row);
    });
  }

  private static String markdown(Manifest manifest, List<Check> checks, List<TableVerdict> tables,
      List<ChecklistRun> runs) {
    long failed = checks.stream().filter(check -> !check.passed()).count();
    StringBuilder text = new StringBuilder("# Verification report\n\n")
        .append("- migration: `").append(manifest.migrationId()).append("`\n")
        .append("- source: ").append(manifest.source()).append("\n")
        .append("- target: ").append(manifest.target()).append("\n")
        .append("- result: **").append(failed == 0 ? "PASS" : "FAIL (" + failed + " of " + checks.size() + " checks)")
        .append("**\n\n| check | table | result | detail |\n|---|---|---|---|\n");
    for (Check check : checks) {
      text.append("| ").append(check.name()).append(" | ").append(check.table()).append(" | ")
          .append(check.passed() ? "PASS" : "**FAIL**").append(" | ").append(cell(check.detail()))
          .append(" |\n");
    }
    if (!tables.isEmpty()) {
      // A synced table's reference is what its sync read from the source; the export's for the others.
      String reference = tables.stream().anyMatch(table -> table.synced() != null) ? "export or sync" : "export";
      text.append("\n## Tables: source, ").append(reference).append(" and target\n\n| table | source rows | ")
          .append(reference).append(" rows | target rows | quarantined | changed | merged | source checksum | ")
          .append(reference).append(" checksum | target checksum | source s | target s | verdict |\n")
          .append("|---|---:|---:|---:|---:|---:|---:|---|---|---|---:|---:|---|\n");
    }
    for (TableVerdict table : tables) {
      VerifyMigrationReport.Decided decided = table.decided();
      text.append(String.format(Locale.ROOT,
          "| %s | %d | %d | %d | %d | %d | %d | `%s` | `%s` | `%s` | %.1f | %.1f | %s |%n",
          cell(table.table() + (table.synced() == null ? "" : " (synced)")), table.source().rows(), table.export().rows(), table.target().rows(),
          decided.quarantined(), decided.changed(), decided.merged(), table.source().checksum(),
          table.export().checksum(), table.target().checksum(), table.sourceMillis() / 1000.0,
          table.targetMillis() / 1000.0, table.passed() ? "PASS" : "**FAIL**"));
    }
    for (TableVerdict table : tables) {
      if (table.differences().isEmpty()) {
        continue;
      }
      text.append("\n### ").append(table.table()).append(": differing rows\n\n");
      for (RowDivergence row : table.differences()) {
        text.append("- ").append(cell(String.join(",", row.key()))).append(": ")
            .append(cell(row.describe(table.synced() == null ? "export" : "sync"))).append('\n');
      }
    }
    if (!runs.isEmpty()) {
      text.append("\n## Checklist\n");
    }
    for (ChecklistRun run : runs) {
      CheckResult result = run.result();
      text.append("\n### ").append(result.checklist()).append(" / ").append(result.name()).append(": ")
          .append(result.failsVerify() ? "**FAIL**" : result.verdict()).append("\n\n");
      if (!result.description().isEmpty()) {
        text.append(result.description()).append("\n\n");
      }
      text.append("- database: `").append(result.database()).append("`\n- expected: ").append(result.expectation())
          .append("\n- result: ").append(result.detail()).append("\n\n```sql\n").append(run.check().sql().strip())
          .append("\n```\n");
      if (result.comparison() != null) {
        text.append("\n- compared with the source: ").append(result.origin()).append(", ").append(result.comparison())
            .append('\n');
      }
      if (run.check().sourceSql() != null) {
        text.append("\nsource form (MySQL):\n\n```sql\n").append(run.check().sourceSql().strip()).append("\n```\n");
      }
      if (run.check().expect() instanceof Expectation.FoundIn foundIn) {
        text.append("\nfound in (`").append(foundIn.database()).append("`):\n\n```sql\n").append(foundIn.sql().strip())
            .append("\n```\n");
      }
      if (!result.passed() && !result.examples().isEmpty()) {
        text.append("\n| ").append(String.join(" | ", result.columns().stream().map(VerifyMigrationService::cell).toList()))
            .append(" |\n|").append("---|".repeat(Math.max(1, result.columns().size()))).append("\n");
        for (List<String> row : result.examples()) {
          text.append("| ").append(String.join(" | ", row.stream().map(v -> cell(CheckResult.shown(v))).toList()))
              .append(" |\n");
        }
        if (result.rows() > result.examples().size()) {
          text.append("\n(first ").append(result.examples().size()).append(" of ").append(result.rows())
              .append(" rows)\n");
        }
      }
    }
    return text.toString();
  }

  /** A value in a Markdown table cell: pipes escaped, line breaks shown as a space. */
  private static String cell(String value) {
    return value.replace("|", "\\|").replaceAll("\\R", " ");
  }
}

package dev.converge.application.service;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.ImportTablesCommand;
import dev.converge.application.port.in.ImportTablesReport;
import dev.converge.application.port.in.ImportTablesUseCase;
import dev.converge.application.port.out.KeepSchemaRowsPort;
import dev.converge.application.port.out.LoadTargetTablesPort;
import dev.converge.application.port.out.LoadTargetTablesPort.LoadSession;
import dev.converge.application.port.out.LoadTargetTablesPort.Part;
import dev.converge.application.port.out.LoadTargetTablesPort.Parts;
import dev.converge.application.port.out.LoadTargetTablesPort.TableLoad;
import dev.converge.application.port.out.ReadDroppedForeignKeysPort;
import dev.converge.application.port.out.ReadDroppedForeignKeysPort.DroppedForeignKey;
import dev.converge.application.port.out.ReadTableFilesPort;
import dev.converge.application.port.out.ReadSourcePositionPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.application.port.out.RecordImportPort;
import dev.converge.application.port.out.RecordValidationPort;
import dev.converge.application.port.out.ReportProgressPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.ImportRejectedException;
import dev.converge.domain.failure.PlanBlockedException;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.manifest.TableManifest;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.SchemaFingerprint;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.schema.ForeignKey;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the export into the target: only a validated manifest of the current plan, into a target
 * whose schema is still the planned one; each table in its own transaction, the committed ones
 * recorded so that a re-run after any failure or kill continues where it stopped; then the
 * sequences are reset and the tables analysed.
 */
public final class ImportTablesService implements ImportTablesUseCase {

  private final StorePlanPort plans;
  private final StoreManifestPort manifests;
  private final RecordValidationPort verdicts;
  private final ReadTargetSchemaPort targetSchema;
  private final LoadTargetTablesPort loads;
  private final ReadDroppedForeignKeysPort droppedForeignKeys;
  private final RecordImportPort journal;
  private final ReadTableFilesPort files;
  private final ReportProgressPort progress;
  private final ConnectionSettings settings;
  private final StaleExports staleExports;
  private final KeepSchemaRowsPort schemaRows;

  public ImportTablesService(StorePlanPort plans, StoreManifestPort manifests, RecordValidationPort verdicts,
      ReadTargetSchemaPort targetSchema, LoadTargetTablesPort loads, ReadDroppedForeignKeysPort droppedForeignKeys,
      RecordImportPort journal, ReadTableFilesPort files, ReportProgressPort progress, ConnectionSettings settings,
      ReadSourcePositionPort sourcePosition, KeepSchemaRowsPort schemaRows) {
    this.schemaRows = Objects.requireNonNull(schemaRows, "schemaRows");
    this.plans = Objects.requireNonNull(plans, "plans");
    this.manifests = Objects.requireNonNull(manifests, "manifests");
    this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
    this.targetSchema = Objects.requireNonNull(targetSchema, "targetSchema");
    this.loads = Objects.requireNonNull(loads, "loads");
    this.droppedForeignKeys = Objects.requireNonNull(droppedForeignKeys, "droppedForeignKeys");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.files = Objects.requireNonNull(files, "files");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.staleExports = new StaleExports(sourcePosition);
  }

  @Override
  public ImportTablesReport importTables(ImportTablesCommand command) {
    long started = System.nanoTime();
    MigrationPlan plan = plans.load().orElseThrow(() -> new ConvergeException(ErrorCode.CONFIGURATION,
        "there is no plan in " + settings.workDirectory() + "; run plan, export and validate first"));
    requireTargetAsPlanned(plan);
    StoreManifestPort.Stored stored = manifests.latest().filter(s -> s.manifest().complete()).orElseThrow(() ->
        new ConvergeException(ErrorCode.VALIDATION, "there is no finished export in " + settings.workDirectory()));
    Manifest manifest = stored.manifest();
    boolean validated = verdicts.latest().filter(verdict -> verdict.passed()
        && verdict.migrationId().equals(manifest.migrationId())
        && Objects.equals(verdict.exportFinished(), manifest.exportFinished())).isPresent();
    if (!validated) {
      throw new ConvergeException(ErrorCode.VALIDATION, "the files of " + stored.fileName()
          + " have not passed validation; run converge validate first");
    }
    staleExports.refuseIfMoved(manifest.tables(), command.reuseStaleExport(), "import")
        .ifPresent(moved -> progress.notice("importing a stale export (--reuse-stale-export): " + moved));
    Map<String, Long> committed = committed(plan, manifest.migrationId(), command.restart());
    List<TablePlan> remaining = plan.tables().stream().filter(t -> !committed.containsKey(t.targetTable())).toList();
    Map<String, Long> loaded = new LinkedHashMap<>();
    try (LoadSession session = open(plan)) {
      ParallelTables.run("converge-import", command.parallelism().tables(), remaining, new AtomicBoolean(), table -> {
        TableManifest exported = manifest.table(table.sourceTable()).orElseThrow(() -> new ConvergeException(
            ErrorCode.VALIDATION, "the manifest has no files for table " + table.sourceTable()));
        long rows = load(table, Parts.of(exported.files().stream().map(file -> new Part(
            settings.workDirectory().resolve(file.name()), file.rows(), file.sha256())).toList()), exported.rows(),
            exported.files().stream().mapToLong(TableManifest.DataFile::bytes).sum(), manifest.migrationId(), session,
            true);
        synchronized (loaded) {
          loaded.put(table.targetTable(), rows);
        }
      }, ErrorCode.IMPORT);
      finish(plan, session);
    }
    List<String> skipped = plan.tables().stream().map(TablePlan::targetTable).filter(committed::containsKey).toList();
    return new ImportTablesReport(manifest.migrationId(), loaded, skipped, Duration.ofNanos(System.nanoTime() - started));
  }

  /** The plan is not blocked and the target's schema is still the planned one (keys an interrupted load dropped included). */
  void requireTargetAsPlanned(MigrationPlan plan) {
    if (plan.hasBlockers()) {
      throw new PlanBlockedException(plan.blockers().stream().map(Object::toString).toList());
    }
    if (!SchemaFingerprint.of(withDroppedForeignKeys(targetSchema.readTargetSchema())).equals(plan.targetFingerprint())) {
      throw new ConvergeException(ErrorCode.PLAN_BLOCKED, "the target schema changed since the plan was made;"
          + " run converge plan again");
    }
  }

  /**
   * The tables an earlier run of this migration committed (none after {@code restart}), with the
   * rows every other table holds now kept first for {@code converge rollback}.
   */
  Map<String, Long> committed(MigrationPlan plan, String migrationId, boolean restart) {
    if (restart) {
      journal.forget(migrationId);
    }
    Map<String, Long> committed = journal.committed(migrationId);
    keepExistingRows(plan);
    return committed;
  }

  /** Whether an earlier run committed any table from the export {@code migrationId}. */
  boolean begun(String migrationId) {
    return !journal.committed(migrationId).isEmpty();
  }

  /** A load of the plan's tables with its foreign-key strategy. */
  LoadSession open(MigrationPlan plan) {
    return loads.open(plan.foreignKeyStrategy(), plan.tables().stream().map(TablePlan::targetTable).toList());
  }

  /** After every table: foreign keys back, sequences reset, tables analysed, the schema proved the planned one. */
  void finish(MigrationPlan plan, LoadSession session) {
    finish(plan, session, java.util.Set.of());
  }

  /** As {@link #finish(MigrationPlan, LoadSession)}, {@code settled} tables' sequences and statistics already done. */
  void finish(MigrationPlan plan, LoadSession session, java.util.Set<String> settled) {
    session.finish(plan.tables().stream().map(TablePlan::targetTable).filter(table -> !settled.contains(table)).toList());
    if (!SchemaFingerprint.of(targetSchema.readTargetSchema()).equals(plan.targetFingerprint())) {
      throw new ConvergeException(ErrorCode.IMPORT, "the data is loaded, but the target schema is not the planned one"
          + " afterwards (foreign keys, say, not re-created as they were); compare it with the plan before using it");
    }
  }

  /**
   * Loads one table's files in its one transaction and records it committed; progress is estimated
   * from the bytes sent against the table's expected bytes (COPY reports its count only at the end).
   */
  long load(TablePlan table, Parts parts, long expectedRows, long expectedBytes, String migrationId, LoadSession session,
      boolean showProgress) {
    long started = System.nanoTime();
    if (showProgress) {
      progress.started(table.targetTable(), expectedRows);
    }
    long[] bytesSent = {0};
    java.util.function.LongConsumer sent = bytes -> {
      bytesSent[0] = bytes;
      if (showProgress) {
        progress.progressed(table.targetTable(),
            expectedBytes == 0 ? 0 : expectedRows * Math.min(bytes, expectedBytes) / expectedBytes, bytes);
      }
    };
    long rows;
    try {
      rows = session.load(new TableLoad(table.targetTable(), table.columns().stream().map(c -> c.target().name()).toList(),
          table.primaryKey(), table.existingRowsHandling(), parts), sent);
    } catch (ImportRejectedException e) {
      throw e.record() > 1 ? e.atLine(lineOf(e.file(), e.record())) : e;
    }
    journal.markCommitted(migrationId, table.targetTable(), rows);
    if (showProgress) {
      progress.finished(table.targetTable(), rows, bytesSent[0], Duration.ofNanos(System.nanoTime() - started));
    }
    return rows;
  }

  /**
   * The schema as it is once the foreign keys an interrupted load dropped (and keeps) are back: the
   * next load's finish re-creates them, so they still belong to the planned schema.
   */
  private TargetSchema withDroppedForeignKeys(TargetSchema schema) {
    List<DroppedForeignKey> dropped = droppedForeignKeys.droppedForeignKeys();
    if (dropped.isEmpty()) {
      return schema;
    }
    List<TargetTable> tables = schema.tables().stream().map(table -> {
      List<ForeignKey> keys = new ArrayList<>(table.foreignKeys());
      dropped.stream().filter(key -> key.table().equals(table.name())).map(DroppedForeignKey::foreignKey)
          .filter(key -> keys.stream().noneMatch(present -> present.name().equals(key.name())))
          .forEach(keys::add);
      // The catalog lists a table's foreign keys by name (PostgreSQL's "name" type sorts bytewise).
      keys.sort(Comparator.comparing(ForeignKey::name));
      return new TargetTable(table.name(), table.columns(), table.primaryKey(), table.uniqueKeys(), keys,
          table.checks(), table.foldedUniqueKeys());
    }).toList();
    return new TargetSchema(schema.schema(), schema.serverVersion(), tables);
  }

  /**
   * Before the first load of each table, keeps the rows it holds (a seed migration's) in the target,
   * once per table: neither a resumed run nor a run from another work directory keeps rows of an
   * earlier load as if the schema phase had left them.
   */
  private void keepExistingRows(MigrationPlan plan) {
    schemaRows.keepOnce(plan.tables().stream().map(TablePlan::targetTable).toList());
  }

  /** PostgreSQL counts CSV records (the header is 1); the operator's editor wants the file's line. */
  private long lineOf(String file, long record) {
    long[] line = {0};
    long[] seen = {1};
    try {
      files.forEachRow(file, row -> {
        seen[0]++;
        if (seen[0] == record) {
          line[0] = row.line();
          throw new FoundLine();
        }
      });
    } catch (FoundLine found) {
      return line[0];
    }
    return record;
  }

  /** Stops reading the file once the record is found. */
  private static final class FoundLine extends RuntimeException {
    FoundLine() {
      super(null, null, false, false);
    }
  }
}

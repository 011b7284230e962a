package dev.converge.application.service;

import dev.converge.application.port.in.ExportTablesCommand;
import dev.converge.application.port.in.ExportTablesReport;
import dev.converge.application.port.in.ImportTablesReport;
import dev.converge.application.port.in.TransferTablesCommand;
import dev.converge.application.port.in.TransferTablesReport;
import dev.converge.application.port.in.TransferTablesReport.TableTimes;
import dev.converge.application.port.in.TransferTablesUseCase;
import dev.converge.application.port.in.ValidateFilesReport;
import dev.converge.application.port.in.ValidateFilesReport.TableValidation;
import dev.converge.application.port.out.LoadTargetTablesPort.LoadSession;
import dev.converge.application.port.out.LoadTargetTablesPort.Part;
import dev.converge.application.port.out.ReportProgressPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.TableManifest;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.TablePlan;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code migrate}'s pipeline of export, validate and import. Each table is a lane: the export
 * writes its file in parts (a large table as several key ranges at once); a checker takes each part
 * as soon as it is finished and checks what its export could not establish, that the part is still
 * there (no value is parsed again: the export converted each one into its target type's grammar); a
 * loader copies each part into the table's one open transaction, digesting the bytes it sends and
 * checking them and the row count COPY reports against the manifest, commits once the last part is
 * in, then resets the table's sequences and analyses it in the same lane. Each exported byte is
 * read once, by the load. Tables run in parallel in every stage. The first failure anywhere stops every stage: the export is interrupted,
 * no table whose files did not all pass is committed, and a re-run continues as {@code export} and
 * {@code import} do.
 */
public final class TransferTablesService implements TransferTablesUseCase {

  private final StorePlanPort plans;
  private final ExportTablesService export;
  private final ValidateFilesService validation;
  private final ImportTablesService imports;
  private final Path workDirectory;
  private final Clock clock;
  /** The validation's and the load's bars; the export reports its own. */
  private final ReportProgressPort validating;
  private final ReportProgressPort loading;

  public TransferTablesService(StorePlanPort plans, ExportTablesService export, ValidateFilesService validation,
      ImportTablesService imports, ReportProgressPort progress, Path workDirectory, Clock clock) {
    this.plans = Objects.requireNonNull(plans, "plans");
    this.export = Objects.requireNonNull(export, "export");
    this.validation = Objects.requireNonNull(validation, "validation");
    this.imports = Objects.requireNonNull(imports, "imports");
    this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.validating = progress.stage("validate");
    this.loading = progress.stage("import");
  }

  @Override
  public TransferTablesReport transfer(TransferTablesCommand command, Stages stages) {
    Instant started = clock.instant();
    MigrationPlan plan = plans.load().orElseThrow(() -> new ConvergeException(ErrorCode.CONFIGURATION,
        "there is no plan in " + workDirectory + "; run converge plan first"));
    imports.requireTargetAsPlanned(plan);
    return new Run(plan, command, stages, started).run();
  }

  /** One part handed from stage to stage; {@link #END} closes a table's stream, {@link #REJECTED} aborts it. */
  private record Item(TableManifest.DataFile file) {
    static final Item END = new Item(null);
    static final Item REJECTED = new Item(null);
  }

  /** A table on its way through the stages. */
  private static final class Lane {
    final TablePlan table;
    final BlockingQueue<Item> exported = new LinkedBlockingQueue<>();
    final BlockingQueue<Item> validated = new LinkedBlockingQueue<>();
    final AtomicBoolean scheduled = new AtomicBoolean();
    volatile long exportBegun;
    volatile Duration exportTime = Duration.ZERO;
    volatile Duration checkTime = Duration.ZERO;
    volatile Duration loadTime = Duration.ZERO;
    volatile Instant checked;
    volatile TableValidation result;
    volatile long rows;
    volatile boolean loaded;
    volatile boolean settled;

    Lane(TablePlan table) {
      this.table = table;
    }
  }

  /** One pipeline run: its lanes, its three stages' threads, and the first failure. */
  private final class Run {
    private final MigrationPlan plan;
    private final TransferTablesCommand command;
    private final Stages stages;
    private final Instant started;
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final BlockingQueue<Lane> ready = new LinkedBlockingQueue<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicReference<String> migrationId = new AtomicReference<>();
    private final CountDownLatch idKnown = new CountDownLatch(1);
    private final CountDownLatch exportDone = new CountDownLatch(1);
    private final CountDownLatch checksDone;
    private final CountDownLatch loadsDone;
    private final ExecutorService exporter = threads("converge-export", 1);
    private final ExecutorService checkers;
    private final ExecutorService loaders;
    private volatile ExportTablesReport exportReport;
    private volatile Instant exportEnded;

    Run(MigrationPlan plan, TransferTablesCommand command, Stages stages, Instant started) {
      this.plan = plan;
      this.command = command;
      this.stages = stages;
      this.started = started;
      plan.tables().forEach(table -> lanes.put(table.sourceTable(), new Lane(table)));
      this.checksDone = new CountDownLatch(lanes.size());
      this.loadsDone = new CountDownLatch(lanes.size());
      this.checkers = threads("converge-validate", command.loadParallelism().tables());
      this.loaders = threads("converge-import", command.loadParallelism().tables());
    }

    TransferTablesReport run() {
      exporter.execute(this::exportAll);
      LoadSession session = null;
      Map<String, Long> committed = Map.of();
      try {
        if (!await(idKnown)) {
          throw stopped();
        }
        committed = imports.committed(plan, migrationId.get(), command.restartImport());
        Map<String, Long> earlier = committed;
        session = imports.open(plan);
        LoadSession loading = session;
        ValidateFilesReport verdict = null;
        int scheduled = 0;
        while (failure.get() == null) {
          if (scheduled < lanes.size()) {
            Lane lane = ready.poll(50, TimeUnit.MILLISECONDS);
            if (lane != null) {
              scheduled++;
              checkers.execute(() -> check(lane));
              loaders.execute(() -> load(lane, loading, earlier));
            }
          } else if (verdict == null) {
            if (exportDone.await(50, TimeUnit.MILLISECONDS) && checksDone.await(50, TimeUnit.MILLISECONDS)
                && failure.get() == null) {
              verdict = recordVerdict();
            }
          } else if (loadsDone.await(50, TimeUnit.MILLISECONDS)) {
            break;
          }
        }
        if (failure.get() != null) {
          throw stopped();
        }
        imports.finish(plan, session, lanes.values().stream().filter(lane -> lane.settled)
            .map(lane -> lane.table.targetTable()).collect(java.util.stream.Collectors.toSet()));
        Instant ended = clock.instant();
        ImportTablesReport imported = new ImportTablesReport(migrationId.get(), loadedRows(),
            plan.tables().stream().map(TablePlan::targetTable).filter(earlier::containsKey).toList(),
            Duration.between(started, ended));
        Instant validationEnded = lanes.values().stream().map(lane -> lane.checked).filter(Objects::nonNull)
            .max(Instant::compareTo).orElse(exportEnded);
        return new TransferTablesReport(exportReport, verdict, imported, started, exportEnded,
            validationEnded.isBefore(exportEnded) ? exportEnded : validationEnded, ended,
            lanes.values().stream().map(lane -> new TableTimes(lane.table.sourceTable(), lane.table.targetTable(), lane.rows, lane.exportTime,
                lane.checkTime, lane.loadTime, lane.loaded)).toList());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(new ConvergeException(ErrorCode.IMPORT, "interrupted; run migrate again to continue where it stopped", e));
        throw stopped();
      } catch (RuntimeException e) {
        // A failure here (keeping the seed rows, opening the load, saving the verdict) stops every stage too.
        fail(e);
        throw stopped();
      } finally {
        if (failure.get() != null) {
          exporter.shutdownNow();
          checkers.shutdownNow();
          loaders.shutdownNow();
        } else {
          exporter.shutdown();
          checkers.shutdown();
          loaders.shutdown();
        }
        ParallelTables.awaitWorkers(exporter);
        ParallelTables.awaitWorkers(checkers);
        ParallelTables.awaitWorkers(loaders);
        if (session != null) {
          session.close();
        }
        if (failure.get() != null) {
          reportStopped(committed);
        }
      }
    }

    /** Once every worker ended: which target tables are committed (now or earlier) and which are not. */
    private void reportStopped(Map<String, Long> earlier) {
      List<String> committed = new ArrayList<>();
      List<String> notCommitted = new ArrayList<>();
      for (Lane lane : lanes.values()) {
        String table = lane.table.targetTable();
        (lane.loaded || earlier.containsKey(table) ? committed : notCommitted).add(table);
      }
      stages.stopped(committed, notCommitted);
    }

    /** The export stage, on its own thread; tells the lanes of each part as it is finished. */
    private void exportAll() {
      try {
        ExportTablesReport report = export.export(new ExportTablesCommand(command.exportParallelism(),
            command.restartExport(), command.partBytes(), command.snapshotMode(), command.snapshotLockTimeout(),
            command.reuseStaleExport()), new ExportTablesService.Listener() {
              @Override
              public void started(String id) {
                migrationId.set(id);
                idKnown.countDown();
              }

              @Override
              public void begun(TablePlan table) {
                lanes.get(table.sourceTable()).exportBegun = System.nanoTime();
              }

              @Override
              public void part(TablePlan table, TableManifest.DataFile file) {
                Lane lane = lanes.get(table.sourceTable());
                lane.exported.add(new Item(file));
                if (lane.scheduled.compareAndSet(false, true)) {
                  ready.add(lane);
                }
              }

              @Override
              public void exported(TablePlan table, TableManifest manifest) {
                Lane lane = lanes.get(table.sourceTable());
                if (lane.exportBegun != 0) {
                  lane.exportTime = Duration.ofNanos(System.nanoTime() - lane.exportBegun);
                }
                lane.rows = manifest.rows();
                lane.exported.add(Item.END);
              }

              @Override
              public void failed(TablePlan table, RuntimeException failure) {
                // The export's own cause first, before its removed parts make a checker or loader fail.
                if (!(failure instanceof ParallelTables.Stopped)) {
                  fail(failure);
                }
              }
            }, true, manifest -> !command.restartImport() && imports.begun(manifest.migrationId()));
        exportReport = report;
        exportEnded = clock.instant();
        Map<String, Duration> times = new LinkedHashMap<>();
        lanes.values().forEach(lane -> times.put(lane.table.sourceTable(), lane.exportTime));
        stages.exported(report, exportEnded, times);
      } catch (RuntimeException | Error e) {
        fail(e);
      } finally {
        idKnown.countDown();
        exportDone.countDown();
      }
    }

    /** The validation stage of one table: each part as it comes, the keys checked across parts. */
    private void check(Lane lane) {
      boolean ended = false;
      long started = System.nanoTime();
      long rows = 0;
      long bytes = 0;
      try {
        ValidateFilesService.TableCheck check = validation.checkWritten(lane.table, command.problemsPerTable());
        validating.started(lane.table.sourceTable(), lane.table.estimatedRows());
        while (true) {
          Item item = lane.exported.take();
          if (item == Item.END) {
            break;
          }
          long begun = System.nanoTime();
          boolean passed = check.part(item.file());
          lane.checkTime = lane.checkTime.plusNanos(System.nanoTime() - begun);
          rows += item.file().rows();
          bytes += item.file().bytes();
          validating.progressed(lane.table.sourceTable(), rows, bytes);
          if (!passed) {
            lane.result = check.result();
            fail(new ConvergeException(ErrorCode.VALIDATION, "table " + lane.table.sourceTable() + ": its files did not"
                + " pass validation (" + lane.result.problemCount() + " problem(s)); first: "
                + lane.result.problems().get(0) + ". Nothing of the table was committed; export again (converge export"
                + " --restart) or restore the file, then run migrate again"));
            return;
          }
          lane.validated.add(item);
        }
        lane.result = check.result();
        lane.checked = clock.instant();
        lane.validated.add(Item.END);
        ended = true;
        validating.finished(lane.table.sourceTable(), rows, bytes, Duration.ofNanos(System.nanoTime() - started));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException | Error e) {
        fail(e);
      } finally {
        if (!ended) {
          // The table's loader must never wait for a part that will not come, nor commit without it.
          lane.validated.add(Item.REJECTED);
        }
        checksDone.countDown();
      }
    }

    /** The import stage of one table: its open transaction takes each valid part, and commits after the last. */
    private void load(Lane lane, LoadSession session, Map<String, Long> committed) {
      long begun = System.nanoTime();
      try {
        TablePlan table = lane.table;
        if (committed.containsKey(table.targetTable())) {
          // An earlier run committed it: its parts are still validated (for the verdict), not loaded again.
          return;
        }
        loading.started(table.targetTable(), table.estimatedRows());
        // Rows and bytes of the parts COPY has taken: it asks for the next part once the previous one is sent.
        long[] sent = {0, 0};
        TableManifest.DataFile[] previous = {null};
        long rows = imports.load(table, () -> {
          if (previous[0] != null) {
            sent[0] += previous[0].rows();
            sent[1] += previous[0].bytes();
            loading.progressed(table.targetTable(), sent[0], sent[1]);
          }
          Item item = lane.validated.take();
          if (item == Item.REJECTED) {
            throw new ConvergeException(ErrorCode.VALIDATION, "table " + table.sourceTable() + ": not committed, its"
                + " files did not all pass validation");
          }
          previous[0] = item.file();
          return item == Item.END ? Optional.empty()
              : Optional.of(new Part(workDirectory.resolve(item.file().name()), item.file().rows(),
                  item.file().sha256()));
        }, table.estimatedRows(), 0, migrationId.get(), session, false);
        loading.finished(table.targetTable(), rows, sent[1], Duration.ofNanos(System.nanoTime() - begun));
        lane.rows = rows;
        lane.loaded = true;
        lane.loadTime = Duration.ofNanos(System.nanoTime() - begun);
        // Its sequences and statistics now, in its own lane, while other tables still load.
        session.settle(table.targetTable());
        lane.settled = true;
      } catch (RuntimeException | Error e) {
        fail(e);
      } finally {
        loadsDone.countDown();
      }
    }

    /** Once every table is exported and checked: the verdict {@code converge validate} would have saved. */
    private ValidateFilesReport recordVerdict() {
      List<TableValidation> tables = new ArrayList<>();
      Map<String, Duration> times = new LinkedHashMap<>();
      for (Lane lane : lanes.values()) {
        tables.add(lane.result);
        times.put(lane.table.sourceTable(), lane.checkTime);
      }
      ValidateFilesReport report = new ValidateFilesReport(exportReport.savedAs(), tables);
      validation.record(exportReport.savedAs(), exportReport.manifest(), report);
      Instant last = lanes.values().stream().map(lane -> lane.checked).max(Instant::compareTo).orElse(exportEnded);
      stages.validated(report, last.isBefore(exportEnded) ? exportEnded : last, times);
      return report;
    }

    private Map<String, Long> loadedRows() {
      Map<String, Long> loaded = new LinkedHashMap<>();
      lanes.values().stream().filter(lane -> lane.loaded).forEach(lane -> loaded.put(lane.table.targetTable(), lane.rows));
      return loaded;
    }

    /** Keeps the first failure (the cause; what it sets off in the other stages is not reported) and stops every stage. */
    private void fail(Throwable e) {
      RuntimeException cause = e instanceof RuntimeException runtime ? runtime
          : new ConvergeException(ErrorCode.INTERNAL, "the pipeline failed: " + e, e);
      if (failure.compareAndSet(null, cause)) {
        exporter.shutdownNow();
        checkers.shutdownNow();
        loaders.shutdownNow();
      }
    }

    private RuntimeException stopped() {
      RuntimeException first = failure.get();
      return first != null ? first : new ConvergeException(ErrorCode.IMPORT, "the pipeline stopped without a cause");
    }

    private boolean await(CountDownLatch latch) throws InterruptedException {
      while (!latch.await(50, TimeUnit.MILLISECONDS)) {
        if (failure.get() != null) {
          return false;
        }
      }
      return failure.get() == null;
    }
  }

  private static ExecutorService threads(String name, int count) {
    return Executors.newFixedThreadPool(count, runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
  }
}

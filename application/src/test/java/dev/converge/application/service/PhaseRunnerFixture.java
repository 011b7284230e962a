package dev.converge.application.service;


import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.port.in.ExportTablesUseCase;
import dev.converge.application.port.in.ImportTablesUseCase;
import dev.converge.application.port.in.PlanMigrationUseCase;
import dev.converge.application.port.in.ProvisionTargetUseCase;
import dev.converge.application.port.in.RollbackTargetUseCase;
import dev.converge.application.port.in.SyncTablesUseCase;
import dev.converge.application.port.in.TransferTablesUseCase;
import dev.converge.application.port.in.ValidateFilesUseCase;
import dev.converge.application.port.in.VerifyMigrationUseCase;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StoreRunJournalPort;
import dev.converge.application.session.MigrationSession;
import dev.converge.application.session.MigrationSessions;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.manifest.TableManifest;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseOutcome;
import dev.converge.domain.run.RunJournal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Hand-written fakes for the phase runners' tests: the journal, import journal and manifests in memory, a session of lambdas. */
abstract class PhaseRunnerFixture {

  static final ConnectionSettings SETTINGS = new ConnectionSettings(
      new DatabaseEndpoint("mysql.internal", 3306, "app", "migrator", "secret"),
      new DatabaseEndpoint("pg.internal", 5432, "app", "owner", "secret"), "public", Path.of("work"));

  /** The journal in memory, as the JSON file would hold it. */
  static final class Journals implements StoreRunJournalPort {
    RunJournal journal;

    @Override
    public Optional<RunJournal> load() {
      return Optional.ofNullable(journal);
    }

    @Override
    public void save(RunJournal saved) {
      journal = saved;
    }

    /** A journal in which {@code phases} succeeded, in order. */
    Journals with(Phase... phases) {
      RunJournal run = RunJournal.start("run-1", Instant.EPOCH, SETTINGS.source().describe(), SETTINGS.describeTarget());
      for (Phase phase : phases) {
        run = run.begin(phase, Instant.EPOCH, null, null).end(phase, Instant.EPOCH, PhaseOutcome.SUCCEEDED, 0, "", null,
            List.of());
      }
      journal = run;
      return this;
    }
  }

  /** A session whose use cases are the lambdas given; any other use fails the test. */
  static final class Session implements MigrationSession {
    ExportTablesUseCase export = command -> {
      throw new AssertionError("export");
    };
    ImportTablesUseCase load = command -> {
      throw new AssertionError("import");
    };
    PlanMigrationUseCase plan = command -> {
      throw new AssertionError("plan");
    };
    TransferTablesUseCase transfer = (command, stages) -> {
      throw new AssertionError("transfer");
    };
    VerifyMigrationUseCase verify = command -> {
      throw new AssertionError("verify");
    };
    boolean closed;

    @Override
    public PlanMigrationUseCase planMigration() {
      return plan;
    }

    @Override
    public ProvisionTargetUseCase provisionTarget() {
      throw new AssertionError("schema");
    }

    @Override
    public ExportTablesUseCase exportTables() {
      return export;
    }

    @Override
    public ValidateFilesUseCase validateFiles() {
      throw new AssertionError("validate runs on the work directory's own use case, not the session's");
    }

    @Override
    public ImportTablesUseCase importTables() {
      return load;
    }

    @Override
    public TransferTablesUseCase transferTables() {
      return transfer;
    }

    @Override
    public VerifyMigrationUseCase verifyMigration() {
      return verify;
    }

    @Override
    public RollbackTargetUseCase rollbackTarget() {
      throw new AssertionError("rollback");
    }

    @Override
    public SyncTablesUseCase syncTables() {
      throw new AssertionError("sync");
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  final Journals journals = new Journals();
  final InMemoryImports imports = new InMemoryImports();
  final List<StoreManifestPort.Stored> manifests = new ArrayList<>();
  final Session session = new Session();
  final AtomicInteger opened = new AtomicInteger();
  final MigrationSessions sessions = settings -> {
    opened.incrementAndGet();
    return session;
  };
  ValidateFilesUseCase validation = command -> {
    throw new AssertionError("validate");
  };

  StoreManifestPort manifestStore() {
    return new StoreManifestPort() {
      @Override
      public String save(Manifest manifest, String fileName) {
        throw new AssertionError("the runner never writes a manifest");
      }

      @Override
      public Optional<Stored> latest() {
        return manifests.isEmpty() ? Optional.empty() : Optional.of(manifests.get(manifests.size() - 1));
      }
    };
  }

  RunPhaseService service() {
    return new RunPhaseService(new RecordPhaseService(journals, Optional::empty, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)),
        journals, imports, manifestStore(), sessions, command -> validation.validate(command),
        failure -> failure instanceof ConvergeException converge ? 10 + converge.code().ordinal() : 70);
  }

  static Manifest manifest(String id, String... tables) {
    List<TableManifest> parts = new ArrayList<>();
    for (String table : tables) {
      parts.add(new TableManifest(table, table, List.of(), List.of(), 3, "c", "snap", null));
    }
    return new Manifest(id, "s", "t", "sf", "tf", Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:01:00Z"), true, parts);
  }
}

package dev.converge.application.service;

import dev.converge.application.port.in.RunStatusReport;
import dev.converge.application.port.in.ShowStatusCommand;
import dev.converge.application.port.in.ShowStatusUseCase;
import dev.converge.application.port.in.SourceCheck;
import dev.converge.application.port.out.ReachSourcePort;
import dev.converge.application.port.out.RecordImportPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StoreRunJournalPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.manifest.TableManifest;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.RunJournal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the run journal into a status: each table's latest outcome and the phase to run next; given a
 * source, compares the latest export with it now, as {@code import} does before loading. The
 * comparison is extra: a source that cannot be reached is said in the status, never a failure.
 */
public final class ShowStatusService implements ShowStatusUseCase {

  private final StoreRunJournalPort journals;
  private final StoreManifestPort manifests;
  private final ReachSourcePort sources;
  private final RecordImportPort imports;

  public ShowStatusService(StoreRunJournalPort journals, StoreManifestPort manifests, ReachSourcePort sources,
      RecordImportPort imports) {
    this.imports = Objects.requireNonNull(imports, "imports");
    this.journals = Objects.requireNonNull(journals, "journals");
    this.manifests = Objects.requireNonNull(manifests, "manifests");
    this.sources = Objects.requireNonNull(sources, "sources");
  }

  @Override
  public RunStatusReport status(ShowStatusCommand command) {
    Optional<RunJournal> journal = journals.load();
    return new RunStatusReport(journal, journal.map(RunJournal::tables).orElse(Map.of()),
        journal.map(RunJournal::next).orElse(Phase.PLAN), source(command));
  }

  private SourceCheck source(ShowStatusCommand command) {
    if (command.source() == null) {
      return new SourceCheck(SourceCheck.State.NOT_CHECKED, command.withoutSource());
    }
    Optional<Manifest> manifest;
    try {
      manifest = manifests.latest().map(StoreManifestPort.Stored::manifest);
    } catch (ConvergeException e) {
      return new SourceCheck(SourceCheck.State.UNKNOWN, "the manifest cannot be read, so nothing to compare: "
          + e.getMessage());
    }
    if (manifest.isEmpty()) {
      return new SourceCheck(SourceCheck.State.UNKNOWN, "no export in this work directory yet: nothing to compare");
    }
    // A table synced since the load is compared as its sync read it: the export's entry describes the pre-copy.
    Map<String, TableManifest> synced = imports.synced(manifest.get().migrationId());
    List<TableManifest> tables = manifest.get().tables().stream()
        .map(table -> synced.getOrDefault(table.sourceTable(), table)).toList();
    try {
      String subject = synced.isEmpty() ? "the export" : "what the target was loaded and synced from";
      SourceCheck check = sources.withSource(command.source(),
          position -> new StaleExports(position).check(tables, subject));
      return synced.isEmpty() ? check : new SourceCheck(check.state(), synced.size() + " of " + tables.size()
          + " table(s) synced after the export, compared as the latest sync read them: " + check.line());
    } catch (ConvergeException e) {
      return new SourceCheck(SourceCheck.State.UNREACHABLE, "the source could not be reached to compare the export"
          + " with: " + e.getMessage());
    }
  }
}

package dev.converge.application.service;

import dev.converge.application.port.out.ReadSourcePositionPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.manifest.SourcePosition;
import dev.converge.domain.manifest.TableManifest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the source moved since an export was read: the position each table of the manifest was
 * read at against the source's position now, narrowed, where the server can tell, to the tables it
 * saw written since (the position also moves for other databases of the same server). An export
 * whose tables moved is stale: its files no longer say what the source holds, so loading it, or
 * continuing it, would silently lose the changes.
 */
final class StaleExports {

  /** What a refusal tells the operator to do. */
  static final String HOW_TO_PROCEED = "export again (converge export --restart) or, for a rehearsal that may load old data, pass --reuse-stale-export";

  private final ReadSourcePositionPort source;

  StaleExports(ReadSourcePositionPort source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * One line saying what moved and since when, for {@code tables} of the manifest; empty when the
   * source did not move, or when no position was recorded or can be read (nothing to compare).
   */
  Optional<String> moved(List<TableManifest> tables) {
    List<TableManifest> recorded = tables.stream().filter(table -> table.sourcePosition() != null).toList();
    if (recorded.isEmpty()) {
      return Optional.empty();
    }
    Optional<SourcePosition> now = source.readSourcePosition();
    if (now.isEmpty()) {
      return Optional.empty();
    }
    List<TableManifest> moved = recorded.stream()
        .filter(table -> !table.sourcePosition().samePointAs(now.get())).toList();
    if (moved.isEmpty()) {
      return Optional.empty();
    }
    // The position is the server's: narrow it to the tables of this export the server saw written.
    Instant earliest = moved.stream().map(table -> Instant.parse(table.sourcePosition().readAt())).min(Instant::compareTo)
        .orElseThrow();
    Optional<Set<String>> written = source.tablesWrittenSince(earliest,
        moved.stream().map(TableManifest::sourceTable).toList());
    List<TableManifest> stale = written.map(names -> moved.stream()
        .filter(table -> names.contains(table.sourceTable())).toList()).orElse(moved);
    if (stale.isEmpty()) {
      return Optional.empty();
    }
    SourcePosition then = stale.stream().map(TableManifest::sourcePosition)
        .min(java.util.Comparator.comparing(SourcePosition::readAt)).orElseThrow();
    String which = stale.size() == tables.size() ? "all " + stale.size() + " table(s)"
        : stale.size() + " of " + tables.size() + " table(s) (" + String.join(", ",
            stale.stream().limit(5).map(TableManifest::sourceTable).toList()) + (stale.size() > 5 ? ", …" : "") + ")";
    return Optional.of("the source moved since the export was read at " + then.readAt() + " (" + which
        + (written.isPresent() ? " written since" : "") + "): " + then.kind().label() + " " + then.shortValue()
        + " then, " + (now.get().kind() == then.kind() ? "" : now.get().kind().label() + " ") + now.get().shortValue()
        + " now");
  }

  /** {@link #moved} of the whole manifest. */
  Optional<String> moved(Manifest manifest) {
    return moved(manifest.tables());
  }

  /**
   * Refuses a stale export (a validation failure: the files no longer match their source) unless told
   * to reuse it; returns the line to report when it was reused anyway.
   */
  Optional<String> refuseIfMoved(List<TableManifest> tables, boolean reuseStale, String use) {
    Optional<String> moved = moved(tables);
    if (moved.isPresent() && !reuseStale) {
      throw new ConvergeException(ErrorCode.VALIDATION, "refusing to " + use + " a stale export: " + moved.get()
          + "; " + HOW_TO_PROCEED);
    }
    return moved;
  }
}

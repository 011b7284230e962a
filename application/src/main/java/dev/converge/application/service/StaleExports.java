package dev.converge.application.service;

import dev.converge.application.port.in.SourceCheck;
import dev.converge.application.port.out.ReadSourcePositionPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.manifest.SourcePosition;
import dev.converge.domain.manifest.TableFingerprint;
import dev.converge.domain.manifest.TableManifest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the source moved since an export was read: the position each table of the manifest was
 * read at against the source's position now, narrowed, where the server can tell, to the tables it
 * saw written since (the position also moves for other databases of the same server); on a source
 * that keeps no position, each table's fingerprint (row count, latest updated date). An export
 * whose tables moved is stale: its files no longer say what the source holds, so loading it, or
 * continuing it, would silently lose the changes.
 */
final class StaleExports {

  /** What a refusal tells the operator to do. */
  static final String HOW_TO_PROCEED = "export again (converge export --restart) or, for a rehearsal that may load old data, pass --reuse-stale-export";

  /** Tables named in one line. */
  private static final int NAMED = 5;

  private final ReadSourcePositionPort source;

  StaleExports(ReadSourcePositionPort source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * One line saying what moved and since when, for {@code tables} of the manifest; empty when the
   * source did not move, or when nothing was recorded or can be read now (nothing to compare).
   */
  Optional<String> moved(List<TableManifest> tables) {
    SourceCheck check = check(tables);
    return check.state() == SourceCheck.State.MOVED ? Optional.of(check.line()) : Optional.empty();
  }

  /**
   * {@code tables} compared with the source now: by the position each was read at when the manifest
   * holds one, else by its fingerprint (row count and latest updated date, read again now: a scan per
   * table). Fails as the port does when the source cannot be read.
   */
  SourceCheck check(List<TableManifest> tables) {
    return check(tables, "the export");
  }

  /** As {@link #check(List)}, saying {@code subject} is current when it is (e.g. what a sync made the target). */
  SourceCheck check(List<TableManifest> tables, String subject) {
    List<TableManifest> positioned = tables.stream().filter(table -> table.sourcePosition() != null).toList();
    List<TableManifest> fingerprinted = tables.stream()
        .filter(table -> table.sourcePosition() == null && table.fingerprint() != null).toList();
    if (positioned.isEmpty() && fingerprinted.isEmpty()) {
      return new SourceCheck(SourceCheck.State.UNKNOWN, tables.isEmpty() ? "no table exported yet: nothing to compare"
          : "the manifest records neither a source position nor table fingerprints (an export made before converge"
              + " recorded them): nothing to compare");
    }
    List<SourceCheck> found = new ArrayList<>();
    if (!positioned.isEmpty()) {
      found.add(byPosition(positioned, tables.size()));
    }
    if (!fingerprinted.isEmpty()) {
      found.add(byFingerprint(fingerprinted, tables.size()));
    }
    for (SourceCheck.State state : List.of(SourceCheck.State.MOVED, SourceCheck.State.UNKNOWN)) {
      List<String> lines = found.stream().filter(check -> check.state() == state).map(SourceCheck::line).toList();
      if (!lines.isEmpty()) {
        return new SourceCheck(state, String.join("; ", lines));
      }
    }
    return new SourceCheck(SourceCheck.State.CURRENT, subject + " is current: " + String.join("; ",
        found.stream().map(SourceCheck::line).toList()));
  }

  private SourceCheck byPosition(List<TableManifest> recorded, int all) {
    Optional<SourcePosition> now = source.readSourcePosition();
    if (now.isEmpty()) {
      return new SourceCheck(SourceCheck.State.UNKNOWN, "the export recorded the source's "
          + recorded.get(0).sourcePosition().kind().label() + ", but the source keeps no position now (binary log"
          + " off, or the login may not read it): nothing to compare");
    }
    List<TableManifest> moved = recorded.stream()
        .filter(table -> !table.sourcePosition().samePointAs(now.get())).toList();
    if (moved.isEmpty()) {
      return new SourceCheck(SourceCheck.State.CURRENT, "the source is at the " + now.get().kind().label()
          + " the export was read at (" + now.get().shortValue() + ")");
    }
    // The position is the server's: narrow it to the tables of this export the server saw written.
    Instant earliest = moved.stream().map(table -> table.sourcePosition().readAt()).min(Instant::compareTo)
        .orElseThrow();
    Optional<Set<String>> written = source.tablesWrittenSince(earliest,
        moved.stream().map(TableManifest::sourceTable).toList());
    List<TableManifest> stale = written.map(names -> moved.stream()
        .filter(table -> names.contains(table.sourceTable())).toList()).orElse(moved);
    if (stale.isEmpty()) {
      return new SourceCheck(SourceCheck.State.CURRENT, "the source's " + now.get().kind().label() + " moved since"
          + " the export, but none of its tables was written since (other databases of the server were)");
    }
    SourcePosition then = stale.stream().map(TableManifest::sourcePosition)
        .min(java.util.Comparator.comparing(SourcePosition::readAt)).orElseThrow();
    return new SourceCheck(SourceCheck.State.MOVED, "the source moved since the export was read at " + then.readAt()
        + " (" + which(stale, all) + (written.isPresent() ? " written since" : "") + "): " + then.kind().label() + " "
        + then.shortValue() + " then, " + (now.get().kind() == then.kind() ? "" : now.get().kind().label() + " ")
        + now.get().shortValue() + " now");
  }

  /**
   * Each table's row count and latest updated date now against the export's. Blind to what leaves
   * both alone, which the line says whenever this is all there is to go by.
   */
  private SourceCheck byFingerprint(List<TableManifest> recorded, int all) {
    List<String> changes = new ArrayList<>();
    List<TableManifest> moved = new ArrayList<>();
    for (TableManifest table : recorded) {
      TableFingerprint then = table.fingerprint();
      Optional<TableFingerprint> now = source.readFingerprint(table.sourceTable(), then.updatedColumn());
      if (now.isEmpty()) {
        return new SourceCheck(SourceCheck.State.UNKNOWN, "the export recorded table fingerprints, but this source"
            + " cannot read them now: nothing to compare");
      }
      if (!then.sameAs(now.get())) {
        moved.add(table);
        changes.add(table.sourceTable() + " " + then.describe() + " then, " + now.get().describe() + " now");
      }
    }
    boolean countOnly = recorded.stream().allMatch(table -> table.fingerprint().updatedColumn() == null);
    String blind = "by fingerprint only, as the source kept no readable binary log or GTIDs at the export: a change"
        + " that leaves a table's row count"
        + (countOnly ? "" : " and latest updated date") + " alone is not seen";
    if (moved.isEmpty()) {
      return new SourceCheck(SourceCheck.State.CURRENT, "every table has the row count" + (countOnly ? ""
          : " and latest updated date") + " the export read (" + blind + ")");
    }
    Instant since = moved.stream().map(table -> table.fingerprint().readAt()).min(Instant::compareTo).orElseThrow();
    return new SourceCheck(SourceCheck.State.MOVED, "the source moved since the export was read at " + since + " ("
        + which(moved, all) + ", " + blind + "): " + String.join("; ", changes.subList(0, Math.min(NAMED, changes.size())))
        + (changes.size() > NAMED ? "; and " + (changes.size() - NAMED) + " more" : ""));
  }

  /** {@code all 3 table(s)} or {@code 2 of 23 table(s) (profile, user)}. */
  private static String which(List<TableManifest> tables, int all) {
    return tables.size() == all ? "all " + all + " table(s)" : tables.size() + " of " + all + " table(s) ("
        + String.join(", ", tables.stream().limit(NAMED).map(TableManifest::sourceTable).toList())
        + (tables.size() > NAMED ? ", …" : "") + ")";
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

package dev.converge.adapter.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.manifest.SourcePosition;
import dev.converge.domain.manifest.TableFingerprint;
import dev.converge.domain.manifest.TableManifest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonImportJournalAdapterTest {

  @TempDir Path workDirectory;

  @Test
  void syncedTablesReadBackEqualPerExportAndAreForgottenWithTheExportsCommits() {
    TableManifest positioned = new TableManifest("space", "space", List.of(new TableManifest.Column("id", "id", "uuid",
        ConversionKind.values()[0])), List.of(), 12, "0123456789abcdef0123456789abcdef", "synced at 2026-12-03T07:00:00Z",
        new SourcePosition(SourcePosition.Kind.BINARY_LOG, "binlog.000002:1234", Instant.parse("2026-12-03T07:00:00Z")), null, 1, 2, 0);
    TableManifest fingerprinted = new TableManifest("user", "user", List.of(), List.of(), 3,
        "fedcba9876543210fedcba9876543210", "synced at 2026-12-03T07:00:00Z", null,
        new TableFingerprint(3, "updatedDate", "2026-12-03 06:59:59", Instant.parse("2026-12-03T07:00:00Z")), 0, 0, 0);
    JsonImportJournalAdapter journal = new JsonImportJournalAdapter(workDirectory);
    journal.markCommitted("m-1", "space", 10);
    journal.markSynced("m-1", List.of(positioned));
    journal.markSynced("m-1", List.of(fingerprinted));
    journal.markSynced("m-2", List.of(fingerprinted));

    JsonImportJournalAdapter reopened = new JsonImportJournalAdapter(workDirectory);
    assertEquals(Map.of("space", positioned, "user", fingerprinted), reopened.synced("m-1"));
    assertEquals(Map.of("space", 10L), reopened.committed("m-1"), "the import journal's format is unchanged");

    reopened.forget("m-1");
    assertEquals(Map.of(), reopened.synced("m-1"), "a rollback or --restart forgets what was synced");
    assertEquals(Map.of(), reopened.committed("m-1"));
    assertEquals(Map.of("user", fingerprinted), reopened.synced("m-2"), "other exports keep theirs");
  }
}

package dev.converge.application.service;

import dev.converge.application.port.in.VerifyMigrationCommand;
import dev.converge.application.port.in.VerifyMigrationReport;
import dev.converge.application.port.in.VerifyMigrationReport.Check;
import dev.converge.application.port.in.VerifyMigrationUseCase;
import dev.converge.application.port.out.CheckTargetIntegrityPort;
import dev.converge.application.port.out.CountSourceRowsPort;
import dev.converge.application.port.out.InspectTargetPort;
import dev.converge.application.port.out.ReadChecklistPort;
import dev.converge.application.port.out.ReadSourcePositionPort;
import dev.converge.application.port.out.ReadTableFilesPort;
import dev.converge.application.port.out.ReadTargetRowsPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.application.port.out.RunChecklistQueryPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.application.port.out.WriteReportPort;
import dev.converge.domain.failure.CheckQueryFailedException;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.CanonicalForm;
import dev.converge.domain.manifest.ContentChecksum;
import dev.converge.domain.manifest.KeyHashSet;
import dev.converge.domain.manifest.KeyedDifferences;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.manifest.TableManifest;
import dev.converge.domain.plan.ColumnPlan;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.schema.ForeignKey;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import dev.converge.domain.verification.CheckResult;
import dev.converge.domain.verification.Checklist;
import dev.converge.domain.verification.ChecklistCheck;
import dev.converge.domain.verification.Expectation;
import dev.converge.domain.verification.OffendingRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Verifies a migration against its manifest: per table, source rows = manifest rows = target rows
 * and the content checksum recomputed from the target's own output equals the export's; every
 * target foreign key of a loaded table has no orphans; every serial/identity sequence is past its
 * column; then every check of the operator's checklists. Writes the report (Markdown and JSON)
 * into the work directory.
 */
public final class VerifyMigrationService implements VerifyMigrationUseCase {

  private final StorePlanPort plans;
  private final StoreManifestPort manifests;
  private final CountSourceRowsPort sourceCounts;
  private final InspectTargetPort target;
  private final ReadTargetRowsPort targetRows;
  private final ReadTargetSchemaPort targetSchema;
  private final CheckTargetIntegrityPort integrity;
  private final WriteReportPort reports;
  private final ReadTableFilesPort files;
  private final ReadChecklistPort checklists;
  private final RunChecklistQueryPort queries;
  private final StaleExports staleExports;

  public VerifyMigrationService(StorePlanPort plans, StoreManifestPort manifests, CountSourceRowsPort sourceCounts,
      InspectTargetPort target, ReadTargetRowsPort targetRows, ReadTargetSchemaPort targetSchema,
      CheckTargetIntegrityPort integrity, WriteReportPort reports, ReadTableFilesPort files,
      ReadChecklistPort checklists, RunChecklistQueryPort queries, ReadSourcePositionPort sourcePosition) {
    this.plans = Objects.requireNonNull(plans, "plans");
    this.manifests = Objects.requireNonNull(manifests, "manifests");
    this.sourceCounts = Objects.requireNonNull(sourceCounts, "sourceCounts");
    this.target = Objects.requireNonNull(target, "target");
    this.targetRows = Objects.requireNonNull(targetRows, "targetRows");
    this.targetSchema = Objects.requireNonNull(targetSchema, "targetSchema");
    this.integrity = Objects.requireNonNull(integrity, "integrity");
    this.reports = Objects.requireNonNull(reports, "reports");
    this.files = Objects.requireNonNull(files, "files");
    this.checklists = Objects.requireNonNull(checklists, "checklists");
    this.queries = Objects.requireNonNull(queries, "queries");
    this.staleExports = new StaleExports(sourcePosition);
  }

  @Override
  public VerifyMigrationReport verify(VerifyMigrationCommand command) {
    MigrationPlan plan = plans.load().orElseThrow(() -> new ConvergeException(ErrorCode.CONFIGURATION,
        "there is no plan in the work directory; nothing to verify"));
    Manifest manifest = manifests.latest().filter(stored -> stored.manifest().complete())
        .orElseThrow(() -> new ConvergeException(ErrorCode.CONFIGURATION, "there is no finished export to verify against"))
        .manifest();
    // Read before the long checks run: a broken checklist is a configuration error, found at once.
    List<Checklist> lists = command.checklists().stream().map(checklists::read).toList();
    requireKnownAliases(lists, command.databases());
    List<Check> checks = new ArrayList<>();
    Map<String, Long> source = sourceCounts.countRows(plan.tables().stream().map(TablePlan::sourceTable).toList());
    Map<String, Long> loaded = target.countRows(plan.tables().stream().map(TablePlan::targetTable).toList());
    for (TablePlan table : plan.tables()) {
      TableManifest exported = manifest.table(table.sourceTable()).orElse(null);
      if (exported == null) {
        checks.add(new Check("row count", table.targetTable(), false, "the manifest has no entry for this table"));
        continue;
      }
      long sourceRows = source.getOrDefault(table.sourceTable(), -1L);
      long targetRows = loaded.getOrDefault(table.targetTable(), -1L);
      checks.add(new Check("row count", table.targetTable(), sourceRows == exported.rows() && exported.rows() == targetRows,
          "source " + sourceRows + ", manifest " + exported.rows() + ", target " + targetRows));
      String checksum = checksum(table);
      boolean same = checksum.equals(exported.contentChecksum());
      checks.add(new Check("content checksum", table.targetTable(), same,
          "target " + checksum + ", export " + exported.contentChecksum()
              + (same ? "" : "; " + differences(table, exported, command.examples()))));
    }
    TargetSchema schema = targetSchema.readTargetSchema();
    for (TablePlan table : plan.tables()) {
      TargetTable found = schema.table(table.targetTable()).orElseThrow();
      for (ForeignKey foreignKey : found.foreignKeys()) {
        CheckTargetIntegrityPort.Orphans orphans = integrity.orphans(table.targetTable(), foreignKey, command.examples());
        checks.add(new Check("foreign key " + foreignKey.name(), table.targetTable(), orphans.rows() == 0,
            orphans.rows() == 0 ? "no orphans" : orphans.rows() + " orphan(s), e.g. " + String.join("; ", orphans.examples())));
      }
      for (ColumnPlan column : table.columns()) {
        if (column.target().sequence() != null) {
          CheckTargetIntegrityPort.SequenceState state = integrity.sequence(table.targetTable(), column.target().name(),
              column.target().sequence());
          checks.add(new Check("sequence " + column.target().sequence(), table.targetTable(), state.pastMaximum(),
              "next value " + state.nextValue() + ", column maximum " + state.maximum()));
        }
      }
    }
    List<ChecklistRun> runs = new ArrayList<>();
    for (Checklist list : lists) {
      for (ChecklistCheck check : list.checks()) {
        CheckResult result = run(list, check, command);
        runs.add(new ChecklistRun(check, result));
        checks.add(new Check(check.name(), "checklist " + list.name(), result.passed(), result.detail()));
      }
    }
    List<CheckResult> results = runs.stream().map(ChecklistRun::result).toList();
    String stale = staleExports.moved(manifest).orElse(null);
    String markdown = markdown(manifest, checks, runs);
    if (stale != null) {
      // Under the title, above the verdict: the verdict is about the export, which the source has moved past.
      int underTitle = markdown.indexOf("\n\n") + 2;
      markdown = markdown.substring(0, underTitle) + "> **Stale export:** " + stale
          + " — the checks below compare the target with the export, not with the source as it is now.\n\n"
          + markdown.substring(underTitle);
    }
    String savedAs = reports.write("verification_report", markdown,
        new VerifyMigrationReport(manifest.migrationId(), checks, results, null, stale));
    return new VerifyMigrationReport(manifest.migrationId(), checks, results, savedAs, stale);
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
        columns = queries.query(database, check.sql(), command.checkTimeout(), offending::add);
        passed = offending.count() == 0;
      }
      return new CheckResult(list.name(), check.name(), check.description(), check.database(), expect.keyword(),
          expect.describe(), passed, offending.count(), columns, offending.examples(), null);
    } catch (CheckQueryFailedException e) {
      return CheckResult.failedQuery(list.name(), check,
          "SQLSTATE " + e.sqlState() + " on database " + e.database() + ": " + e.serverMessage());
    }
  }

  /** The database an alias names: null for the target itself, else the command line's choice or the checklist's. */
  private static String database(Checklist list, String alias, VerifyMigrationCommand command) {
    if (alias.equals(Checklist.TARGET)) {
      return null;
    }
    return command.databases().getOrDefault(alias, list.databases().get(alias));
  }

  /** The export's checksum, recomputed from what the target holds, in the same canonical form. */
  private String checksum(TablePlan table) {
    List<UnaryOperator<String>> canonical = table.columns().stream().map(c -> CanonicalForm.of(c.target())).toList();
    ContentChecksum checksum = new ContentChecksum();
    String[] canonicalValues = new String[canonical.size()];
    List<String> row = Arrays.asList(canonicalValues);
    targetRows.streamRows(table.targetTable(), table.columns().stream().map(c -> c.target().name()).toList(), values -> {
      for (int i = 0; i < values.length; i++) {
        canonicalValues[i] = canonical.get(i).apply(values[i]);
      }
      checksum.add(row);
    });
    return checksum.hex();
  }

  /** The first rows that differ between the export's files and the target, by primary key. */
  private String differences(TablePlan table, TableManifest exported, int limit) {
    List<ColumnPlan> columns = table.columns();
    int[] key = columns.stream().filter(c -> table.primaryKey().contains(c.target().name())).mapToInt(columns::indexOf)
        .toArray();
    if (key.length == 0) {
      return "the table has no primary key to name the differing rows by";
    }
    List<UnaryOperator<String>> canonical = columns.stream().map(c -> CanonicalForm.of(c.target())).toList();
    List<String> names = columns.stream().map(c -> c.target().name()).toList();
    KeyedDifferences.Buckets exportBuckets = new KeyedDifferences.Buckets();
    KeyedDifferences.Buckets targetBuckets = new KeyedDifferences.Buckets();
    readBoth(table, exported, canonical, key, exportBuckets::add, targetBuckets::add);
    java.util.Set<Integer> differing = exportBuckets.differingFrom(targetBuckets);
    // Enough buckets for the examples asked for; each holds about 1/1024 of the table.
    java.util.Set<Integer> examined = differing.stream().limit(Math.max(1, limit)).collect(java.util.stream.Collectors.toSet());
    KeyedDifferences.Rows exportRows = new KeyedDifferences.Rows(examined);
    KeyedDifferences.Rows targetRows = new KeyedDifferences.Rows(examined);
    readBoth(table, exported, canonical, key, exportRows::add, targetRows::add);
    List<KeyedDifferences.Difference> found = KeyedDifferences.between(exportRows, targetRows, names, limit);
    List<String> keyNames = Arrays.stream(key).mapToObj(names::get).toList();
    return "first differing rows: " + found.stream()
        .map(d -> String.join(",", keyNames) + "=" + String.join(",", d.key()) + " (" + d.what() + ")")
        .collect(java.util.stream.Collectors.joining("; "));
  }

  /** Streams the export's files and the target's table, canonical, handing (key, row) to each side's sink. */
  private void readBoth(TablePlan table, TableManifest exported, List<UnaryOperator<String>> canonical, int[] key,
      java.util.function.BiConsumer<List<String>, List<String>> fromExport,
      java.util.function.BiConsumer<List<String>, List<String>> fromTarget) {
    java.util.function.Function<String[], List<String>> canonicalRow = values -> {
      List<String> row = new java.util.ArrayList<>(values.length);
      for (int i = 0; i < values.length; i++) {
        row.add(canonical.get(i).apply(values[i]));
      }
      return row;
    };
    java.util.function.Function<List<String>, List<String>> keyOf = row -> Arrays.stream(key).mapToObj(row::get).toList();
    for (TableManifest.DataFile file : exported.files()) {
      files.forEachRow(file.name(), read -> {
        List<String> row = canonicalRow.apply(read.values());
        fromExport.accept(keyOf.apply(row), row);
      });
    }
    targetRows.streamRows(table.targetTable(), table.columns().stream().map(c -> c.target().name()).toList(), values -> {
      List<String> row = canonicalRow.apply(values);
      fromTarget.accept(keyOf.apply(row), row);
    });
  }

  private static String markdown(Manifest manifest, List<Check> checks, List<ChecklistRun> runs) {
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
    if (!runs.isEmpty()) {
      text.append("\n## Checklist\n");
    }
    for (ChecklistRun run : runs) {
      CheckResult result = run.result();
      text.append("\n### ").append(result.checklist()).append(" / ").append(result.name()).append(": ")
          .append(result.passed() ? "PASS" : "**FAIL**").append("\n\n");
      if (!result.description().isEmpty()) {
        text.append(result.description()).append("\n\n");
      }
      text.append("- database: `").append(result.database()).append("`\n- expected: ").append(result.expectation())
          .append("\n- result: ").append(result.detail()).append("\n\n```sql\n").append(run.check().sql().strip())
          .append("\n```\n");
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

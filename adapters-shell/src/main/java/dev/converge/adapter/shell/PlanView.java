package dev.converge.adapter.shell;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.type.TargetType;
import dev.converge.domain.plan.Blocker;
import dev.converge.domain.plan.ColumnPlan;
import dev.converge.domain.plan.DirtyRule;
import dev.converge.domain.plan.ExcludedTable;
import dev.converge.domain.plan.Finding;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.SkippedColumn;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.schema.NameMatch;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Prints a plan for the operator: one line per table, then exclusions, findings and blockers. */
final class PlanView {

  private PlanView() {}

  static void print(MigrationPlan plan, PrintWriter out) {
    out.printf("Plan: %s (%s) → %s (PostgreSQL %s), foreign keys: %s%n", plan.sourceDatabase(), plan.sourceVersion(),
        plan.targetSchema(), plan.targetVersion(), plan.foreignKeyStrategy().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    int width = Math.max(5, plan.tables().stream().mapToInt(t -> t.sourceTable().length()).max().orElse(5));
    out.printf("%-" + width + "s  %5s  %12s  %9s  %7s  %s%n", "table", "level", "est. rows", "existing", "columns",
        "conversions");
    for (TablePlan table : plan.tables()) {
      String name = table.sourceTable().equals(table.targetTable()) ? table.sourceTable()
          : table.sourceTable() + " → " + table.targetTable();
      String level = table.level() + (table.inCycle() ? "c" : "") + (table.selfReferencing() ? "s" : "");
      String existing = table.existingRows() == 0 ? "-"
          : table.existingRows() + " " + table.existingRowsHandling().name().toLowerCase(Locale.ROOT).replace('_', '-');
      out.printf("%-" + width + "s  %5s  %12d  %9s  %7d  %s%n", name, level, table.estimatedRows(), existing,
          table.columns().size(), conversions(table.columns()));
    }
    out.println("(level: load order; c = in a foreign-key cycle, s = references itself)");
    for (TablePlan table : plan.tables()) {
      if (table.primaryKey().isEmpty()) {
        out.printf("  %s note: no primary key — sync compares it whole and reloads it whole when it differs%n",
            table.targetTable());
      }
      for (SkippedColumn skipped : table.skippedSourceColumns()) {
        out.printf("  %s.%s not copied: %s%n", table.sourceTable(), skipped.column(), skipped.reason());
      }
      for (SkippedColumn defaulted : table.defaultedTargetColumns()) {
        out.printf("  %s.%s not loaded: %s%n", table.targetTable(), defaulted.column(), defaulted.reason());
      }
      for (ColumnPlan column : table.columns()) {
        if (NameMatch.onlyIgnoringUnderscores(column.source().name(), column.target().name())) {
          out.printf("  %s.%s → %s: matched ignoring case and underscores%n", table.sourceTable(),
              column.source().name(), column.target().name());
        }
        TargetType.of(column.target()).caveat(column.conversion()).ifPresent(caveat ->
            out.printf("  %s.%s note: %s%n", table.targetTable(), column.target().name(), caveat));
        ValuePolicies applied = column.policies().appliedBy(column.conversion());
        if (!applied.equals(ValuePolicies.STRICT)) {
          out.printf("  %s.%s policies: %s%n", table.sourceTable(), column.source().name(), policies(applied));
        }
      }
    }
    if (!plan.excluded().isEmpty()) {
      out.println("Never copied:");
      for (ExcludedTable excluded : plan.excluded()) {
        out.printf("  %s — %s%n", excluded.table(), excluded.reason());
      }
    }
    List<Finding> found = plan.findings().stream().filter(f -> f.rows() > 0 || !f.completed()).toList();
    out.printf("Foreign-key orphans: %d check(s), %d finding(s)%n", plan.findings().size(), found.size());
    for (Finding finding : found) {
      out.printf("  %s %s%n", finding.blocking() ? "✗" : "•", finding.describe());
    }
    if (plan.hasBlockers()) {
      out.printf("Blockers: %d%n", plan.blockers().size());
      for (Blocker blocker : plan.blockers()) {
        out.printf("  ✗ %s%n", blocker);
      }
    } else {
      out.println("Blockers: none");
    }
    out.flush();
  }

  /**
   * The data scan in one line: rows read, dirty rows and where each is listed by key (the blockers
   * above already show each rule's count, first keys and fix).
   */
  static void printDirtyRows(List<DirtyRule> rules, long scannedRows, String files, PrintWriter out) {
    printDirtyRows(rules, scannedRows, files, dev.converge.domain.plan.RowDecisions.NONE, out);
  }

  /** As above, then the operator's decisions and the dirty rows each sets aside (their children follow at export). */
  static void printDirtyRows(List<DirtyRule> rules, long scannedRows, String files,
      dev.converge.domain.plan.RowDecisions decisions, PrintWriter out) {
    List<DirtyRule> merged = rules.stream().filter(rule -> dev.converge.domain.plan.RowDecisions.codeOf(rule.rule())
        .equals(dev.converge.domain.plan.RowDecisions.MERGED)).toList();
    List<DirtyRule> refused = rules.stream().filter(rule -> !merged.contains(rule)).toList();
    long dirty = refused.stream().mapToLong(DirtyRule::rows).sum();
    out.printf("Data scan: %d row(s) read, %d dirty row(s)%s%n", scannedRows, dirty,
        dirty == 0 ? "" : " under " + refused.size() + " rule(s), every one by key in " + files);
    for (DirtyRule rule : merged) {
      // Decided by --existing-rows merge-by-primary-key: shown, never a blocker.
      out.printf("  • %s.%s: %d value(s) differ where the target already holds the row's primary key"
          + " (merge-by-primary-key): the target's row stays, the source's is not loaded; key%s %s%s (all in %s,"
          + " recorded in changes.csv at export)%n", rule.table(), rule.column(), rule.rows(),
          rule.rows() == 1 ? "" : "s", String.join(" | ", rule.firstKeys()),
          rule.rows() > rule.firstKeys().size() ? " | …" : "", files);
    }
    if (!decisions.isEmpty()) {
      long decided = rules.stream().filter(rule -> decisions.quarantines(rule.table(),
          dev.converge.domain.plan.RowDecisions.codeOf(rule.rule()))).mapToLong(DirtyRule::rows).sum();
      out.printf("Decisions: %s; %d dirty row(s) will be quarantined (with their children under the target's"
          + " foreign keys), every change listed in changes.csv at export%n", String.join(", ", decisions.describe()),
          decided);
    }
    out.flush();
  }

  /** The policies that differ from reject, e.g. "zero-dates: null, nul-bytes: strip". */
  private static String policies(ValuePolicies policies) {
    List<String> chosen = new java.util.ArrayList<>();
    if (policies.booleans() != ValuePolicies.BooleanPolicy.REJECT) {
      chosen.add("booleans: " + name(policies.booleans()));
    }
    if (policies.zeroDates() != ValuePolicies.ZeroDatePolicy.REJECT) {
      chosen.add("zero-dates: " + name(policies.zeroDates()));
    }
    if (policies.nulBytes() != ValuePolicies.NulBytePolicy.REJECT) {
      chosen.add("nul-bytes: " + name(policies.nulBytes()));
    }
    if (policies.overlong() != ValuePolicies.OverlongPolicy.REJECT) {
      chosen.add("overlong: " + name(policies.overlong()));
    }
    if (policies.invalidUuids() != ValuePolicies.InvalidUuidPolicy.REJECT) {
      chosen.add("invalid-uuids: " + name(policies.invalidUuids()));
    }
    return String.join(", ", chosen);
  }

  private static String name(Enum<?> choice) {
    return choice.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** e.g. "3 char36→uuid, 2 datetime→timestamptz" — counts per conversion kind. */
  private static String conversions(List<ColumnPlan> columns) {
    Map<ConversionKind, Long> counts = new TreeMap<>(columns.stream()
        .collect(Collectors.groupingBy(ColumnPlan::conversion, Collectors.counting())));
    return counts.entrySet().stream()
        .map(entry -> entry.getValue() + " " + entry.getKey().name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .collect(Collectors.joining(", "));
  }
}

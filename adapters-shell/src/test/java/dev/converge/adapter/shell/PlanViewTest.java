package dev.converge.adapter.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.MigrationPlanner;
import dev.converge.domain.plan.PlanSettings;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.SourceTable;
import dev.converge.domain.schema.TargetColumn;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The printed plan: a note on every json column fed from MySQL JSON, whose key order MySQL decided. */
class PlanViewTest {

  @Test
  void everyJsonColumnFedFromMySqlJsonIsNotedAndNoJsonbOrTextFedColumn() {
    SourceSchema source = new SourceSchema("app", "8.0.31", List.of(
        new SourceTable("profile", List.of(source("id", 1, "int"), source("settings", 2, "json"),
            source("extra", 3, "json"), source("raw", 4, "text")), List.of("id"), List.of(), List.of(), 10),
        new SourceTable("audit", List.of(source("id", 1, "int"), source("payload", 2, "json")), List.of("id"),
            List.of(), List.of(), 10)));
    TargetSchema target = new TargetSchema("public", "17.5", List.of(
        new TargetTable("profile", List.of(target("id", 1, "int4"), target("settings", 2, "json"),
            target("extra", 3, "jsonb"), target("raw", 4, "json")), List.of("id"), List.of(), List.of(), List.of(),
            List.of()),
        new TargetTable("audit", List.of(target("id", 1, "int4"), target("payload", 2, "json")), List.of("id"),
            List.of(), List.of(), List.of(), List.of())));
    MigrationPlan plan = new MigrationPlanner(PlanSettings.defaults()).plan(source, target, Map.of(), true);
    StringWriter printed = new StringWriter();
    PlanView.print(plan, new PrintWriter(printed));
    List<String> notes = printed.toString().lines().filter(line -> line.contains("key order")).toList();
    assertEquals(2, notes.size(), printed.toString());
    for (String column : List.of("profile.settings", "audit.payload")) {
      assertTrue(notes.stream().anyMatch(line -> line.equals("  " + column + " note: json keeps MySQL's key order"
          + " (MySQL's JSON type sorts object keys, shorter first), not the order the application once wrote")),
          column + ": " + notes);
    }
  }

  private static SourceColumn source(String name, int position, String type) {
    return new SourceColumn(name, position, type, type, !name.equals("id"), null, null, null, null, false, false, false,
        null, List.of());
  }

  private static TargetColumn target(String name, int position, String type) {
    return new TargetColumn(name, position, type, type, null, null, null, !name.equals("id"), false, false, null, false,
        List.of(), false);
  }
}

package dev.converge.domain.failure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Foreign keys dropped for the load could not be re-created: rows of their tables point at parents
 * that do not exist. Names each constraint, its table, the parent table and a few orphan keys.
 */
public final class ForeignKeyOrphansException extends ConvergeException {

  private final List<Orphans> orphans;

  public ForeignKeyOrphansException(List<Orphans> orphans, String hint) {
    super(ErrorCode.IMPORT, message(orphans, hint));
    this.orphans = List.copyOf(orphans);
  }

  public List<Orphans> orphans() {
    return orphans;
  }

  private static String message(List<Orphans> orphans, String hint) {
    return "cannot re-create " + orphans.size() + " foreign key(s): "
        + orphans.stream().map(o -> "constraint " + o.constraint() + " on table " + o.table() + ": rows with "
            + o.columns() + " missing in " + o.referencedTable() + ", e.g. " + String.join(", ", o.examples()))
            .collect(Collectors.joining("; "))
        + "; " + hint;
  }

  /**
   * One constraint's orphans.
   *
   * @param examples a few orphan keys as {@code (value, …)}
   */
  public record Orphans(String constraint, String table, List<String> columns, String referencedTable,
      List<String> examples) {
    public Orphans {
      Objects.requireNonNull(constraint, "constraint");
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      Objects.requireNonNull(referencedTable, "referencedTable");
      examples = List.copyOf(examples);
    }
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    List<Map<String, Object>> constraints = new ArrayList<>();
    for (Orphans each : orphans) {
      Map<String, Object> constraint = new LinkedHashMap<>();
      constraint.put("constraint", each.constraint());
      constraint.put("table", each.table());
      constraint.put("columns", each.columns());
      constraint.put("referencedTable", each.referencedTable());
      constraint.put("examples", each.examples());
      constraints.add(constraint);
    }
    details.put("orphans", constraints);
    return details;
  }
}

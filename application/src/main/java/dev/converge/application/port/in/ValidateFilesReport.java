package dev.converge.application.port.in;

import java.util.List;
import java.util.Objects;

/** The validation of one manifest's files: per table, its rows and its problems. */
public record ValidateFilesReport(String manifest, List<TableValidation> tables) {

  /** One table: rows read, problems found (all counted, the first ones listed). */
  public record TableValidation(String table, long rows, long problemCount, List<Problem> problems) {
    public TableValidation {
      Objects.requireNonNull(table, "table");
      problems = List.copyOf(problems);
    }
  }

  /**
   * One problem, located: the file, the line (0 for the file as a whole), the column and the value
   * (null when the problem is not about one value).
   */
  public record Problem(String file, long line, String column, String value, String problem) {
    public Problem {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
      return file + (line > 0 ? " line " + line : "") + (column == null ? "" : ", column " + column)
          + (value == null ? "" : ", value " + value) + ": " + problem;
    }
  }

  public ValidateFilesReport {
    Objects.requireNonNull(manifest, "manifest");
    tables = List.copyOf(tables);
  }

  public long problems() {
    return tables.stream().mapToLong(TableValidation::problemCount).sum();
  }

  public boolean passed() {
    return problems() == 0;
  }
}

package dev.converge.domain.failure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A source row the target would reject: names the table, the row's key, the column, the value and the rule. */
public final class RowRejectedException extends ConvergeException {

  private final String table;
  private final String key;
  private final String column;
  private final String value;
  private final String rule;

  /**
   * @param value the offending value as displayed (already shortened and escaped)
   */
  public RowRejectedException(String table, String key, String column, String value, String rule) {
    super(ErrorCode.EXPORT, "table " + Objects.requireNonNull(table, "table") + ", row " + key + ", column "
        + Objects.requireNonNull(column, "column") + ": value " + value + " rejected: " + Objects.requireNonNull(rule, "rule"));
    this.table = table;
    this.key = key;
    this.column = column;
    this.value = value;
    this.rule = rule;
  }

  public String table() {
    return table;
  }

  public String key() {
    return key;
  }

  public String column() {
    return column;
  }

  public String value() {
    return value;
  }

  public String rule() {
    return rule;
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    put(details, "table", table);
    put(details, "key", key);
    put(details, "column", column);
    put(details, "value", value);
    put(details, "rule", rule);
    return details;
  }
}

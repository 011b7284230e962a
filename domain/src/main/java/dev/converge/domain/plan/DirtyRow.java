package dev.converge.domain.plan;

import java.util.Objects;

/**
 * One source row the target would reject as it is, found by the plan's data scan.
 *
 * @param key the row's primary key as export names it ({@code id='42'}, {@code a='1', b='2'}), or its
 *     position in the stream when the table has none
 * @param column the source column whose value breaks the rule (for a key, its first column)
 * @param rule what the target objects to, in the words export uses when it refuses the value
 * @param value the offending value as {@link dev.converge.domain.conversion.ValueDisplay} shows it
 * @param fix the setting that would let the value through, e.g. {@code --column-policy user.bio:nul-bytes=strip},
 *     or null when no policy does (exclude the table, or correct the row in the source)
 */
public record DirtyRow(String table, String key, String column, String rule, String value, String fix) {

  public DirtyRow {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(value, "value");
  }
}

package dev.converge.domain.conversion;

/**
 * Turns one source value into the text of one target value, as the CSV file carries it, or
 * rejects it with the rule it breaks. {@code null} in is NULL out, unless a policy maps a bad value
 * to NULL.
 *
 * <p>Source values arrive as the source adapter reads them: {@code null}, a {@link String} in MySQL's
 * own text form (numbers, decimals, dates and times as {@code CAST(… AS CHAR)} prints them, JSON
 * text, enum labels, text), or {@code byte[]} for binary types.
 */
@FunctionalInterface
public interface ColumnConverter {

  String convert(Object value);
}

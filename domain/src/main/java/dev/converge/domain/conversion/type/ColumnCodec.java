package dev.converge.domain.conversion.type;

/**
 * One column's conversion: a source value in, the text of the target value (as the CSV file
 * carries it) and that text's canonical form (as the checksum hashes it) out, in one pass. Throws
 * {@link dev.converge.domain.conversion.ValueRejectedException} with the rule a value breaks.
 *
 * <p>Source values arrive as the source adapter reads them: {@code null}, a {@link String} in
 * MySQL's own text form (numbers, decimals, dates and times as {@code CAST(… AS CHAR)} prints them,
 * JSON text, enum labels, text), or {@code byte[]} for binary types.
 */
@FunctionalInterface
public interface ColumnCodec {

  Converted convert(Object value);

  /** A converted value: {@code text} for the file, {@code canonical} for the checksum; both null for NULL. */
  record Converted(String text, String canonical) {

    public static final Converted NULL = new Converted(null, null);

    public Converted {
      if ((text == null) != (canonical == null)) {
        throw new IllegalArgumentException("text and canonical form are both NULL or neither");
      }
    }
  }
}

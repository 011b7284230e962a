package dev.converge.adapter.shell;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** What a command prints on standard output: text for the operator, or exactly one JSON document for scripts. */
enum OutputFormat {
  TEXT,
  JSON;

  /** {@code --output}'s word for it. */
  String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return word();
  }

  /** {@code text} or {@code json}, in any case; any other word is refused, naming the two. */
  static final class Converter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      for (OutputFormat format : values()) {
        if (format.word().equalsIgnoreCase(value.strip())) {
          return format;
        }
      }
      throw new TypeConversionException("--output must be text or json, not '" + value + "'");
    }
  }
}

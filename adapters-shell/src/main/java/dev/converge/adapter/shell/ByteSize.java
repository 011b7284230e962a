package dev.converge.adapter.shell;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A size in bytes as an operator writes it: {@code 1048576}, {@code 512KiB}, {@code 64MiB}, {@code 1GiB} (KB, MB, GB too, also 1024-based). */
final class ByteSize implements ITypeConverter<Long> {

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]i?b?)?", Pattern.CASE_INSENSITIVE);

  @Override
  public Long convert(String value) {
    Matcher matcher = SIZE.matcher(value.trim());
    if (!matcher.matches()) {
      throw new TypeConversionException("'" + value + "' is not a size; write it as 1048576, 512KiB, 64MiB or 1GiB");
    }
    long number = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "" : matcher.group(2).toLowerCase(Locale.ROOT);
    int shift = unit.isEmpty() ? 0 : switch (unit.charAt(0)) {
      case 'k' -> 10;
      case 'm' -> 20;
      default -> 30;
    };
    if (number < 1 || number > (Long.MAX_VALUE >> shift)) {
      throw new TypeConversionException("'" + value + "' is out of range: a size is at least 1 byte");
    }
    return number << shift;
  }
}

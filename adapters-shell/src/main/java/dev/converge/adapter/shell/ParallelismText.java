package dev.converge.adapter.shell;

import dev.converge.application.port.in.Parallelism;
import dev.converge.domain.failure.ConvergeException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --parallel N} read as a {@link Parallelism}: out of range or not a number is refused while parsing. */
final class ParallelismText implements ITypeConverter<Parallelism> {

  @Override
  public Parallelism convert(String value) {
    try {
      return Parallelism.of(value);
    } catch (ConvergeException refused) {
      throw new TypeConversionException(refused.getMessage());
    }
  }
}

package dev.converge.application.port.in;

/** Proves the export's files before anything touches the target. */
public interface ValidateFilesUseCase {

  ValidateFilesReport validate(ValidateFilesCommand command);
}

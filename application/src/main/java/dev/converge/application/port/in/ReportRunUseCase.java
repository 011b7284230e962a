package dev.converge.application.port.in;

/** Writes the run report: timings per phase and table, verification results, downtime projection. */
public interface ReportRunUseCase {

  RunReport report(ReportRunCommand command);
}

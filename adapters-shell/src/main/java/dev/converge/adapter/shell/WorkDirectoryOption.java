package dev.converge.adapter.shell;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The work directory alone, for the commands that read a run without connecting to any database. */
public final class WorkDirectoryOption {

  @Option(names = "--work-dir", defaultValue = "converge-work",
      description = "Directory for the plan, CSV files, manifest and journal (env CONVERGE_WORK_DIR; default ${DEFAULT-VALUE}).")
  Path workDirectory;
}

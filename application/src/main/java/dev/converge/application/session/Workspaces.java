package dev.converge.application.session;

import java.nio.file.Path;

/** Opens the use cases that need only a work directory, no database (wired in bootstrap). */
public interface Workspaces {

  Workspace open(Path workDirectory);
}

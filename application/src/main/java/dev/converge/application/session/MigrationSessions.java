package dev.converge.application.session;

import dev.converge.application.connection.ConnectionSettings;

/** Opens a {@link MigrationSession} for a run's connection settings (wired in bootstrap). */
public interface MigrationSessions {

  MigrationSession open(ConnectionSettings settings);
}

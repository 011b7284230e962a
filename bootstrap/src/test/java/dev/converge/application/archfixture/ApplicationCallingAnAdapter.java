package dev.converge.application.archfixture;

import dev.converge.adapter.embedded.postgres.EmbeddedPostgresServerAdapter;

/** Breaks the application rule: a use case reaching into an adapter. */
public class ApplicationCallingAnAdapter {
  public Object start() {
    return new EmbeddedPostgresServerAdapter().startPostgres();
  }
}

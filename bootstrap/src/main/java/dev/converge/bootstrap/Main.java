package dev.converge.bootstrap;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Entry point of {@code converge.jar}: builds the object graph and runs one command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  /** Runs the command line and returns its exit status; for tests, without exiting the JVM. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    ConvergeComponent component = DaggerConvergeComponent.factory().create(BuildInfo.fromClasspath(), out, err, Clock.systemUTC());
    int status = component.commandLine().setErr(err).execute(args);
    out.flush();
    err.flush();
    return status;
  }
}

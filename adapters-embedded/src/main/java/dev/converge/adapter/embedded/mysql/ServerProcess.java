package dev.converge.adapter.embedded.mysql;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server process whose output goes to a log file and which is stopped with the JVM, also on
 * Ctrl-C, through a shutdown hook.
 */
final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final Thread shutdownHook;

  private ServerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.shutdownHook = new Thread(this::stop, "converge-stop-" + process.pid());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  static ServerProcess start(List<String> command, Path log) {
    try {
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      return new ServerProcess(process, log);
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, "cannot start " + command.get(0), e);
    }
  }

  /** Runs a one-shot command (initialise a data directory) and fails with its output if it fails. */
  static void runToCompletion(List<String> command, Path log, Duration timeout) {
    try {
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new ConvergeException(ErrorCode.EMBEDDED_SERVER,
            command.get(0) + " did not finish within " + timeout + "; its output:\n" + tail(log));
      }
      if (process.exitValue() != 0) {
        throw new ConvergeException(ErrorCode.EMBEDDED_SERVER,
            command.get(0) + " failed with exit status " + process.exitValue() + "; its output:\n" + tail(log));
      }
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, "cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConvergeException(ErrorCode.EMBEDDED_SERVER, "interrupted while running " + command.get(0), e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String logTail() {
    return tail(log);
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM (a clean shutdown for mysqld and mariadbd), then SIGKILL after half a minute. */
  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run already; nothing left to unregister.
    }
  }
}

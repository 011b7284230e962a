package dev.converge.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Where the diagnostics log goes and in which format. By default {@code converge.log} in the work
 * directory, attached once a command opens its work directory (so that no stray log lands in the
 * current directory); {@code CONVERGE_LOG_FILE} names another file, attached from the start. The
 * format is text or, with {@code --log-format json} ({@code CONVERGE_LOG_FORMAT}), one JSON object
 * per line from Logback's own {@link JsonEncoder}; either carries the MDC ({@code run_id},
 * {@code phase}, {@code table}) of every event. The file is created readable by its owner only.
 */
final class LogDestination {

  static final String FILE_NAME = "converge.log";
  private static final String APPENDER = "FILE";
  private static final String TEXT_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level [%thread] %logger{36} [run=%X{run_id} phase=%X{phase} table=%X{table}] - %msg%n";

  /** The log formats {@code --log-format} accepts. */
  enum Format { TEXT, JSON }

  private static Format format = Format.TEXT;
  private static Path current;

  private LogDestination() {}

  /** The format named by {@code --log-format} (or its variable); a configuration error for any other word. */
  static Format parse(String text) {
    try {
      return Format.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "--log-format " + text + ": use text or json");
    }
  }

  /** Starts a command: its format, and the file {@code CONVERGE_LOG_FILE} names if it names one. */
  static synchronized void begin(Format chosen, String fileFromEnvironment) {
    format = chosen;
    current = null;
    detach();
    if (fileFromEnvironment != null && !fileFromEnvironment.isBlank()) {
      attach(Path.of(fileFromEnvironment));
    }
  }

  /** The command's work directory is known: the log goes there, unless {@code CONVERGE_LOG_FILE} chose a file. */
  static synchronized void workDirectory(Path directory, String fileFromEnvironment) {
    if (fileFromEnvironment != null && !fileFromEnvironment.isBlank()) {
      return;
    }
    Path file = directory.resolve(FILE_NAME).toAbsolutePath().normalize();
    if (!file.equals(current)) {
      attach(file);
    }
  }

  /** The command ended: its file is closed, so that the next command (tests, the shell's next run) starts clean. */
  static synchronized void end() {
    detach();
    current = null;
  }

  private static void attach(Path file) {
    detach();
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        // The work directory is created 0700 by the files adapter; a log file's own directory is the operator's choice.
        Files.createDirectories(parent);
      }
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      // Appended to, as before.
    } catch (IOException | UnsupportedOperationException e) {
      // Logback reports what it cannot open; the command itself must not fail over its log.
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName(APPENDER);
    appender.setFile(file.toString());
    appender.setAppend(true);
    appender.setEncoder(encoder(context));
    appender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    context.getLogger("dev.converge.failure").addAppender(appender);
    current = file;
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext context) {
    if (format == Format.JSON) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      json.start();
      return json;
    }
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern(TEXT_PATTERN);
    text.start();
    return text;
  }

  private static void detach() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    for (String name : new String[] {Logger.ROOT_LOGGER_NAME, "dev.converge.failure"}) {
      Logger logger = context.getLogger(name);
      var appender = logger.getAppender(APPENDER);
      if (appender != null) {
        logger.detachAppender(appender);
        appender.stop();
      }
    }
  }
}

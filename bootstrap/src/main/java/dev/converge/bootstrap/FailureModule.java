package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** How a failed command is reported: one clean message with its causes, the stack trace in the log. */
@Module
interface FailureModule {

  @Provides
  static CommandLine.IExecutionExceptionHandler failureReporter(@ErrorOutput PrintWriter err) {
    return (exception, commandLine, parseResult) -> {
      ErrorCode code = exception instanceof ConvergeException failure ? failure.code() : ErrorCode.INTERNAL;
      Logger log = LoggerFactory.getLogger("dev.converge.failure");
      log.error("{} failed ({})", commandLine.getCommandName(), code, exception);
      err.println("converge: " + exception.getMessage());
      for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
        err.println("  caused by: " + cause);
      }
      if (verbose(parseResult)) {
        exception.printStackTrace(err);
      } else {
        err.println("  (details in the log file; --verbose prints the stack trace)");
      }
      err.flush();
      return ExitStatus.of(code);
    };
  }

  private static boolean verbose(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}

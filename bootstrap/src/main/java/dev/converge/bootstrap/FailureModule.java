package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.shell.FailureDocument;
import dev.converge.application.port.out.RenderJsonPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.PrintWriter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** How a failed command is reported: one clean message with the causes that add to it, the stack trace in the log. */
@Module
interface FailureModule {

  @Provides
  static CommandLine.IExecutionExceptionHandler failureReporter(@ErrorOutput PrintWriter err, PrintWriter out,
      RenderJsonPort json) {
    return (exception, commandLine, parseResult) -> {
      ErrorCode code = exception instanceof ConvergeException failure ? failure.code() : ErrorCode.INTERNAL;
      Logger log = LoggerFactory.getLogger("dev.converge.failure");
      log.error("{} failed ({})", commandLine.getCommandName(), code, exception);
      List<String> lines = FailureLines.of(exception);
      err.println("converge: " + lines.get(0));
      lines.subList(1, lines.size()).forEach(line -> err.println("  because: " + line));
      if (verbose(parseResult)) {
        exception.printStackTrace(err);
      } else if (code == ErrorCode.INTERNAL) {
        // Only a defect needs the stack trace; every other failure's message is the whole story.
        err.println("  (a defect in converge: the stack trace is in the log file, or run again with --verbose)");
      }
      err.flush();
      if (FailureDocument.requested(commandLine)) {
        // Scripts read standard output: the failure is its one document, the operator's lines stay on stderr.
        out.println(json.json(FailureDocument.of(commandLine, ExitStatus.of(code), code.name(), lines, exception)));
        out.flush();
      }
      return ExitStatus.of(code);
    };
  }

  /**
   * A command line picocli cannot parse: its own message and usage on standard error, as always, and
   * with {@code --output json} the failure document on standard output.
   */
  static CommandLine.IParameterExceptionHandler usageReporter(CommandLine.IParameterExceptionHandler usage,
      PrintWriter out, RenderJsonPort json) {
    return (exception, args) -> {
      int status = usage.handleParseException(exception, args);
      if (FailureDocument.requested(args)) {
        CommandLine failed = exception.getCommandLine();
        out.println(json.json(FailureDocument.of(failed == null ? "converge" : failed.getCommandName(), status,
            FailureDocument.USAGE, List.of(exception.getMessage()), exception)));
        out.flush();
      }
      return status;
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

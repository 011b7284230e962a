package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.shell.ConsoleProgressAdapter;
import dev.converge.adapter.shell.ConvergeCommand;
import dev.converge.adapter.shell.ExportCommand;
import dev.converge.adapter.shell.ImportCommand;
import dev.converge.adapter.shell.PlanCommand;
import dev.converge.adapter.shell.RollbackCommand;
import dev.converge.adapter.shell.SchemaCommand;
import dev.converge.adapter.shell.ValidateCommand;
import dev.converge.adapter.shell.VerifyCommand;
import dev.converge.application.port.out.RenderJsonPort;
import dev.converge.application.port.out.ReportProgressPort;
import dev.converge.application.session.MigrationSessions;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Wires adapters-shell: the picocli command tree shared by batch mode and the interactive shell. */
@Module
interface ShellModule {

  @Provides
  static ConvergeCommand convergeCommand(PrintWriter out) {
    return new ConvergeCommand(out);
  }

  @Provides
  static PlanCommand planCommand(MigrationSessions sessions, RenderJsonPort json, PrintWriter out) {
    return new PlanCommand(sessions, json, out);
  }

  @Provides
  static ReportProgressPort progress(@ErrorOutput PrintWriter err) {
    return new ConsoleProgressAdapter(err);
  }

  @Provides
  static ExportCommand exportCommand(MigrationSessions sessions, RenderJsonPort json, PrintWriter out) {
    return new ExportCommand(sessions, json, out);
  }

  @Provides
  static ImportCommand importCommand(MigrationSessions sessions, RenderJsonPort json, PrintWriter out) {
    return new ImportCommand(sessions, json, out);
  }

  @Provides
  static VerifyCommand verifyCommand(MigrationSessions sessions, RenderJsonPort json, PrintWriter out) {
    return new VerifyCommand(sessions, json, out);
  }

  @Provides
  static RollbackCommand rollbackCommand(MigrationSessions sessions, RenderJsonPort json, PrintWriter out) {
    return new RollbackCommand(sessions, json, out);
  }

  @Provides
  static ValidateCommand validateCommand(MigrationSessions sessions, RenderJsonPort json, PrintWriter out) {
    return new ValidateCommand(sessions, json, out);
  }

  @Provides
  static SchemaCommand schemaCommand(MigrationSessions sessions, RenderJsonPort json, PrintWriter out) {
    return new SchemaCommand(sessions, json, out);
  }

  @Provides
  static CommandLine commandLine(ConvergeCommand root, SchemaCommand schema, PlanCommand plan, ExportCommand export,
      ValidateCommand validate, ImportCommand importing, VerifyCommand verify, RollbackCommand rollback, BuildInfo build,
      PrintWriter out,
      CommandLine.IExecutionExceptionHandler failures) {
    CommandLine commandLine = new CommandLine(root);
    commandLine.addSubcommand(schema);
    commandLine.addSubcommand(plan);
    commandLine.addSubcommand(export);
    commandLine.addSubcommand(validate);
    commandLine.addSubcommand(importing);
    commandLine.addSubcommand(verify);
    commandLine.addSubcommand(rollback);
    commandLine.getCommandSpec().version(build.versionLines());
    commandLine.setOut(out);
    commandLine.setExecutionExceptionHandler(failures);
    return commandLine;
  }
}

package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.shell.ConvergeCommand;
import dev.converge.adapter.shell.PlanCommand;
import dev.converge.adapter.shell.SchemaCommand;
import dev.converge.application.port.out.RenderJsonPort;
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
  static SchemaCommand schemaCommand(MigrationSessions sessions, RenderJsonPort json, PrintWriter out) {
    return new SchemaCommand(sessions, json, out);
  }

  @Provides
  static CommandLine commandLine(ConvergeCommand root, SchemaCommand schema, PlanCommand plan, BuildInfo build,
      PrintWriter out, CommandLine.IExecutionExceptionHandler failures) {
    CommandLine commandLine = new CommandLine(root);
    commandLine.addSubcommand(schema);
    commandLine.addSubcommand(plan);
    commandLine.getCommandSpec().version(build.versionLines());
    commandLine.setOut(out);
    commandLine.setExecutionExceptionHandler(failures);
    return commandLine;
  }
}

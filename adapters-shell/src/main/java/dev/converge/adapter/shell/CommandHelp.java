package dev.converge.adapter.shell;

import dev.converge.domain.failure.ErrorCode;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.IStyle;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.IParamLabelRenderer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The help of every command, from the command model itself: wrapped at the terminal's width (80
 * when unknown), options grouped (the command's own, policies, connection, TLS, output, general),
 * value labels that say what a value is ({@code --parallel=N}), and at the end the exit statuses the
 * command can return and two or three real examples. A command added later (e.g. {@code sync}) gets
 * the same grouping and labels; its examples and statuses are one entry each in the tables below.
 */
public final class CommandHelp {

  /** The examples of each command, as an operator types them. */
  static final Map<String, List<String>> EXAMPLES = new LinkedHashMap<>();

  /** The failure classes each command can end with (besides success, a usage error and a defect). */
  static final Map<String, Set<ErrorCode>> FAILURES = new LinkedHashMap<>();

  static {
    Set<ErrorCode> connecting = EnumSet.of(ErrorCode.CONFIGURATION, ErrorCode.CONNECTION);
    example("connect", connecting, "converge connect --source-host db1 --source-user migrator --target-host db2",
        "converge connect --config converge.yml --output json");
    example("schema", with(connecting, ErrorCode.PLAN_BLOCKED),
        "converge schema --flyway-location filesystem:/srv/alkemio/migrations",
        "converge schema --provision-command \"kratos migrate sql -e --yes\"");
    example("plan", with(connecting, ErrorCode.PLAN_BLOCKED),
        "converge plan --config converge.yml",
        "converge plan --column-policy credential.expires:zero-dates=null",
        "converge plan --config converge.yml --parallel 8 --output json");
    example("export", with(connecting, ErrorCode.PLAN_BLOCKED, ErrorCode.EXPORT),
        "converge export --config converge.yml",
        "converge export --config converge.yml --parallel 8 --part-size 256MiB");
    example("validate", with(connecting, ErrorCode.PLAN_BLOCKED, ErrorCode.VALIDATION),
        "converge validate --work-dir run-1",
        "converge validate --work-dir run-1 --problems 50 --output json");
    example("import", with(connecting, ErrorCode.PLAN_BLOCKED, ErrorCode.VALIDATION, ErrorCode.IMPORT),
        "converge import --config converge.yml",
        "converge import --config converge.yml --parallel 8 --quiet");
    example("verify", with(connecting, ErrorCode.PLAN_BLOCKED, ErrorCode.VERIFICATION),
        "converge verify --config converge.yml",
        "converge verify --checklist builtin:alkemio --output json");
    example("rollback", connecting,
        "converge rollback --config converge.yml --yes",
        "converge rollback --yes --drop --flyway-location filesystem:/srv/pg/migrations");
    example("migrate", with(connecting, ErrorCode.PLAN_BLOCKED, ErrorCode.EXPORT, ErrorCode.VALIDATION,
            ErrorCode.IMPORT, ErrorCode.VERIFICATION),
        "converge migrate --flyway-location filesystem:/srv/alkemio/migrations",
        "converge migrate --config converge.yml --keep-plan --parallel 8",
        "converge migrate --config converge.yml --output json");
    example("sync", with(connecting, ErrorCode.PLAN_BLOCKED, ErrorCode.IMPORT, ErrorCode.VERIFICATION),
        "converge sync --config converge.yml",
        "converge sync --config converge.yml --parallel 8 --memory-budget 256MiB --output json");
    example("status", EnumSet.of(ErrorCode.CONFIGURATION),
        "converge status --work-dir run-1",
        "converge status --config converge.yml",
        "converge status --work-dir run-1 --output json");
    example("report", EnumSet.of(ErrorCode.CONFIGURATION),
        "converge report --work-dir run-1",
        "converge report --work-dir run-1 --production-rows 3500000 --window 45m");
    example("demo", EnumSet.of(ErrorCode.PREREQUISITE, ErrorCode.EMBEDDED_SERVER, ErrorCode.PLAN_BLOCKED,
            ErrorCode.VERIFICATION),
        "converge demo",
        "converge demo --scale 0.1 --datasets kratos",
        "converge demo --shell");
    example("shell", EnumSet.noneOf(ErrorCode.class),
        "converge shell",
        "converge shell --config converge.yml");
    example("completion", EnumSet.noneOf(ErrorCode.class),
        "converge completion bash",
        "converge completion zsh",
        "source <(converge completion bash)");
  }

  /** One line per command for {@code converge --help} and the shell's {@code help}. */
  static final Map<String, String> SUMMARIES = new LinkedHashMap<>();

  static {
    SUMMARIES.put("help", "shows a command's help: help COMMAND");
    SUMMARIES.put("connect", "proves both databases answer (in the shell: keeps the options)");
    SUMMARIES.put("schema", "provisions the target (Flyway or a command) and checks its contract");
    SUMMARIES.put("plan", "maps every table and column, scans the data, lists the blockers");
    SUMMARIES.put("export", "writes the source's tables to CSV files from one snapshot");
    SUMMARIES.put("validate", "checks every file against the manifest and the plan");
    SUMMARIES.put("import", "loads the validated files into PostgreSQL with COPY");
    SUMMARIES.put("verify", "compares source, export and target; runs the checklists");
    SUMMARIES.put("sync", "after a pre-copy: writes only the rows that differ, then proves the target");
    SUMMARIES.put("report", "timings and the projected cut-over against the window");
    SUMMARIES.put("status", "where the run stands, table by table, and what to run next");
    SUMMARIES.put("rollback", "returns the target to its state after the schema phase");
    SUMMARIES.put("migrate", "every phase in order, export, validate and import as one pipeline");
    SUMMARIES.put("demo", "migrates the reference datasets on embedded servers");
    SUMMARIES.put("shell", "the interactive shell");
    SUMMARIES.put("completion", "prints the bash or zsh completion script");
  }

  private CommandHelp() {}

  private static void example(String command, Set<ErrorCode> failures, String... lines) {
    EXAMPLES.put(command, List.of(lines));
    FAILURES.put(command, failures);
  }

  private static Set<ErrorCode> with(Set<ErrorCode> codes, ErrorCode... more) {
    Set<ErrorCode> all = EnumSet.copyOf(codes);
    all.addAll(List.of(more));
    return all;
  }

  /**
   * Applies the help's layout to {@code root} and every subcommand present now.
   *
   * @param status the exit status of each failure class (decided in bootstrap, the one place that knows)
   * @param usage the status of a command line that cannot be parsed
   * @param stopped the statuses of a run stopped by a signal, with their meaning
   */
  public static void apply(CommandLine root, ToIntFunction<ErrorCode> status, int usage, Map<Integer, String> stopped) {
    root.setUsageHelpAutoWidth(true);
    root.setHelpFactory(LabelledHelp::new);
    apply(root, EnumSet.allOf(ErrorCode.class), List.of(), status, usage, stopped);
    root.getCommandSpec().usageMessage().commandListHeading("%nCommands:%n");
    root.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, CommandHelp::commandList);
    root.getSubcommands().forEach((name, command) -> {
      if (command.getCommand() instanceof CommandLine.HelpCommand) {
        return;
      }
      command.getCommandSpec().usageMessage().abbreviateSynopsis(true);
      apply(command, FAILURES.getOrDefault(name, EnumSet.allOf(ErrorCode.class)), EXAMPLES.getOrDefault(name, List.of()),
          status, usage, Set.of("status", "report", "shell", "completion").contains(name) ? Map.of() : stopped);
    });
  }

  private static void apply(CommandLine command, Set<ErrorCode> failures, List<String> examples,
      ToIntFunction<ErrorCode> status, int usage, Map<Integer, String> stopped) {
    UsageMessageSpec usageMessage = command.getCommandSpec().usageMessage();
    Map<String, String> statuses = new LinkedHashMap<>();
    statuses.put("0", "success");
    statuses.put(String.valueOf(status.applyAsInt(ErrorCode.INTERNAL)), "a defect in converge");
    statuses.put(String.valueOf(usage), "the command line cannot be parsed");
    for (ErrorCode code : failures) {
      statuses.putIfAbsent(String.valueOf(status.applyAsInt(code)), meaning(code));
    }
    stopped.forEach((exit, meaning) -> statuses.put(String.valueOf(exit), meaning));
    usageMessage.exitCodeListHeading("%nExit statuses:%n").exitCodeList(statuses);
    if (!examples.isEmpty()) {
      List<String> footer = new ArrayList<>();
      examples.forEach(example -> footer.add("  " + example));
      footer.add("");
      footer.add("Every option, environment variable and converge.yml key: docs/configuration.md");
      usageMessage.footerHeading("%nExamples:%n").footer(footer.toArray(String[]::new));
    }
    command.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, CommandHelp::groupedOptions);
    command.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, CommandHelp::description);
  }

  /** The command nearest to a mistyped word (at most two edits away), for "did you mean". */
  static java.util.Optional<String> nearest(String word, java.util.Collection<String> commands) {
    String best = null;
    int bestDistance = 3;
    for (String command : commands) {
      int distance = distance(word.toLowerCase(Locale.ROOT), command);
      if (distance < bestDistance || distance == bestDistance && best == null && command.startsWith(word)) {
        best = command;
        bestDistance = distance;
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** One line per command: its name and the first sentence of its description, cut to the width. */
  static String commandList(Help help) {
    int width = help.commandSpec().usageMessage().width();
    StringBuilder text = new StringBuilder();
    help.commandSpec().subcommands().forEach((name, command) -> {
      String[] description = command.getCommandSpec().usageMessage().description();
      String first = SUMMARIES.getOrDefault(name, description.length == 0 ? ""
          : description[0].split("(?<=[.:;])\\s", 2)[0].replaceFirst("[.:;]$", ""));
      String line = String.format("  %-10s %s", name, first);
      text.append(line.length() <= width ? line : line.substring(0, width - 1) + "…").append(System.lineSeparator());
    });
    return text.toString();
  }

  /** The command's description, each paragraph wrapped at spaces only. */
  private static String description(Help help) {
    StringBuilder text = new StringBuilder();
    for (String paragraph : help.commandSpec().usageMessage().description()) {
      text.append(wrap(String.format(paragraph), help.commandSpec().usageMessage().width(), 0, 0));
    }
    return text.toString();
  }

  /**
   * {@code text} wrapped at spaces only — a word, a path or a URL is never broken (picocli's own
   * wrapping breaks at punctuation, e.g. after the colon of {@code host:port}); a word longer than
   * the line stays whole on its own line.
   *
   * @param first the column the first line starts at (already written by the caller)
   * @param indent the column every further line starts at
   */
  static String wrap(String text, int width, int first, int indent) {
    StringBuilder out = new StringBuilder();
    int column = first;
    boolean lineEmpty = true;
    for (String word : text.strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!lineEmpty && column + 1 + word.length() > width) {
        out.append(System.lineSeparator()).append(" ".repeat(indent));
        column = indent;
        lineEmpty = true;
      }
      if (!lineEmpty) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
      lineEmpty = false;
    }
    return out.append(System.lineSeparator()).toString();
  }

  /** What a failure class means, in the operator's words. */
  static String meaning(ErrorCode code) {
    return switch (code) {
      case CONFIGURATION -> "a setting is missing, malformed or contradicts another";
      case PREREQUISITE -> "something converge needs is missing on this machine";
      case CONNECTION -> "a database cannot be reached or refused the login";
      case PLAN_BLOCKED -> "the plan has blockers, or a schema changed since the plan";
      case EXPORT -> "the export failed (a value the target would reject, a read error)";
      case VALIDATION -> "the files fail validation, or the export is stale";
      case IMPORT -> "the target refused the load";
      case VERIFICATION -> "a verification check failed";
      case EMBEDDED_SERVER -> "an embedded database server could not be started";
      case INTERNAL -> "a defect in converge";
    };
  }

  /** The option list in groups, each under its heading, in the order the command declares them. */
  private static String groupedOptions(Help help) {
    Map<String, List<OptionSpec>> groups = new LinkedHashMap<>();
    for (String heading : List.of("Options", "Policies", "Connection", "TLS", "Output", "General")) {
      groups.put(heading, new ArrayList<>());
    }
    for (OptionSpec option : help.commandSpec().options()) {
      if (!option.hidden()) {
        groups.get(group(option)).add(option);
      }
    }
    StringBuilder text = new StringBuilder();
    int width = help.commandSpec().usageMessage().width();
    groups.forEach((heading, options) -> {
      if (!options.isEmpty()) {
        text.append(String.format("%n%s:%n", heading));
        options.forEach(option -> text.append(option(help, option, width)));
      }
    });
    return text.toString();
  }

  /** One option: its names and value label, then its description from column 29, wrapped at spaces. */
  private static String option(Help help, OptionSpec option, int width) {
    int descriptionColumn = 29;
    String shortName = option.shortestName().equals(option.longestName()) ? "    " : option.shortestName() + ", ";
    String names = "  " + shortName + option.longestName()
        + help.parameterLabelRenderer().renderParameterLabel(option, Ansi.OFF, List.of()).toString();
    String description = String.join(" ", option.renderedDescription());
    if (names.length() + 1 > descriptionColumn) {
      return names + System.lineSeparator() + " ".repeat(descriptionColumn)
          + wrap(description, width, descriptionColumn, descriptionColumn + 2);
    }
    return names + " ".repeat(descriptionColumn - names.length())
        + wrap(description, width, descriptionColumn, descriptionColumn + 2);
  }

  /** Which group an option belongs to: by the options class that declares it, then by its name. */
  static String group(OptionSpec option) {
    String name = option.longestName();
    Class<?> declaredBy = option.userObject() instanceof Field field ? field.getDeclaringClass() : Object.class;
    if (name.equals("--help") || name.equals("--version") || declaredBy == ConvergeCommand.class) {
      return "General";
    }
    if (declaredBy == OutputOptions.class) {
      return "Output";
    }
    if (declaredBy == ConnectionOptions.class || declaredBy == WorkDirectoryOption.class) {
      return name.contains("-ssl-") || name.contains("public-key") ? "TLS" : "Connection";
    }
    if (declaredBy == PlanOptions.class) {
      return "Policies";
    }
    return "Options";
  }

  /** What a value is, when the option does not say: {@code N}, {@code DURATION}, {@code FILE}, {@code HOST} … */
  static String label(OptionSpec option) {
    Class<?> type = option.type();
    String name = option.longestName().replaceFirst("^-+", "");
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "N";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true|false";
    }
    if (type == double.class || type == Double.class) {
      return "NUMBER";
    }
    if (type == java.time.Duration.class) {
      return "DURATION";
    }
    if (name.endsWith("-dir")) {
      return "DIR";
    }
    if (name.endsWith("-file") || name.endsWith("-ca") || name.endsWith("-cert") || name.endsWith("-key")
        || type == java.nio.file.Path.class) {
      return "FILE";
    }
    String last = name.substring(name.lastIndexOf('-') + 1);
    return last.toUpperCase(Locale.ROOT);
  }

  /** picocli's help with value labels that say what a value is. */
  static final class LabelledHelp extends Help {

    LabelledHelp(CommandSpec spec, ColorScheme scheme) {
      super(spec, scheme);
    }

    @Override
    public IParamLabelRenderer parameterLabelRenderer() {
      IParamLabelRenderer standard = super.parameterLabelRenderer();
      return new IParamLabelRenderer() {
        @Override
        public Text renderParameterLabel(ArgSpec arg, Ansi ansi, List<IStyle> styles) {
          if (!(arg instanceof OptionSpec option) || arg.arity().max() == 0 || !arg.paramLabel().startsWith("<")) {
            return standard.renderParameterLabel(arg, ansi, styles);
          }
          String label = label(option);
          String between = option.splitRegexSynopsisLabel().isEmpty() ? option.splitRegex()
              : option.splitRegexSynopsisLabel();
          String more = between.isEmpty() ? "" : "[" + between + label + "...]";
          return ansi.new Text(standard.separator() + label + more, colorScheme());
        }

        @Override
        public String separator() {
          return standard.separator();
        }
      };
    }
  }
}

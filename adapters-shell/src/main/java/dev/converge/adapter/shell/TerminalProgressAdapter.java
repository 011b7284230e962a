package dev.converge.adapter.shell;

import dev.converge.application.port.out.ReportProgressPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The progress of the running phase, table by table. It remembers each table's rows and time (the
 * run journal records them), and shows them: in batch mode as plain lines on standard error (so
 * that standard output stays the result, and valid JSON with {@code --output json}); in the
 * interactive shell as one live bar per running table (rows, rows/s, ETA), redrawn in place with
 * JLine's {@link Display} so that the bars never garble the terminal, and a permanent line per
 * finished table above them. In {@code migrate}'s pipeline a table has a bar per stage (export,
 * validate, import), each labelled with its stage.
 */
public final class TerminalProgressAdapter implements ReportProgressPort {

  /** How often the live bars are redrawn, at most. */
  private static final long REDRAW_NANOS = 200_000_000L;

  /** One table of the running phase. */
  public record TableTiming(String table, long rows, long bytes, long millis, boolean finished) {}

  private static final Logger LOG = LoggerFactory.getLogger(TerminalProgressAdapter.class);

  private final PrintWriter err;
  private String runId = "";
  private String phase = "";
  private final Map<Key, Running> running = new LinkedHashMap<>();
  private final Map<Key, TableTiming> finished = new LinkedHashMap<>();
  private Terminal terminal;
  private Display display;
  private long lastDraw;
  /** {@code --quiet}: no per-table lines or bars, only the notices (warnings); the log keeps every event. */
  private boolean quiet;

  public TerminalProgressAdapter(PrintWriter err) {
    this.err = Objects.requireNonNull(err, "err");
  }

  /** With {@code --quiet} the tables' progress is not shown; set by each command as it starts. */
  synchronized void quiet(boolean quiet) {
    this.quiet = quiet;
  }

  /** Draws live bars on this terminal from now on (the interactive shell), or plain lines again with null. */
  synchronized void attach(Terminal live) {
    terminal = live;
    display = live == null ? null : new Display(live, false);
  }

  /**
   * Forgets the previous phase's tables; from now on the log's events carry this run's id and phase
   * (in the MDC: {@code run_id}, {@code phase}, and {@code table} for a table's events), also those
   * logged on the command's thread outside this class. A pipeline's phase is its stages joined with
   * {@code +} ({@code export+validate+import}): the bars are then labelled with their stage, those
   * reported through this port itself with the first.
   */
  synchronized void begin(String runId, String phase) {
    running.clear();
    finished.clear();
    lastDraw = 0;
    this.runId = runId;
    this.phase = phase;
    MDC.put("run_id", runId);
    MDC.put("phase", phase);
    LOG.info("phase {} begun (run {})", phase, runId);
  }

  /** Clears the live bars when the phase ends, however it ends. */
  synchronized void end() {
    LOG.info("phase {} ended: {} table(s) finished, {} not", phase, finished.size(), running.size());
    if (display != null) {
      display.update(List.of(), 0);
      terminal.flush();
    }
    running.clear();
  }

  /**
   * Every table the phase touched (reported through this port itself, not a {@link #stage}):
   * finished ones with their totals, the others as far as they got.
   */
  synchronized Map<String, TableTiming> timings() {
    Map<String, TableTiming> all = new LinkedHashMap<>();
    finished.forEach((key, timing) -> {
      if (key.stage().isEmpty()) {
        all.put(key.table(), timing);
      }
    });
    running.forEach((key, state) -> {
      if (key.stage().isEmpty()) {
        all.put(key.table(), new TableTiming(key.table(), state.rows, state.bytes,
            (System.nanoTime() - state.started) / 1_000_000, false));
      }
    });
    return all;
  }

  @Override
  public ReportProgressPort stage(String stage) {
    Objects.requireNonNull(stage, "stage");
    if (stage.isEmpty()) {
      return this;
    }
    return new StageProgressAdapter(stage);
  }

  @Override
  public void started(String table, long estimatedRows) {
    started(new Key("", table), estimatedRows);
  }

  private synchronized void started(Key key, long estimatedRows) {
    String table = key.table();
    running.put(key, new Running(estimatedRows, System.nanoTime()));
    log(table, "table {} started{} (about {} rows)", table, key.stage().isEmpty() ? "" : " " + key.stage(),
        estimatedRows);
    if (quiet) {
      return;
    }
    if (display == null) {
      // A pipeline's later stages start as soon as the export's first part is out: their start says nothing new.
      if (key.stage().isEmpty()) {
        err.printf(Locale.ROOT, "  %s: started (about %,d rows)%n", label(key), estimatedRows);
        err.flush();
      }
    } else {
      redraw(true);
    }
  }

  /** {@code users}, or in a pipeline {@code validate users}: the stage first, padded so that the tables line up. */
  private String label(Key key) {
    int plus = phase.indexOf('+');
    if (plus < 0) {
      return key.table();
    }
    String stage = key.stage().isEmpty() ? phase.substring(0, plus) : key.stage();
    return String.format(Locale.ROOT, "%-8s %s", stage, key.table());
  }

  /** A table's event, on whichever worker thread reports it: the MDC is set for the event and restored after. */
  private void log(String table, String message, Object... arguments) {
    Map<String, String> before = MDC.getCopyOfContextMap();
    MDC.put("run_id", runId);
    MDC.put("phase", phase);
    MDC.put("table", table);
    try {
      LOG.info(message, arguments);
    } finally {
      if (before == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(before);
      }
    }
  }

  @Override
  public void progressed(String table, long rows, long bytes) {
    progressed(new Key("", table), rows, bytes);
  }

  private synchronized void progressed(Key key, long rows, long bytes) {
    String table = key.table();
    if (Thread.currentThread().isInterrupted()) {
      // The phase was cancelled (Ctrl-C) or another table failed: stop this table's work here.
      throw new ConvergeException(ErrorCode.INTERNAL, "table " + table + ": stopped, the phase was interrupted");
    }
    Running state = running.get(key);
    if (state == null) {
      return;
    }
    state.rows = rows;
    state.bytes = bytes;
    if (quiet) {
      return;
    }
    if (display == null) {
      // Plain lines only now and then: a log, not a flood.
      // A pipeline's later stages follow the export's pace, which its own lines already show.
      if (key.stage().isEmpty() && System.nanoTime() - state.lastLine > 5_000_000_000L) {
        state.lastLine = System.nanoTime();
        err.printf(Locale.ROOT, "  %s: %,d rows, %.1f MB%n", label(key), rows, bytes / 1e6);
        err.flush();
      }
    } else {
      redraw(false);
    }
  }

  @Override
  public void finished(String table, long rows, long bytes, Duration elapsed) {
    finished(new Key("", table), rows, bytes, elapsed);
  }

  private synchronized void finished(Key key, long rows, long bytes, Duration elapsed) {
    String table = key.table();
    running.remove(key);
    finished.put(key, new TableTiming(table, rows, bytes, elapsed.toMillis(), true));
    log(table, "table {} finished{}: {} rows, {} bytes in {} ms", table,
        key.stage().isEmpty() ? "" : " " + key.stage(), rows, bytes, elapsed.toMillis());
    double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
    String line = String.format(Locale.ROOT, "  %s: %,d rows, %.1f MB in %.1f s (%,.0f rows/s)", label(key), rows,
        bytes / 1e6, seconds, rows / seconds);
    if (quiet) {
      return;
    }
    if (display == null) {
      err.println(line);
      err.flush();
    } else {
      display.update(List.of(), 0);
      terminal.writer().println(line);
      redraw(true);
    }
  }

  @Override
  public synchronized void notice(String line) {
    if (display == null) {
      err.println("  " + line);
      err.flush();
    } else {
      display.update(List.of(), 0);
      terminal.writer().println("  " + line);
      redraw(true);
    }
  }

  private void redraw(boolean now) {
    long time = System.nanoTime();
    if (!now && time - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = time;
    int width = Math.max(terminal.getWidth(), 40);
    display.resize(Math.max(terminal.getHeight(), running.size() + 1), width);
    List<AttributedString> lines = new ArrayList<>();
    for (Key key : inBoardOrder()) {
      lines.add(new AttributedString(bar(label(key), running.get(key), time, width)));
    }
    display.update(lines, -1);
    terminal.flush();
  }

  /** The running bars, a table's together (tables as they started) and its stages in the pipeline's order. */
  private List<Key> inBoardOrder() {
    List<String> tables = new ArrayList<>();
    running.keySet().forEach(key -> {
      if (!tables.contains(key.table())) {
        tables.add(key.table());
      }
    });
    List<String> stages = List.of(phase.split("\\+"));
    List<Key> keys = new ArrayList<>(running.keySet());
    // The port's own reports are the first stage; a stage the phase's name does not list goes last.
    keys.sort(java.util.Comparator.comparingInt((Key key) -> tables.indexOf(key.table()))
        .thenComparingInt(key -> key.stage().isEmpty() ? 0
            : stages.contains(key.stage()) ? stages.indexOf(key.stage()) : stages.size()));
    return keys;
  }

  /**
   * {@code user  [#######.......]  45%  12,345/27,000 rows  8,200 rows/s  ETA 2 s}, cut to the width;
   * {@code label} is the table, in a pipeline with its stage before it.
   */
  static String bar(String label, Running state, long now, int width) {
    double seconds = Math.max((now - state.started) / 1e9, 1e-3);
    double rate = state.rows / seconds;
    String line;
    if (state.estimated > 0) {
      double done = Math.min(1.0, (double) state.rows / state.estimated);
      int cells = 20;
      int filled = (int) Math.round(done * cells);
      String eta = rate > 0 && state.rows < state.estimated
          ? String.format(Locale.ROOT, "ETA %.0f s", (state.estimated - state.rows) / rate) : "";
      line = String.format(Locale.ROOT, "  %-24s [%s%s] %3.0f%%  %,d/%,d rows  %,.0f rows/s  %s", label,
          "#".repeat(filled), ".".repeat(cells - filled), done * 100, state.rows, state.estimated, rate, eta);
    } else {
      line = String.format(Locale.ROOT, "  %-24s %,d rows  %,.0f rows/s  %.0f s", label, state.rows, rate, seconds);
    }
    return line.length() >= width ? line.substring(0, width - 1) : line;
  }

  /** The reports of one stage of a pipeline, drawn on this board as that stage's bars. */
  private final class StageProgressAdapter implements ReportProgressPort {
    private final String stage;

    StageProgressAdapter(String stage) {
      this.stage = stage;
    }

    @Override
    public void started(String table, long estimatedRows) {
      TerminalProgressAdapter.this.started(new Key(stage, table), estimatedRows);
    }

    @Override
    public void progressed(String table, long rows, long bytes) {
      TerminalProgressAdapter.this.progressed(new Key(stage, table), rows, bytes);
    }

    @Override
    public void finished(String table, long rows, long bytes, Duration elapsed) {
      TerminalProgressAdapter.this.finished(new Key(stage, table), rows, bytes, elapsed);
    }

    @Override
    public void notice(String line) {
      TerminalProgressAdapter.this.notice(line);
    }

    @Override
    public ReportProgressPort stage(String other) {
      return TerminalProgressAdapter.this.stage(other);
    }
  }

  /** A table in one stage: {@code stage} is empty for the reports through the port itself. */
  record Key(String stage, String table) {}

  /** A table being worked on. */
  static final class Running {
    final long estimated;
    final long started;
    long rows;
    long bytes;
    long lastLine;

    Running(long estimated, long started) {
      this.estimated = estimated;
      this.started = started;
      this.lastLine = started;
    }
  }
}

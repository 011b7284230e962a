package dev.converge.application.service;

import dev.converge.application.port.in.BeginPhaseCommand;
import dev.converge.application.port.in.EndPhaseCommand;
import dev.converge.application.port.in.RecordPhaseUseCase;
import dev.converge.application.port.out.LockWorkDirectoryPort;
import dev.converge.application.port.out.StoreRunJournalPort;
import dev.converge.domain.run.RunJournal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps the run journal of a work directory: the first phase run there gives the run its id; each
 * phase is written when it begins (so a killed process leaves it visibly running) and when it ends.
 * A phase begins only once the work directory is this process's alone (one run per work directory).
 */
public final class RecordPhaseService implements RecordPhaseUseCase {

  private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final StoreRunJournalPort journals;
  private final LockWorkDirectoryPort lock;
  private final Clock clock;

  public RecordPhaseService(StoreRunJournalPort journals, LockWorkDirectoryPort lock, Clock clock) {
    this.journals = Objects.requireNonNull(journals, "journals");
    this.lock = Objects.requireNonNull(lock, "lock");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized RunJournal begin(BeginPhaseCommand command) {
    // Before the journal is read: another process's phase must not interleave with this one's.
    lock.lock();
    Instant now = clock.instant();
    RunJournal journal = journals.load().orElseGet(() -> RunJournal.start(newRunId(now), now, command.source(),
        command.target()));
    RunJournal begun = journal.begin(command.phase(), now, command.source(), command.target());
    journals.save(begun);
    return begun;
  }

  @Override
  public synchronized RunJournal end(EndPhaseCommand command) {
    RunJournal journal = journals.load().orElseThrow(() -> new IllegalStateException(
        "phase " + command.phase().command() + " ended, but the run journal is gone"));
    RunJournal ended = journal.end(command.phase(), command.at() == null ? clock.instant() : command.at(), command.outcome(), command.exitStatus(),
        command.summary(), command.error(), command.tables(), command.lockWait().toMillis());
    journals.save(ended);
    return ended;
  }

  /** Sortable by time, unique enough for two runs started in the same second. */
  private static String newRunId(Instant now) {
    return "run-" + ID.format(now) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }
}

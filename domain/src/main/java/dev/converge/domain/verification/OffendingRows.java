package dev.converge.domain.verification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Counts a check's offending rows and keeps the first few as evidence, in bounded memory. */
public final class OffendingRows {

  private final int kept;
  private final List<List<String>> examples = new ArrayList<>();
  private long count;

  public OffendingRows(int kept) {
    if (kept < 1) {
      throw new IllegalArgumentException("kept must be at least 1");
    }
    this.kept = kept;
  }

  /** Counts a row, and keeps a copy while fewer than {@code kept} are kept (the row may be reused). */
  public void add(List<String> row) {
    count++;
    if (examples.size() < kept) {
      // Values may be NULL, which List.copyOf refuses.
      examples.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
  }

  public long count() {
    return count;
  }

  public List<List<String>> examples() {
    return Collections.unmodifiableList(examples);
  }
}

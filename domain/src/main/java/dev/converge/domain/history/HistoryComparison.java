package dev.converge.domain.history;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's migration history on both sides, compared release by release. Both sides must
 * be at the same release: a release one side has beyond the newest release both share means the
 * two run different versions of the application, and the data of one does not fit the schema of
 * the other. Releases only one side has that are older than the newest shared one are the
 * dialect-specific migrations every multi-database application ships; they are reported, not held
 * against the run. Histories that share no release at all (a target with a baseline of its own) can
 * not be compared by converge, and the comparison says so.
 *
 * @param sourceAhead releases only the source has, newer than the newest shared one, oldest first
 * @param targetAhead releases only the target has, newer than the newest shared one, oldest first
 * @param dialectSpecific versions only one side has, older than the newest shared release
 */
public record HistoryComparison(HistoryTable table, int sourceVersions, int targetVersions, String newestShared,
    String sourceNewest, String targetNewest, List<String> sourceAhead, List<String> targetAhead,
    List<String> dialectSpecific, List<String> accepted) {

  /** Orders versions as people read them: digit runs as numbers, so 2 &lt; 10 and 1.9 &lt; 1.10. */
  public static final Comparator<String> NATURAL_ORDER = HistoryComparison::compareNaturally;

  private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

  public HistoryComparison {
    Objects.requireNonNull(table, "table");
    sourceAhead = List.copyOf(sourceAhead);
    targetAhead = List.copyOf(targetAhead);
    dialectSpecific = List.copyOf(dialectSpecific);
    accepted = List.copyOf(accepted);
  }

  /**
   * Compares the versions each side recorded; {@code accepted} are releases the operator knows one
   * side lacks on purpose (never held against the run).
   */
  public static HistoryComparison of(HistoryTable table, Set<String> source, Set<String> target, Set<String> accepted) {
    Set<String> acceptedReleases = releases(table, accepted);
    TreeSet<String> sourceReleases = releases(table, source);
    TreeSet<String> targetReleases = releases(table, target);
    TreeSet<String> shared = new TreeSet<>(NATURAL_ORDER);
    shared.addAll(sourceReleases);
    shared.retainAll(targetReleases);
    String newestShared = shared.isEmpty() ? null : shared.last();
    List<String> sourceAhead = new ArrayList<>();
    List<String> targetAhead = new ArrayList<>();
    List<String> acceptedSeen = new ArrayList<>();
    if (newestShared != null) {
      split(sourceReleases.tailSet(newestShared, false), acceptedReleases, sourceAhead, acceptedSeen);
      split(targetReleases.tailSet(newestShared, false), acceptedReleases, targetAhead, acceptedSeen);
    }
    List<String> dialectSpecific = new ArrayList<>();
    if (newestShared != null) {
      TreeSet<String> oneSided = new TreeSet<>(NATURAL_ORDER);
      for (String version : union(source, target)) {
        boolean both = source.contains(version) && target.contains(version);
        if (!both && NATURAL_ORDER.compare(table.scheme().release(version), newestShared) <= 0) {
          oneSided.add(version);
        }
      }
      dialectSpecific.addAll(oneSided);
    }
    return new HistoryComparison(table, source.size(), target.size(), newestShared,
        sourceReleases.isEmpty() ? null : sourceReleases.last(), targetReleases.isEmpty() ? null : targetReleases.last(),
        sourceAhead, targetAhead, dialectSpecific, acceptedSeen);
  }

  /** Whether both sides are at the same release (or the histories cannot be compared at all). */
  public boolean matches() {
    return sourceAhead.isEmpty() && targetAhead.isEmpty();
  }

  /** Whether the two histories share no release, so converge cannot tell which release each side is at. */
  public boolean disjoint() {
    return newestShared == null && sourceVersions > 0 && targetVersions > 0;
  }

  /** Why the run must not go on, when the sides are at different releases. */
  public Optional<String> mismatch() {
    if (!targetAhead.isEmpty()) {
      return Optional.of("the target's application is newer than the source's: the target has " + targetAhead.size()
          + " migration(s) the source has not run, newer than the last release both share (" + newestShared + "): "
          + abbreviate(targetAhead) + ". Upgrade the source application first (let it run its migrations on MySQL),"
          + " or provision the target from the release the source runs; then plan again");
    }
    if (!sourceAhead.isEmpty()) {
      return Optional.of("the source's application is newer than the target's: the source has run " + sourceAhead.size()
          + " migration(s) the target lacks, newer than the last release both share (" + newestShared + "): "
          + abbreviate(sourceAhead) + ". Provision the target from the release the source runs; then plan again");
    }
    return Optional.empty();
  }

  /** One line for the operator. */
  public String summary() {
    if (sourceVersions == 0 || targetVersions == 0) {
      return table + ": " + (sourceVersions == 0 ? "the source" : "the target") + " records no migration; nothing to compare";
    }
    if (disjoint()) {
      return table + ": the histories share no release (source newest " + sourceNewest + ", target newest "
          + targetNewest + "; a target baseline of its own?) — converge cannot tell the releases apart; check by hand";
    }
    return mismatch().map(reason -> table + ": " + reason).orElseGet(() -> table + ": same release on both sides ("
        + newestShared + ")" + (dialectSpecific.isEmpty() ? "" : "; " + dialectSpecific.size()
            + " dialect-specific version(s) on one side only: " + abbreviate(dialectSpecific))
        + (accepted.isEmpty() ? "" : "; accepted as missing: " + abbreviate(accepted)));
  }

  private static TreeSet<String> releases(HistoryTable table, Set<String> versions) {
    TreeSet<String> releases = new TreeSet<>(NATURAL_ORDER);
    versions.forEach(version -> releases.add(table.scheme().release(version)));
    return releases;
  }

  private static void split(Set<String> releases, Set<String> accepted, List<String> ahead, List<String> acceptedSeen) {
    for (String release : releases) {
      (accepted.contains(release) ? acceptedSeen : ahead).add(release);
    }
  }

  private static Set<String> union(Set<String> one, Set<String> other) {
    Set<String> all = new TreeSet<>(one);
    all.addAll(other);
    return all;
  }

  private static String abbreviate(List<String> versions) {
    List<String> shown = versions.stream().limit(10).toList();
    return String.join(", ", shown) + (versions.size() > shown.size() ? ", … (" + versions.size() + " in all)" : "");
  }

  private static int compareNaturally(String one, String other) {
    Matcher left = CHUNK.matcher(one);
    Matcher right = CHUNK.matcher(other);
    while (left.find()) {
      if (!right.find()) {
        return 1;
      }
      String a = left.group();
      String b = right.group();
      boolean numbers = Character.isDigit(a.charAt(0)) && Character.isDigit(b.charAt(0));
      int order = numbers ? new BigInteger(a).compareTo(new BigInteger(b)) : a.compareTo(b);
      if (order != 0) {
        return order;
      }
    }
    return right.find() ? -1 : one.compareTo(other);
  }
}

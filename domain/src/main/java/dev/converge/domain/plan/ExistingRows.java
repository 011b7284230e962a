package dev.converge.domain.plan;

/** What the load does with rows the target table already holds (an application's seed migration). */
public enum ExistingRows {
  /** Empty the table first; the source has the full content. The default. */
  TRUNCATE,
  /** Leave them and add the source rows; a key collision fails the load. */
  KEEP,
  /** Leave them and add only source rows whose primary key the target does not have yet. */
  MERGE_BY_PRIMARY_KEY
}

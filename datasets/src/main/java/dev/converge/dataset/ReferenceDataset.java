package dev.converge.dataset;

import java.util.List;
import java.util.Set;

/** A source/target schema pair with the generator that fills the source. */
public interface ReferenceDataset {

  /** Short name used on the command line: {@code alkemio} or {@code kratos}. */
  String name();

  /** Classpath resource of the MySQL 8 DDL script that creates the source schema. */
  String mysqlSchemaResource();

  /**
   * Flyway location of the Postgres baseline migrations ({@code V1__baseline.sql}, optional {@code
   * V2__seed.sql}), e.g. {@code classpath:dev/converge/datasets/alkemio/postgres}.
   */
  String postgresMigrationLocation();

  /**
   * Every generated source table, parents before children so that FK checks can stay on; the one
   * exception is a documented FK cycle (Alkemio's {@code storage_aggregator.directStorageId}),
   * whose forward reference needs FK checks off while its table loads, as mysqldump does.
   */
  List<GeneratedTable> tables();

  /**
   * Source tables that converge must never copy: transient caches and migration histories that the
   * target keeps for itself. They are still generated, so that excluding them is tested.
   */
  default Set<String> tablesNeverCopied() {
    return Set.of();
  }

  /**
   * The dirty values {@link DatasetOptions#dirty()} adds, one entry per table, column and kind; the
   * clean variant contains none of them.
   */
  default List<DirtyTrap> dirtyTraps() {
    return List.of();
  }
}

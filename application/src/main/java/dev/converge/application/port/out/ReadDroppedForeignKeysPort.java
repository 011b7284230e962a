package dev.converge.application.port.out;

import dev.converge.domain.schema.ForeignKey;
import java.util.List;
import java.util.Objects;

/**
 * The foreign keys a load under {@link dev.converge.domain.plan.ForeignKeyStrategy#DROP_AND_RECREATE}
 * dropped and has not re-created yet (the run was interrupted); the next load's finish re-creates them.
 */
public interface ReadDroppedForeignKeysPort {

  /** Dropped, still kept foreign keys whose table is in the target schema; empty when none. */
  List<DroppedForeignKey> droppedForeignKeys();

  /** A kept foreign key and the target table it belongs to, as the target's catalog would report it. */
  record DroppedForeignKey(String table, ForeignKey foreignKey) {
    public DroppedForeignKey {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(foreignKey, "foreignKey");
    }
  }
}

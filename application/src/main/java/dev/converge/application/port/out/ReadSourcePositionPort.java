package dev.converge.application.port.out;

import dev.converge.domain.manifest.SourcePosition;
import java.util.Optional;

/** The source's replication position now, to tell whether it moved since an export was read. */
public interface ReadSourcePositionPort {

  /** The GTID set or binary-log position now; empty when the source keeps neither. */
  Optional<SourcePosition> readSourcePosition();
}

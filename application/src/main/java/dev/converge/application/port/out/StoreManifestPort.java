package dev.converge.application.port.out;

import dev.converge.domain.manifest.Manifest;
import java.util.Optional;

/** Keeps the export manifest ({@code migration_manifest_<yyyyMMdd_HHmmss>.json}) in the work directory. */
public interface StoreManifestPort {

  /** Writes the manifest whole (replacing its earlier state) and returns where. */
  String save(Manifest manifest, String fileName);

  /** The most recent manifest in the work directory, with its file name. */
  Optional<Stored> latest();

  /** A manifest and the file it is in. */
  record Stored(Manifest manifest, String fileName) {}
}

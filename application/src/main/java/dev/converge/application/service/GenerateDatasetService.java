package dev.converge.application.service;

import dev.converge.dataset.GeneratedTable;
import dev.converge.application.port.in.GenerateDatasetCommand;
import dev.converge.application.port.in.GenerateDatasetReport;
import dev.converge.application.port.in.GenerateDatasetUseCase;
import dev.converge.application.port.out.CreateSourceSchemaPort;
import dev.converge.application.port.out.WriteSourceRowsPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Creates a reference dataset's MySQL schema and streams its generated rows into it. */
public final class GenerateDatasetService implements GenerateDatasetUseCase {

  private final CreateSourceSchemaPort schema;
  private final WriteSourceRowsPort rows;

  public GenerateDatasetService(CreateSourceSchemaPort schema, WriteSourceRowsPort rows) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.rows = Objects.requireNonNull(rows, "rows");
  }

  @Override
  public GenerateDatasetReport generate(GenerateDatasetCommand command) {
    long started = System.nanoTime();
    schema.createSchema(script(command.dataset().mysqlSchemaResource()));
    List<GeneratedTable> tables = command.dataset().tables();
    Map<String, Future<Long>> written = new LinkedHashMap<>();
    ExecutorService workers = Executors.newFixedThreadPool(command.parallelism(), runnable -> {
      Thread thread = new Thread(runnable, "converge-generate");
      thread.setDaemon(true);
      return thread;
    });
    try {
      for (GeneratedTable table : tables) {
        written.put(table.name(), workers.submit(
            () -> rows.writeRows(table.name(), table.columns(), sink -> table.rows(command.options(), sink))));
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      for (Map.Entry<String, Future<Long>> table : written.entrySet()) {
        counts.put(table.getKey(), table.getValue().get());
      }
      return new GenerateDatasetReport(command.dataset().name(), counts, Duration.ofNanos(System.nanoTime() - started));
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure
          : new ConvergeException(ErrorCode.INTERNAL, "generating " + command.dataset().name() + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConvergeException(ErrorCode.INTERNAL, "interrupted while generating " + command.dataset().name(), e);
    } finally {
      workers.shutdownNow();
    }
  }

  private static String script(String resource) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    try (InputStream in = GenerateDatasetService.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new ConvergeException(ErrorCode.INTERNAL, "the dataset's DDL resource " + resource + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.INTERNAL, "cannot read " + resource, e);
    }
  }
}

package dev.converge.dataset;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Benchmark (not a test): streams every row of both reference datasets at a scale and reports rows,
 * rows/s and peak heap. Run through bench/generator-throughput.sh, which fixes the heap size.
 */
public final class GeneratorThroughput {

  private GeneratorThroughput() {}

  public static void main(String[] args) {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
    DatasetOptions options = DatasetOptions.clean(scale);
    long rows = 0;
    long characters = 0;
    long started = System.nanoTime();
    for (ReferenceDataset dataset : ReferenceDatasets.all()) {
      for (GeneratedTable table : dataset.tables()) {
        long[] counted = {0, 0};
        table.rows(options, row -> {
          counted[0]++;
          for (Object value : row) {
            counted[1] += value instanceof String text ? text.length() : value instanceof byte[] bytes ? bytes.length : 8;
          }
        });
        rows += counted[0];
        characters += counted[1];
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "scale %.4f: %,d rows, %,d MB of values in %.1f s = %,.0f rows/s; peak heap %d MB (max %d MB)%n",
        scale, rows, characters >> 20, seconds, rows / seconds, peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }
}

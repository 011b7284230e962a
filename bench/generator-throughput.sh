#!/usr/bin/env bash
# Generator throughput (issue #3): streams both reference datasets at a scale with a 64 MB heap,
# without any database, and prints rows/s and peak heap. Usage: bench/generator-throughput.sh [scale]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o -pl datasets -am install -DskipTests >/dev/null 2>&1 || ./mvnw -q -pl datasets -am install -DskipTests
./mvnw -q -pl datasets test-compile
java -Xmx64m -cp datasets/target/classes:datasets/target/test-classes \
  dev.converge.dataset.GeneratorThroughput "${1:-1}"

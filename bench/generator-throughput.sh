#!/usr/bin/env bash
# Generator throughput (issue #3): streams both reference datasets at a scale with a 64 MB heap,
# without any database, and prints rows/s and peak heap. Usage: bench/generator-throughput.sh [scale]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o -pl domain,application install -DskipTests >/dev/null 2>&1 || ./mvnw -q -pl domain,application install -DskipTests
./mvnw -q -pl application test-compile
java -Xmx64m -cp application/target/classes:application/target/test-classes:domain/target/classes \
  dev.converge.application.dataset.GeneratorThroughput "${1:-1}"

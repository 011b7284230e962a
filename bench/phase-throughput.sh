#!/usr/bin/env bash
# Phase throughput (issues #5, #6): generates both reference datasets at a scale into the embedded
# MySQL 8.0.31, provisions the embedded PostgreSQL 17.5, plans, then times export, validate, import
# and verify in one JVM with a 512 MB heap; prints the plan's data scan beside the export (issue #14),
# each timed in rounds with converge's default TLS (prefer) and in plaintext, the order swapped each round.
# Usage: bench/phase-throughput.sh [scale=0.5] [parallel=4] [mysql|mariadb] [datasets=alkemio,kratos] [rounds=2]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q install -DskipTests
./mvnw -q -pl bootstrap test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
java -Xmx512m -cp "bootstrap/target/test-classes:bootstrap/target/classes:$(cat bootstrap/target/bench.classpath)" \
  dev.converge.bootstrap.ExportBenchmark "${1:-0.5}" "${2:-4}" "${3:-mysql}" "${4:-alkemio,kratos}" "${5:-2}"

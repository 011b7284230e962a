#!/usr/bin/env bash
# The cut-over benchmark (issue #8): the Alkemio-shaped dataset at a scale in the embedded MySQL 8.0.31,
# then N times on that data, each into a fresh PostgreSQL 17.5 database: the native floor (SELECT … INTO
# OUTFILE + COPY FROM STDIN, tables in parallel), the pipelined floor (each table's COPY started as soon
# as its OUTFILE ends) and converge migrate (export, validate, import, verify,
# timed per phase from the run journal) in a JVM limited to 512 MB of heap. Prints each run and the
# medians, with the ratios to the floor, and writes JSON into bench/results/.
# Usage: bench/cutover.sh [scale=1] [parallel=4] [runs=3]
# A/B of a setting in the same runs: CONVERGE_BENCH_VARIANT="--part-size 16MiB" bench/cutover.sh 1 4 2 runs a second
# migrate per run with those options (first in every other run) and prints it as "variant migrate".
# Profile with JFR: JAVA_OPTS="-XX:StartFlightRecording=filename=cutover.jfr,settings=profile" bench/cutover.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# Compiled in the reactor, nothing installed: the sibling modules come from their target/classes.
./mvnw -q -pl bootstrap -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
java -Xmx512m ${JAVA_OPTS:-} -cp "bootstrap/target/test-classes:bootstrap/target/classes:$(cat bootstrap/target/bench.classpath)" \
  dev.converge.bootstrap.CutoverBenchmark "${1:-1}" "${2:-4}" "${3:-3}" bench/results

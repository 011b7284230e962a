#!/usr/bin/env bash
# The sync benchmark (issue #13): the Alkemio-shaped dataset at a scale in the embedded MySQL 8.0.31, pre-copied
# with migrate into a fresh PostgreSQL 17.5 database; then about 1 % of the rows changed with SQL on MySQL (deleted
# and inserted again under new keys, updated; cascades on top); then sync (its proof included) timed against
# migrate + verify of the same changed data into another fresh database, in a JVM limited to 512 MB of heap.
# Prints both and their ratio (target: sync ≤ 0.5 × migrate + verify) and writes JSON into bench/results/.
# Builds in the reactor (no install): the modules' own target/classes are on the class path.
# Usage: bench/sync.sh [scale=1] [parallel=4]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl bootstrap -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
java -Xmx512m ${JAVA_OPTS:-} -cp "bootstrap/target/test-classes:bootstrap/target/classes:$(cat bootstrap/target/bench.classpath)" \
  dev.converge.bootstrap.SyncBenchmark "${1:-1}" "${2:-4}" bench/results

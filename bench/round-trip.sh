#!/usr/bin/env bash
# The round trip as a property at benchmark size (issue #16): ROWS rows of random values of every
# conversion kind (27 columns, one or more per kind) into the embedded MySQL 8.0.31, converge migrate
# into PostgreSQL 17.5, every value compared with an expectation computed from the generated value.
# Prints the non-NULL values compared per column and every difference; exits 1 on any difference.
# Usage: bench/round-trip.sh [rows=1000000] [seed=20261202]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q install -DskipTests
./mvnw -q -pl bootstrap test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
java -Xmx512m ${JAVA_OPTS:-} -cp "bootstrap/target/test-classes:bootstrap/target/classes:$(cat bootstrap/target/bench.classpath)" \
  dev.converge.bootstrap.RoundTripProperty "${1:-1000000}" "${2:-20261202}"

#!/usr/bin/env bash
# Builds what the bench needs (no tests) and runs the JMH ClassifierBench (posts classified per
# second on one core); extra arguments go to JMH, e.g. bench/run-classify-bench.sh -wi 2 -i 3.
# SKIP_BUILD=1 reuses the last build. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  ./mvnw -B -q package -Dmaven.test.skip=true -Dspotless.check.skip=true
fi
exec java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  org.openjdk.jmh.Main ClassifierBench "$@"

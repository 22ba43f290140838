#!/usr/bin/env bash
# Builds what the bench needs (no tests) and runs IngestBench with the given options, e.g.
#   bench/run-ingest-bench.sh --duration 60s --concurrency 32
# SKIP_BUILD=1 reuses the last build. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  ./mvnw -B -q package -Dmaven.test.skip=true -Dspotless.check.skip=true
fi
exec java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  -Dswitchboard.home="$PWD" dev.switchboard.bench.IngestBench "$@"

#!/usr/bin/env sh
# Backfill import from the command line: publishes a CSV or JSONL export straight to Kafka with
# ingest-service's own mapping and producer settings (docs/backfill.md). Build the jar first:
#   ./mvnw -B -pl ingest-service package -DskipTests
# Example:
#   ingest-service/backfill.sh --file export.csv --format csv --mapping facebook-comments \
#     --channel FACEBOOK --account 123456789 --kafka 127.0.0.1:19092 --report report.json
set -eu
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/target/ingest-service-0.1.0-SNAPSHOT.jar"
if [ ! -f "$jar" ]; then
  echo "No $jar; build it with: ./mvnw -B -pl ingest-service package -DskipTests" >&2
  exit 2
fi
exec java ${BACKFILL_JAVA_OPTS:-} -cp "$jar" dev.switchboard.ingest.backfill.cli.BackfillCommand "$@"

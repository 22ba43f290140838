#!/usr/bin/env bash
# Sends one signed post to the running stack's generic webhook, as a platform or tool would.
# Usage: deploy/local-stack/post-sample.sh <account> "<text>" [thread-root-id]
# The account's secret comes from SWITCHBOARD_WEBHOOK_SECRET_<ACCOUNT> (./run prints it).
set -euo pipefail
account=${1:?usage: post-sample.sh <account> "<text>" [thread-root-id]}
text=${2:?usage: post-sample.sh <account> "<text>" [thread-root-id]}
var="SWITCHBOARD_WEBHOOK_SECRET_$(printf '%s' "$account" | tr '[:lower:]' '[:upper:]' | sed 's/[^A-Z0-9]/_/g')"
secret=${!var:?set $var to the account\'s webhook secret (./run prints it)}
id="sample-$(date +%s%N)"
root=${3:-$id}
escaped=$(printf '%s' "$text" | sed 's/\\/\\\\/g; s/"/\\"/g')
body=$(printf '{"platformId":"%s","threadRootId":"%s","kind":"created","itemType":"comment","author":{"id":"sample-author","name":"Sample Author"},"text":"%s","url":"https://example.org/%s","createdAt":"%s"}' \
  "$id" "$root" "$escaped" "$id" "$(date -u +%Y-%m-%dT%H:%M:%SZ)")
signature="sha256=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" | sed 's/^.*= //')"
curl -sS -i -X POST "http://127.0.0.1:${INGEST_PORT:-8081}/webhooks/generic/$account" \
  -H 'Content-Type: application/json' -H "X-Hub-Signature-256: $signature" --data-binary "$body"
echo

#!/usr/bin/env bash
# Makes, once, the local key that encrypts what LeadFlow stores in Temporal:
# .local/temporal-codec.properties (key id "local", 32 random bytes), which the worker and the API
# read when they are started from the repository root (spring.config.import in their
# application.yml). Development only, never in an image (.dockerignore): production passes its keys
# in LEADFLOW_TEMPORAL_CODEC_* (docs/compose.md). Keep the file as long as .local/temporal.db: the
# histories in it cannot be read without it. Used by run-local.sh and bench/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
file=$root/.local/temporal-codec.properties
[[ -s $file ]] && exit 0
mkdir -p "$root/.local"
umask 077
tmp=$(mktemp "$file.XXXX")
{
  echo "# LeadFlow's local key for Temporal payloads (scripts/temporal-codec-key.sh). Development only."
  echo "leadflow.temporal.codec.active-key=local"
  echo "leadflow.temporal.codec.keys.local=$(head -c 32 /dev/urandom | base64)"
} > "$tmp"
mv "$tmp" "$file"
echo "Made the local key for Temporal payloads: ${file#"$root"/}" >&2

#!/usr/bin/env bash
# Prints the path of a schemathesis CLI (`st`), the schema-based API fuzzer ApiFuzzTest runs.
# Uses the pinned version below from .tools/ (git-ignored; LEADFLOW_TOOLS_DIR for another folder),
# installing it there once, in its own Python virtual environment, from PyPI. Exit 1 with one
# line on stderr when that cannot be done (no python3, PyPI out of reach).
set -euo pipefail
version=4.32.5
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${LEADFLOW_TOOLS_DIR:-$root/.tools}/schemathesis-$version
cli=$dir/bin/st

if [[ -x $cli ]] && "$cli" --version >/dev/null 2>&1; then
  echo "$cli"
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "Cannot install schemathesis $version: no python3 on PATH." >&2
  exit 1
fi

echo "Installing schemathesis $version into ${dir#"$root"/} (once)..." >&2
rm -rf "$dir" 2>/dev/null || true
if mkdir -p "$(dirname "$dir")" 2>/dev/null \
  && python3 -m venv "$dir" >/dev/null 2>&1 \
  && "$dir/bin/python" -m pip install -q --disable-pip-version-check "schemathesis==$version" >/dev/null 2>&1 \
  && "$cli" --version >/dev/null 2>&1; then
  echo "$cli"
  exit 0
fi
rm -rf "$dir" 2>/dev/null || true
echo "Cannot install schemathesis $version from PyPI (python3 -m venv, pip): install it into $dir yourself, or the fuzz test is skipped." >&2
exit 1

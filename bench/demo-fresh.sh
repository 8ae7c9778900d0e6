#!/usr/bin/env bash
# demo-fresh.sh — `make demo` on a fresh clone (issue 20: ≤ 6 minutes on 2 cores): clones COMMIT
# (default HEAD) of this repository into a temporary folder, then times its `swift build` (what
# make demo compiles, with the number of compile units) and the whole `make demo` (packages and
# the lab already there, as on a machine that ran it once). Notes the load average, since other
# builds on the machine change the figure.
# Usage: bench/demo-fresh.sh [COMMIT]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COMMIT="${1:-HEAD}"
WORK="$(mktemp -d /tmp/runbook-demo-fresh.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
git clone --quiet "$ROOT" "$WORK/clone"
git -C "$WORK/clone" checkout --quiet "$COMMIT"
cd "$WORK/clone"
echo "commit $(git rev-parse --short HEAD), load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
start=$(date +%s)
swift build >"$WORK/build.log" 2>&1
build=$(( $(date +%s) - start ))
echo "swift build: ${build} s, $(grep -c '^\[' "$WORK/build.log") build steps, load after: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)
make demo >"$WORK/demo.log" 2>&1 || { tail -n 20 "$WORK/demo.log"; exit 1; }
echo "make demo after that build: $(( $(date +%s) - start )) s; in all: $(( build + $(date +%s) - start )) s"

#!/usr/bin/env bash
# module-wall-time.sh — module 1 under `runbook run` against the same docker commands in a plain
# shell script (bench/module.sh), on the offline lab; warm caches (the image build and the push
# are cached after the first run, as on a lab machine validated twice). Target ratio ≤ 1.05.
# Usage: bench/module-wall-time.sh [RUNS]   (needs scripts/lab-up.sh and a release build)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-10}"
RUNBOOK="${RUNBOOK:-$ROOT/.build/release/runbook}"
[ -x "$RUNBOOK" ] || { echo "build first: swift build -c release --product runbook" >&2; exit 1; }
# shellcheck disable=SC1091
. "$ROOT/lab/lab.env"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
hyperfine --warmup 1 --runs "$RUNS" --export-json "$WORK/out.json" \
    -n "shell script" "bench/module.sh --learner bench --quiet" \
    -n "runbook run" "rm -rf $WORK/r; $RUNBOOK run workshop.yaml --var-file lab/vars.yaml --learner bench --quiet --out $WORK/r"
python3 - "$WORK/out.json" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
shell, runbook = runs[0]["mean"], runs[1]["mean"]
print(f"module: shell {shell:.2f} s, runbook {runbook:.2f} s; ratio {runbook / shell:.3f}")
PY

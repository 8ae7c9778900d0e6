#!/usr/bin/env bash
# trivial-steps.sh — runbook's overhead per step: `runbook run` of N trivial exec steps (each with
# an expectation, journal on) against a plain shell script running the same N commands.
# Usage: bench/trivial-steps.sh [N]   (needs a release build: swift build -c release --product runbook)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-200}"
RUNBOOK="${RUNBOOK:-$ROOT/.build/release/runbook}"
[ -x "$RUNBOOK" ] || { echo "build first: swift build -c release --product runbook" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

{
    echo "runbook: 1"
    echo "steps:"
    for i in $(seq "$N"); do
        printf '  - id: s%d\n    exec: [echo, "step %d"]\n    expect: { stdout: { equals: "step %d" } }\n' "$i" "$i" "$i"
    done
} > "$WORK/trivial.yaml"
{
    echo "#!/bin/sh"
    for i in $(seq "$N"); do echo "echo 'step $i' > /dev/null"; done
} > "$WORK/trivial.sh"
sed -i 's|^echo|/bin/echo|' "$WORK/trivial.sh"
chmod +x "$WORK/trivial.sh"

cd "$WORK"
hyperfine --warmup 2 --runs 10 --export-json "$WORK/out.json" \
    -n "shell script ($N commands)" "$WORK/trivial.sh" \
    -n "runbook run ($N steps)" "rm -rf $WORK/r; $RUNBOOK run $WORK/trivial.yaml --quiet --out $WORK/r"
python3 - "$WORK/out.json" "$N" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
n = int(sys.argv[2])
shell, runbook = runs[0]["mean"], runs[1]["mean"]
print(f"per command: shell {shell / n * 1000:.2f} ms, runbook {runbook / n * 1000:.2f} ms; ratio {runbook / shell:.2f}")
PY

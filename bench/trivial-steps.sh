#!/usr/bin/env bash
# trivial-steps.sh — runbook's overhead per step: `runbook run` of N trivial exec steps (each with
# an expectation, journal on) against a bash script running the same N commands with the same
# check (`[ "$(/bin/echo 'step 1')" = 'step 1' ] || exit 1`).
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
    echo "#!/bin/bash"
    for i in $(seq "$N"); do echo "[ \"\$(/bin/echo 'step $i')\" = 'step $i' ] || exit 1"; done
} > "$WORK/trivial.sh"
chmod +x "$WORK/trivial.sh"

cd "$WORK"
hyperfine --warmup 2 --runs 10 --export-json "$WORK/out.json" \
    -n "bash script ($N commands and checks)" "$WORK/trivial.sh" \
    -n "runbook run ($N steps)" "rm -rf $WORK/r; $RUNBOOK run $WORK/trivial.yaml --quiet --out $WORK/r"
python3 - "$WORK/out.json" "$N" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
n = int(sys.argv[2])
shell, runbook = runs[0]["mean"], runs[1]["mean"]
print(f"per command: bash {shell / n * 1000:.2f} ms, runbook {runbook / n * 1000:.2f} ms; ratio {runbook / shell:.2f}")
PY
# The runner's own CPU per step: CPU (user + system, children included) of runbook minus that of
# the bash script, which starts the same N echo processes; median of 5 each.
cpu() {
    local i
    for i in 1 2 3 4 5; do
        rm -rf "$WORK/r"
        /usr/bin/time -f '%U %S' -o "$WORK/cpu" "$@" > /dev/null
        awk '{ print $1 + $2 }' "$WORK/cpu"
    done | sort -n | sed -n 3p
}
bash_cpu=$(cpu "$WORK/trivial.sh")
runbook_cpu=$(cpu "$RUNBOOK" run "$WORK/trivial.yaml" --quiet --out "$WORK/r")
python3 -c "print(f'CPU: bash {$bash_cpu:.2f} s, runbook {$runbook_cpu:.2f} s; the runner\'s own CPU per step {($runbook_cpu - $bash_cpu) / $N * 1000:.2f} ms')"


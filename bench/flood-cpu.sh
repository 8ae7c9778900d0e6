#!/usr/bin/env bash
# flood-cpu.sh — the CPU time (task-clock of the one process, its children not counted) that
# `runbook run` spends on a step printing SIZE MiB of 100-byte lines that all match its `count`
# regex (`exec: [cat, FILE]`; runbook's threads counted, the CPU of the writing `cat`, measured
# alone into a pipe, taken off), against `grep -cE` counting the same lines read from the same
# pipe (`cat FILE |`, grep alone counted), RUNS times interleaved, medians. CPU time, not wall time, because the 2-core machine is shared: a
# busy neighbour stretches wall time but not (much) the instructions a process itself runs.
# Usage: bench/flood-cpu.sh [SIZE_MIB] [RUNS]   (needs perf and a release build)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZE="${1:-256}"
RUNS="${2:-5}"
RUNBOOK="${RUNBOOK:-$ROOT/.build/release/runbook}"
[ -x "$RUNBOOK" ] || { echo "build first: swift build -c release --product runbook" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
LINE='Accuracy at step 1234: 0.9731 loss=0.0123 lr=0.001000 batch batch batch batch batch batch batch ba'
LINES=$((SIZE * 1048576 / 100))
(yes "$LINE" || true) | head -n "$LINES" > "$WORK/flood.txt"
cat > "$WORK/flood.yaml" <<YAML
runbook: 1
steps:
  - id: flood
    exec: [cat, "$WORK/flood.txt"]
    timeout: 10m
    expect:
      stdout:
        - count: { matches: '^Accuracy at step \\d+: 0\\.\\d+', min: 10 }
YAML
clock() {  # task-clock in ms of what perf runs, its threads and children included
    # Not > /dev/null: GNU grep stops at the first match when its output is /dev/null.
    perf stat -x, -e task-clock -o "$WORK/perf" -- "$@" > "$WORK/output" 2>&1 || true
    awk -F, '/task-clock/ { printf "%.0f", $1 }' "$WORK/perf"
}
for run in $(seq "$RUNS"); do
    echo "grep $(cat "$WORK/flood.txt" | clock grep -cE '^Accuracy at step [0-9]+: 0\.[0-9]+')" >> "$WORK/times"
    rm -rf "$WORK/r"
    echo "runbook $(clock "$RUNBOOK" run "$WORK/flood.yaml" --quiet --out "$WORK/r")" >> "$WORK/times"
    perf stat -x, -e task-clock -o "$WORK/perf" -- cat "$WORK/flood.txt" | cat > /dev/null
    echo "cat $(awk -F, '/task-clock/ { printf "%.0f", $1 }' "$WORK/perf")" >> "$WORK/times"
done
python3 - "$WORK/times" "$SIZE" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
grep = statistics.median(float(r[1]) for r in rows if r[0] == "grep")
writer = statistics.median(float(r[1]) for r in rows if r[0] == "cat")
runbook = statistics.median(float(r[1]) for r in rows if r[0] == "runbook") - writer
size = int(sys.argv[2])
print(f"CPU for {size} MiB: grep -cE {grep:.0f} ms ({size * 1.048576 / grep * 1000:.0f} MB/s of CPU), "
      f"runbook {runbook:.0f} ms ({size * 1.048576 / runbook * 1000:.0f} MB/s of CPU; the writing cat's {writer:.0f} ms "
      f"taken off); ratio {runbook / grep:.2f}")
PY

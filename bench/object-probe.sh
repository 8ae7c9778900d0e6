#!/usr/bin/env bash
# object-probe.sh — one object probe (`container: NAME`) through the Engine API against the same
# probe through the docker CLI (`--engine-cli`), paired: N probe steps on one running container,
# the two ways interleaved RUNS times; the figure is the median of every step's own duration
# (results.json), so that the run's start-up is not in it. Also counts the docker CLI processes.
# Usage: bench/object-probe.sh [N] [RUNS]   (needs an engine with runbook-lab/ubuntu, a release build)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-100}"
RUNS="${2:-5}"
RUNBOOK="${RUNBOOK:-$ROOT/.build/release/runbook}"
[ -x "$RUNBOOK" ] || { echo "build first: swift build -c release --product runbook" >&2; exit 1; }
WORK="$(mktemp -d)"
NAME="bench-probe-$$"
trap 'docker rm -f "$NAME" >/dev/null 2>&1; rm -rf "$WORK"' EXIT
docker run -d --name "$NAME" runbook-lab/ubuntu sleep 600 > /dev/null
{
    echo "runbook: 1"
    echo "steps:"
    for i in $(seq "$N"); do
        printf '  - id: p%d\n    container: %s\n    expect: { stdout: { json: { path: .State.Running, equals: "true" } } }\n' "$i" "$NAME"
    done
} > "$WORK/probes.yaml"
DOCKER="$(command -v docker)"
mkdir "$WORK/bin"
printf '#!/bin/sh\necho x >> %s/calls\nexec %s "$@"\n' "$WORK" "$DOCKER" > "$WORK/bin/docker"
chmod +x "$WORK/bin/docker"
for run in $(seq "$RUNS"); do
    for way in api cli; do
        flag=""
        [ "$way" = cli ] && flag="--engine-cli"
        rm -f "$WORK/calls"
        PATH="$WORK/bin:$PATH" "$RUNBOOK" run "$WORK/probes.yaml" $flag --quiet --out "$WORK/$way-$run" > /dev/null
        echo "$way $(wc -l < "$WORK/calls")" >> "$WORK/counts"
    done
done
python3 - "$WORK" "$RUNS" "$N" <<'PY'
import json, statistics, sys
work, runs, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for way in ("api", "cli"):
    durations = []
    for run in range(1, runs + 1):
        results = json.load(open(f"{work}/{way}-{run}/results.json"))
        durations += [step["durationSeconds"] for step in results["learners"][0]["steps"] if step["status"] == "passed"]
    assert len(durations) == runs * n, f"{way}: {len(durations)} of {runs * n} probes passed"
    calls = [int(line.split()[1]) for line in open(f"{work}/counts") if line.startswith(way)]
    print(f"{way}: median {statistics.median(durations) * 1000:.2f} ms a probe, p90 "
          f"{statistics.quantiles(durations, n=10)[-1] * 1000:.2f} ms ({len(durations)} probes); docker CLI processes a run: {max(calls)}")
PY

#!/usr/bin/env bash
# check-module2.sh — `runbook check` of module 2 (modules/2-webapp) for a class of LEARNERS on one
# engine, the state each learner would have made set up beforehand with plain docker commands
# (image, volume, network, the app behind a port of its own, a note added): through the Engine
# API against `--engine-cli` (every probe and preflight through the docker CLI, as before issue
# 21), interleaved RUNS times; medians of the wall time, and the docker CLI processes of a run.
# Usage: bench/check-module2.sh [LEARNERS] [RUNS]   (needs scripts/lab-up.sh and a release build)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LEARNERS="${1:-40}"
RUNS="${2:-3}"
RUNBOOK="${RUNBOOK:-$ROOT/.build/release/runbook}"
[ -x "$RUNBOOK" ] || { echo "build first: swift build -c release --product runbook" >&2; exit 1; }
MODULE="$ROOT/modules/2-webapp"
WORK="$(mktemp -d)"
TAG="bench-check-$$"
FIRST_PORT="${FIRST_PORT:-21000}"
ids() { for i in $(seq "$LEARNERS"); do echo "bc$$-$i"; done; }
cleanup() {
    for id in $(ids); do
        docker rm -f "$id-web" > /dev/null 2>&1 || true
        docker network rm "$id-net" > /dev/null 2>&1 || true
        docker volume rm "$id-notes" > /dev/null 2>&1 || true
        docker rmi "$id/notes" > /dev/null 2>&1 || true
    done
    docker rmi "$TAG" > /dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

docker build -q -t "$TAG" --build-arg BASE_IMAGE=runbook-lab/python:3 "$MODULE/src" > /dev/null
echo "learners:" > "$WORK/roster.yaml"
i=0
for id in $(ids); do
    port=$((FIRST_PORT + i))
    i=$((i + 1))
    printf '  - { id: %s, ports: %d-%d }\n' "$id" "$port" "$port" >> "$WORK/roster.yaml"
    docker tag "$TAG" "$id/notes"
    docker volume create "$id-notes" > /dev/null
    # An explicit subnet each: the engine's default pools run out near 30 networks.
    docker network create --subnet "10.213.$i.0/24" "$id-net" > /dev/null
    docker run -d --name "$id-web" --network "$id-net" -p "$port:80" -v "$id-notes:/data" -e "AUTHOR=$id" "$id/notes" > /dev/null
done
i=0
for id in $(ids); do
    port=$((FIRST_PORT + i))
    i=$((i + 1))
    until curl -fsS -o /dev/null "http://127.0.0.1:$port/api/health" 2>/dev/null; do sleep 0.2; done
    curl -fsS -o /dev/null -H 'Content-Type: application/json' -d '{"text": "containers are cattle"}' "http://127.0.0.1:$port/api/notes"
done

DOCKER="$(command -v docker)"
mkdir "$WORK/bin"
printf '#!/bin/sh\necho x >> %s/calls\nexec %s "$@"\n' "$WORK" "$DOCKER" > "$WORK/bin/docker"
chmod +x "$WORK/bin/docker"
for run in $(seq "$RUNS"); do
    for way in api cli; do
        flag=""
        [ "$way" = cli ] && flag="--engine-cli"
        rm -f "$WORK/calls"
        start=$(date +%s.%N)
        PATH="$WORK/bin:$PATH" "$RUNBOOK" check "$MODULE/runbook.yaml" --var-file "$ROOT/lab/webapp-vars.yaml" --learners "$WORK/roster.yaml" \
            --jobs 8 $flag --quiet --out "$WORK/$way-$run" > /dev/null || true
        end=$(date +%s.%N)
        echo "$way $(echo "$end - $start" | bc) $(wc -l < "$WORK/calls")" >> "$WORK/times"
    done
done
python3 - "$WORK" "$LEARNERS" <<'PY'
import json, statistics, sys
work, learners = sys.argv[1], int(sys.argv[2])
for way in ("api", "cli"):
    rows = [line.split() for line in open(f"{work}/times") if line.startswith(way)]
    wall = statistics.median(float(row[1]) for row in rows)
    calls = max(int(row[2]) for row in rows)
    statuses = {}
    for learner in json.load(open(f"{work}/{way}-1/results.json"))["learners"]:
        for step in learner["steps"]:
            statuses[step["status"]] = statuses.get(step["status"], 0) + 1
    print(f"{way}: median {wall:.2f} s for {learners} learners ({wall / learners * 1000:.0f} ms a learner); "
          f"docker CLI processes a run: {calls}; step statuses: {statuses}")
PY

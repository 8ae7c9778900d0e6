#!/usr/bin/env bash
# check-waits.sh — `runbook check` of module 4 (Compose) for N learners on one engine where
# nobody did anything, before and after the early-ending waits of issue 17, paired and interleaved:
#   before: --wait full  (every retry: { for } waits as long as the runbook says, as check did before)
#   after:  the default  (at most --wait 5s, and no wait on a service or container that does not exist)
# Prints each round's wall time, the load average at its start, and the medians.
# Usage: bench/check-waits.sh [LEARNERS=40] [ROUNDS=2]   (needs scripts/lab-up.sh, a build)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LEARNERS="${1:-40}"
ROUNDS="${2:-2}"
RUNBOOK="${RUNBOOK:-}"
if [ -z "$RUNBOOK" ]; then
    RUNBOOK="$ROOT/.build/release/runbook"
    [ -x "$RUNBOOK" ] || RUNBOOK="$ROOT/.build/debug/runbook"
fi
[ -x "$RUNBOOK" ] || { echo "build first: swift build -c release --product runbook" >&2; exit 1; }
MODULE="$ROOT/modules/4-compose/runbook.yaml"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
{
    echo "learners:"
    for i in $(seq "$LEARNERS"); do echo "  - id: waits-$i"; done
} > "$WORK/roster.yaml"

echo "runbook: $RUNBOOK; $LEARNERS learners, --jobs 4 (the default), one engine; nothing done"
printf '%-6s %-7s %9s %s\n' round mode "wall s" "load (1 min) at start"
before=()
after=()
for round in $(seq "$ROUNDS"); do
    for mode in before after; do
        flags=()
        [ "$mode" = before ] && flags=(--wait full)
        load="$(cut -d' ' -f1 /proc/loadavg)"
        rm -rf "$WORK/out"
        start=$(date +%s.%N)
        status=0
        XDG_STATE_HOME="$WORK/state" "$RUNBOOK" check "$MODULE" --learners "$WORK/roster.yaml" --var base_image=runbook-lab/python:3 \
            --quiet --out "$WORK/out" "${flags[@]}" > /dev/null || status=$?
        [ "$status" -eq 1 ] || { echo "check ended with $status (expected 1: nobody did anything)" >&2; exit 1; }
        seconds=$(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')")
        printf '%-6s %-7s %9s %s\n' "$round" "$mode" "$seconds" "$load"
        if [ "$mode" = before ]; then before+=("$seconds"); else after+=("$seconds"); fi
    done
done
median() { printf '%s\n' "$@" | sort -n | python3 -c "import sys, statistics; print(f'{statistics.median(float(x) for x in sys.stdin):.1f}')"; }
echo "median: before $(median "${before[@]}") s, after $(median "${after[@]}") s"

#!/usr/bin/env bash
# memory.sh — the runner's peak RSS: module 1 (workshop.yaml, non-GPU steps, offline lab) and
# N trivial exec steps for N = 200, 2,000 and 10,000, to show that memory per step is flat
# (results.json is streamed from the journal; nothing is kept per step beyond what gates need).
# Usage: bench/memory.sh   (needs scripts/lab-up.sh for module 1, and a release build)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNBOOK="${RUNBOOK:-$ROOT/.build/release/runbook}"
[ -x "$RUNBOOK" ] || { echo "build first: swift build -c release --product runbook" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

peak() {  # peak RSS in MiB of the command, median of 3
    local i
    for i in 1 2 3; do
        rm -rf "$WORK/r"
        /usr/bin/time -f '%M' -o "$WORK/rss" "$@" > /dev/null 2>&1 || true
        cat "$WORK/rss"
    done | sort -n | sed -n 2p | awk '{ printf "%.1f", $1 / 1024 }'
}

printf '%-32s %s\n' "what" "peak RSS MiB"
if [ -f "$ROOT/lab/vars.yaml" ]; then
    (cd "$ROOT" && . lab/lab.env && printf '%-32s %s\n' "module 1 (workshop.yaml)" \
        "$(peak "$RUNBOOK" run workshop.yaml --var-file lab/vars.yaml --quiet --out "$WORK/r")")
fi
printf '%-32s %s\n' "runbook --version" "$(peak "$RUNBOOK" --version)"
for n in 200 2000 10000; do
    {
        echo "runbook: 1"
        echo "steps:"
        for i in $(seq "$n"); do
            printf '  - id: s%d\n    exec: [true]\n    expect: { exit: 0 }\n' "$i"
        done
    } > "$WORK/steps-$n.yaml"
    printf '%-32s %s\n' "$n trivial exec steps" "$(peak "$RUNBOOK" run "$WORK/steps-$n.yaml" --quiet --out "$WORK/r")"
done

#!/usr/bin/env bash
# learners.sh — the short docker module for 1, 8 and 32 learners at --jobs 1 and --jobs 8,
# spread over the main engine and two extra ones; prints wall time, speed-up and the runner's
# peak memory. Usage: bench/learners.sh   (needs scripts/lab-up.sh, root, a release build)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNBOOK="${RUNBOOK:-$ROOT/.build/release/runbook}"
[ -x "$RUNBOOK" ] || { echo "build first: swift build -c release --product runbook" >&2; exit 1; }
mapfile -t HOSTS < <("$ROOT/scripts/extra-engines.sh" up 2)
HOSTS=("" "${HOSTS[@]}")
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
MODULE="$ROOT/Tests/RunbookTests/Fixtures/learners/short.yaml"

roster() {
    local n="$1" i
    echo "learners:"
    for i in $(seq "$n"); do
        echo "  - id: bench-$i"
        host="${HOSTS[$(( (i - 1) % ${#HOSTS[@]} ))]}"
        [ -z "$host" ] || echo "    docker_host: $host"
    done
}

printf '%-9s %-7s %9s %9s %12s\n' learners jobs "wall s" speed-up "peak RSS MiB"
for n in 1 8 32; do
    roster "$n" > "$WORK/roster-$n.yaml"
    declare -A wall=()
    for jobs in 1 8; do
        rm -rf "$WORK/r"
        /usr/bin/time -f '%e %M' -o "$WORK/time" env DOCKER_HOST= "$RUNBOOK" run "$MODULE" --learners "$WORK/roster-$n.yaml" \
            --jobs "$jobs" --quiet --out "$WORK/r" >/dev/null || { echo "run failed for $n learners"; exit 1; }
        read -r seconds kilobytes < "$WORK/time"
        wall[$jobs]=$seconds
        speedup=$(python3 -c "print(f'{${wall[1]} / $seconds:.2f}')")
        printf '%-9s %-7s %9s %9s %12s\n' "$n" "$jobs" "$seconds" "${speedup}x" "$((kilobytes / 1024))"
    done
done

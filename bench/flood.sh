#!/usr/bin/env bash
# flood.sh — `runbook run` of one step printing 1 GiB in 100-byte lines (plus ten accuracy lines)
# checked by a count and a matches expectation: the runner's throughput and peak memory, next to
# the same generator piped into `wc -l` (the ceiling the generator itself sets).
# Usage: bench/flood.sh [LINES]   (default 10737418 lines = 1 GiB; needs a release build)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNBOOK="${RUNBOOK:-$ROOT/.build/release/runbook}"
LINES="${1:-10737418}"
[ -x "$RUNBOOK" ] || { echo "build first: swift build -c release --product runbook" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
FLOOD="$ROOT/Tests/RunbookTests/Fixtures/engine/flood.yaml"
BYTES=$((LINES * 100))
line=$(printf 'x%.0s' $(seq 99))
start=$(date +%s.%N)
(yes "$line" || true) | head -n "$LINES" | wc -l >/dev/null
generator=$(python3 -c "print($(date +%s.%N) - $start)")
/usr/bin/time -f '%e %M' -o "$WORK/time" "$RUNBOOK" run "$FLOOD" --var "lines=$LINES" --quiet --out "$WORK/r"
read -r seconds kilobytes < "$WORK/time"
python3 - "$BYTES" "$seconds" "$kilobytes" "$generator" <<'PY'
import sys
size, seconds, kib, generator = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
print(f"generator | wc -l: {size / generator / 1e6:.0f} MB/s; runbook run: {size / seconds / 1e6:.0f} MB/s "
      f"({seconds:.2f} s), peak RSS {kib / 1024:.1f} MiB")
PY

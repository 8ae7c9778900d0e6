#!/usr/bin/env bash
# flood-matching.sh — `runbook run` of one step printing 1 GiB in 100-byte lines that all match its
# `count` regex, next to `grep -c` counting the same lines from the same generator (the peer), and
# the generator piped into `wc -l` (the ceiling the generator itself sets).
# Usage: bench/flood-matching.sh [LINES]   (default 10737418 lines = 1 GiB; needs a release build)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNBOOK="${RUNBOOK:-$ROOT/.build/release/runbook}"
LINES="${1:-10737418}"
[ -x "$RUNBOOK" ] || { echo "build first: swift build -c release --product runbook" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
LINE='Accuracy at step 1234: 0.9731 loss=0.0123 lr=0.001000 batch batch batch batch batch batch batch ba'
BYTES=$((LINES * 100))
seconds() { python3 -c "import time; print(time.monotonic())"; }
start=$(seconds)
(yes "$LINE" || true) | head -n "$LINES" | wc -l >/dev/null
generator=$(python3 -c "print($(seconds) - $start)")
start=$(seconds)
(yes "$LINE" || true) | head -n "$LINES" | grep -cE '^Accuracy at step [0-9]+: 0\.[0-9]+' >/dev/null
grep=$(python3 -c "print($(seconds) - $start)")
/usr/bin/time -f '%e %M' -o "$WORK/time" "$RUNBOOK" run "$ROOT/bench/flood-matching.yaml" --var "lines=$LINES" --quiet --out "$WORK/r"
read -r elapsed kilobytes < "$WORK/time"
python3 - "$BYTES" "$elapsed" "$kilobytes" "$generator" "$grep" <<'PY'
import sys
size, seconds, kib, generator, grep = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
print(f"generator | wc -l: {size / generator / 1e6:.0f} MB/s; generator | grep -cE: {size / grep / 1e6:.0f} MB/s; "
      f"runbook run: {size / seconds / 1e6:.0f} MB/s ({seconds:.2f} s), peak RSS {kib / 1024:.1f} MiB")
PY

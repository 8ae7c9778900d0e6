#!/usr/bin/env bash
# http-body.sh — one `http:` step reading a large body (default 1 GiB of 100-byte lines) checked by
# a `not_contains` matcher (prefiltered on bytes, so that the client, not ICU, is measured):
# throughput and peak memory (the body is streamed, never held whole), next to `curl -s URL | wc -l`
# on the same server.
# Usage: bench/http-body.sh [BYTES]   (needs a release build and curl)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNBOOK="${RUNBOOK:-$ROOT/.build/release/runbook}"
BYTES="${1:-1073741800}"
[ -x "$RUNBOOK" ] || { echo "build first: swift build -c release --product runbook" >&2; exit 1; }
WORK="$(mktemp -d)"
python3 "$ROOT/Tests/Shared/http-test-server.py" --port-file "$WORK/port" --pid-file "$WORK/pid" --lifetime 900 &
trap 'kill "$(cat "$WORK/pid")" 2>/dev/null || true; rm -rf "$WORK"' EXIT
while [ ! -s "$WORK/port" ]; do sleep 0.05; done
URL="http://127.0.0.1:$(cat "$WORK/port")/big/$BYTES"
cat > "$WORK/body.yaml" <<YAML
runbook: 1
steps:
  - id: body
    http: $URL
    timeout: 10m
    expect: { stdout: { not_contains: Traceback } }
YAML
start=$(date +%s.%N)
curl -s "$URL" | wc -l > /dev/null
curl_seconds=$(python3 -c "print($(date +%s.%N) - $start)")
/usr/bin/time -f '%e %M' -o "$WORK/time" "$RUNBOOK" run "$WORK/body.yaml" --quiet --out "$WORK/r"
read -r seconds kilobytes < "$WORK/time"
python3 - "$BYTES" "$seconds" "$kilobytes" "$curl_seconds" <<'PY'
import sys
size, seconds, kib, curl = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
print(f"curl | wc -l: {size / curl / 1e6:.0f} MB/s; runbook run: {size / seconds / 1e6:.0f} MB/s ({seconds:.2f} s), "
      f"peak RSS {kib / 1024:.1f} MiB")
PY

#!/usr/bin/env bash
# http-probes.sh — N `http:` steps against a local server, each checked by a json matcher, against
# a shell loop of `curl -fsS URL | jq -e` making the same N requests and checks.
# The server is the tests' Tests/Shared/http-test-server.py (Python, HTTP/1.1 keep-alive).
# Usage: bench/http-probes.sh [N]   (default 200; needs a release build, curl, jq and hyperfine)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNBOOK="${RUNBOOK:-$ROOT/.build/release/runbook}"
N="${1:-200}"
[ -x "$RUNBOOK" ] || { echo "build first: swift build -c release --product runbook" >&2; exit 1; }
WORK="$(mktemp -d)"
python3 "$ROOT/Tests/Shared/http-test-server.py" --port-file "$WORK/port" --pid-file "$WORK/pid" --lifetime 900 &
trap 'kill "$(cat "$WORK/pid")" 2>/dev/null || true; rm -rf "$WORK"' EXIT
while [ ! -s "$WORK/port" ]; do sleep 0.05; done
URL="http://127.0.0.1:$(cat "$WORK/port")/json"

{
    echo "runbook: 1"
    echo "steps:"
    for i in $(seq "$N"); do
        printf '  - id: p%d\n    http: %s\n    expect: { stdout: { json: { path: .nested.tags, contains: b } } }\n' "$i" "$URL"
    done
} > "$WORK/probes.yaml"
{
    echo "#!/bin/sh"
    echo "set -e"
    for i in $(seq "$N"); do echo "curl -fsS '$URL' | jq -e '.nested.tags | index(\"b\") != null' > /dev/null"; done
} > "$WORK/probes.sh"
chmod +x "$WORK/probes.sh"
"$WORK/probes.sh"
"$RUNBOOK" run "$WORK/probes.yaml" --quiet --out "$WORK/check" >/dev/null

cd "$WORK"
hyperfine --warmup 2 --runs 10 --export-json "$WORK/out.json" \
    -n "curl | jq -e loop ($N requests)" "$WORK/probes.sh" \
    -n "runbook run ($N http steps)" "rm -rf $WORK/r; $RUNBOOK run $WORK/probes.yaml --quiet --out $WORK/r"
python3 - "$WORK/out.json" "$N" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
n = int(sys.argv[2])
shell, runbook = runs[0]["mean"], runs[1]["mean"]
cpu = [r["user"] + r["system"] for r in runs]
print(f"wall per request: curl | jq {shell / n * 1000:.2f} ms, runbook {runbook / n * 1000:.2f} ms, ratio {runbook / shell:.2f}; "
      f"CPU (user+sys) per request: curl | jq {cpu[0] / n * 1000:.2f} ms, runbook {cpu[1] / n * 1000:.2f} ms")
PY

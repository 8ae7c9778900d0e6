#!/usr/bin/env bash
# json-matcher.sh — the `json` matcher on a 10 MB JSON document: `runbook run` of one step
# `cat big.json` with four json matchers, against `jq -e` making the same four checks on the file.
# Usage: bench/json-matcher.sh [MEGABYTES]   (default 10; needs a release build, jq and hyperfine)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNBOOK="${RUNBOOK:-$ROOT/.build/release/runbook}"
MEGABYTES="${1:-10}"
[ -x "$RUNBOOK" ] || { echo "build first: swift build -c release --product runbook" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# A docker-inspect-like document: an array of objects with nested maps, lists, numbers and text.
python3 - "$WORK/big.json" "$MEGABYTES" <<'PY'
import json, sys
path, target = sys.argv[1], int(sys.argv[2]) * 1_000_000
items, size, i = [], 2, 0
while size < target:
    item = {"Id": f"{i:064x}", "Name": f"/web-{i}", "State": {"Running": i % 2 == 0, "Pid": 1000 + i, "Status": "running"},
            "Config": {"Env": [f"AUTHOR=learner{i}", "PATH=/usr/local/bin:/usr/bin"], "ExposedPorts": {"80/tcp": {}}},
            "Mounts": [{"Type": "volume", "Source": f"/var/lib/docker/volumes/v{i}", "Destination": "/data"}], "Score": i / 7}
    items.append(item)
    size += len(json.dumps({"items": [item]}, indent=1)) - len('{"items": []}')
    i += 1
with open(path, "w") as handle:
    json.dump({"count": len(items), "items": items}, handle, indent=1)
print(f"{len(items)} items", file=sys.stderr)
PY
LAST=$(python3 -c "import json; d=json.load(open('$WORK/big.json')); print(d['count'] - 1)")
cat > "$WORK/json.yaml" <<YAML
runbook: 1
steps:
  - id: inspect
    exec: [cat, big.json]
    expect:
      stdout:
        - json: { path: .count, value: ">= 1000" }
        - json: { path: '.items[-1].Name', equals: /web-$LAST }
        - json: { path: '.items[0].Config.Env', contains: AUTHOR=learner0 }
        - json: { path: '.items[3].Mounts[0].Type', equals: volume }
YAML
JQ='(.count >= 1000) and (.items[-1].Name == "/web-'$LAST'") and (.items[0].Config.Env | index("AUTHOR=learner0") != null) and (.items[3].Mounts[0].Type == "volume")'
jq -e "$JQ" "$WORK/big.json" >/dev/null
"$RUNBOOK" run "$WORK/json.yaml" --quiet --out "$WORK/check" >/dev/null

cd "$WORK"
ls -l big.json | awk '{ printf "document: %.1f MB\n", $5 / 1e6 }'
hyperfine --warmup 2 --runs 10 --export-json "$WORK/out.json" \
    -n "jq -e (4 checks)" "jq -e '$JQ' big.json" \
    -n "runbook run (cat + 4 json matchers)" "rm -rf $WORK/r; $RUNBOOK run $WORK/json.yaml --quiet --out $WORK/r"
/usr/bin/time -f '%M' -o "$WORK/rss" "$RUNBOOK" run "$WORK/json.yaml" --quiet --out "$WORK/m" >/dev/null
/usr/bin/time -f '%M' -o "$WORK/jqrss" jq -e "$JQ" big.json >/dev/null
python3 - "$WORK/out.json" "$(cat "$WORK/rss")" "$(cat "$WORK/jqrss")" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
jq, runbook = runs[0]["mean"], runs[1]["mean"]
cpu = [r["user"] + r["system"] for r in runs]
print(f"wall: jq {jq * 1000:.0f} ms, runbook {runbook * 1000:.0f} ms, ratio {runbook / jq:.2f}; "
      f"CPU (user+sys): jq {cpu[0] * 1000:.0f} ms, runbook {cpu[1] * 1000:.0f} ms, ratio {cpu[1] / cpu[0]:.2f}; "
      f"peak RSS: jq {int(sys.argv[3]) / 1024:.0f} MiB, runbook {int(sys.argv[2]) / 1024:.0f} MiB")
PY

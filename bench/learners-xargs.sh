#!/usr/bin/env bash
# learners-xargs.sh — 32 learners × 2 docker steps on one engine, `runbook run --jobs 8` against
# `xargs -P 8` running the same two docker commands and the same checks per learner in sh; also
# counts the docker CLI processes each side starts (a wrapper first on PATH counts them).
# Usage: bench/learners-xargs.sh [LEARNERS] [RUNS]   (needs scripts/lab-up.sh and a release build)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LEARNERS="${1:-32}"
RUNS="${2:-5}"
RUNBOOK="${RUNBOOK:-$ROOT/.build/release/runbook}"
[ -x "$RUNBOOK" ] || { echo "build first: swift build -c release --product runbook" >&2; exit 1; }
DOCKER="$(command -v docker)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cat > "$WORK/two.yaml" <<'YAML'
runbook: 1
steps:
  - id: hello
    docker: run --rm --name ${learner}-hello runbook-lab/ubuntu echo hello from ${learner}
    expect: { stdout: { equals: "hello from ${learner}" } }
  - id: image
    docker: image inspect --format '{{.Os}}' runbook-lab/ubuntu
    expect: { stdout: { equals: linux } }
YAML
{
    echo "learners:"
    for i in $(seq "$LEARNERS"); do echo "  - id: bench-$i"; done
} > "$WORK/roster.yaml"
cat > "$WORK/learner.sh" <<'SH'
#!/bin/sh
# The same two commands and checks for learner $1.
[ "$(docker run --rm --name "$1-hello" runbook-lab/ubuntu echo "hello from $1")" = "hello from $1" ] || exit 1
[ "$(docker image inspect --format '{{.Os}}' runbook-lab/ubuntu)" = linux ] || exit 1
SH
chmod +x "$WORK/learner.sh"
seq "$LEARNERS" | sed 's/^/bench-/' > "$WORK/ids"

# A docker that counts its own starts, for one run of each side.
mkdir "$WORK/bin"
printf '#!/bin/sh\necho x >> %s/calls\nexec %s "$@"\n' "$WORK" "$DOCKER" > "$WORK/bin/docker"
chmod +x "$WORK/bin/docker"
count() {
    rm -f "$WORK/calls"
    PATH="$WORK/bin:$PATH" "$@" > /dev/null
    wc -l < "$WORK/calls"
}
shell_calls=$(count sh -c "xargs -P 8 -n 1 $WORK/learner.sh < $WORK/ids")
runbook_calls=$(count "$RUNBOOK" run "$WORK/two.yaml" --learners "$WORK/roster.yaml" --jobs 8 --quiet --out "$WORK/count")

hyperfine --warmup 1 --runs "$RUNS" --export-json "$WORK/out.json" \
    -n "xargs -P 8 ($LEARNERS learners)" "xargs -P 8 -n 1 $WORK/learner.sh < $WORK/ids" \
    -n "runbook --jobs 8 ($LEARNERS learners)" \
    "rm -rf $WORK/r; $RUNBOOK run $WORK/two.yaml --learners $WORK/roster.yaml --jobs 8 --quiet --out $WORK/r"
python3 - "$WORK/out.json" "$LEARNERS" "$shell_calls" "$runbook_calls" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
n, shell_calls, runbook_calls = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
shell, runbook = runs[0]["median"], runs[1]["median"]
print(f"median wall: xargs {shell:.2f} s, runbook {runbook:.2f} s; ratio {runbook / shell:.2f}")
print(f"docker CLI processes: xargs {shell_calls} ({shell_calls / n:.2f} per learner), "
      f"runbook {runbook_calls} ({runbook_calls / n:.2f} per learner)")
PY

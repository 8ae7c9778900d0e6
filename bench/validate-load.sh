#!/usr/bin/env bash
# validate-load.sh — `runbook validate` of a generated runbook of N steps (the one `runbook-bench
# load N` writes: docker and exec steps with matchers, captures, needs, probes) against libyaml's
# bare event parse of the same file (bench/libyaml-events.c), interleaved RUNS times: medians of
# the CPU time (task-clock) and of the peak RSS, and bytes a step.
# Usage: bench/validate-load.sh [N] [RUNS]   (needs cc, libyaml-dev, perf and a release build)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-10000}"
RUNS="${2:-5}"
RUNBOOK="${RUNBOOK:-$ROOT/.build/release/runbook}"
[ -x "$RUNBOOK" ] || { echo "build first: swift build -c release --product runbook" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cc -O2 "$ROOT/bench/libyaml-events.c" -lyaml -o "$WORK/libyaml-events"
python3 - "$N" > "$WORK/bench.yaml" <<'PY'
import sys
n = int(sys.argv[1])
out = ["runbook: 1\ntitle: generated\nvars:\n  DOCKER_USERNAME: ${env.DOCKER_USERNAME:-${learner}}\n"
       "  image: ${DOCKER_USERNAME}/tf-mnist\n  ubuntu_image: ubuntu\ndefaults:\n  timeout: 2m\nsteps:\n"]
for i in range(n):
    k = i % 4
    if k == 0:
        out.append(f"  - id: run-{i}\n    title: Run container {i}\n    say: |\n"
                   f"      Docker starts a container from `${{ubuntu_image}}` and runs `hostname`.\n"
                   f"    docker: run --name ${{learner}}-c{i} ${{ubuntu_image}} hostname\n"
                   f"    expect:\n      stdout: {{ matches: '^[0-9a-f]{{12}}$' }}\n"
                   f"    capture:\n      host{i}: {{ from: stdout, regex: '^([0-9a-f]{{12}})$' }}\n"
                   f"    hint: Is the Docker engine running?\n")
    elif k == 1:
        out.append(f"  - id: logs-{i}\n    docker: [logs, \"${{learner}}-c{i - 1}\"]\n"
                   f"    expect:\n      stdout: {{ equals: \"${{host{i - 1}}}\" }}\n"
                   f"    verify:\n      - docker: container inspect ${{learner}}-c{i - 1}\n")
    elif k == 2:
        out.append(f"  - id: train-{i}\n    docker: run --rm ${{image}} --max_steps 100\n    timeout: 10m\n"
                   f"    expect:\n      stdout:\n"
                   f"        - lines: ['^Accuracy at step 0:', '^Accuracy at step 90: (?<acc{i}>0\\.\\d+)$']\n"
                   f"        - count: {{ matches: '^Accuracy at step \\d+:', min: 10, max: 10 }}\n"
                   f"        - not_contains: Traceback\n      values:\n        acc{i}: \">= 0.6\"\n")
    else:
        out.append(f"  - id: check-{i}\n    exec: [sh, -c, \"echo ok {i}\"]\n    when: \"!gpu\"\n"
                   f"    needs: [run-{i - 3}]\n    expect:\n      output: {{ contains: \"ok\" }}\n")
sys.stdout.write("".join(out))
PY
measure() {  # task-clock ms and peak RSS KiB of a command
    perf stat -x, -e task-clock -o "$WORK/perf" -- /usr/bin/time -f '%M' -o "$WORK/rss" "$@" > "$WORK/output" 2>&1 || true
    echo "$(awk -F, '/task-clock/ { printf "%.0f", $1 }' "$WORK/perf") $(cat "$WORK/rss")"
}
for run in $(seq "$RUNS"); do
    echo "libyaml $(measure "$WORK/libyaml-events" "$WORK/bench.yaml" 1)" >> "$WORK/times"
    echo "runbook $(measure "$RUNBOOK" validate "$WORK/bench.yaml")" >> "$WORK/times"
done
grep -q "^runbook: 1" "$WORK/bench.yaml"
python3 - "$WORK/times" "$N" "$(stat -c %s "$WORK/bench.yaml")" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
n, size = int(sys.argv[2]), int(sys.argv[3])
def med(name, col): return statistics.median(float(r[col]) for r in rows if r[0] == name)
lib_ms, lib_kib = med("libyaml", 1), med("libyaml", 2)
rb_ms, rb_kib = med("runbook", 1), med("runbook", 2)
print(f"{n} steps ({size / 1048576:.1f} MiB): libyaml events {lib_ms:.0f} ms CPU, {lib_kib / 1024:.1f} MiB; "
      f"runbook validate {rb_ms:.0f} ms CPU, {rb_kib / 1024:.1f} MiB ({rb_kib * 1024 / n:.0f} bytes a step); "
      f"CPU ratio {rb_ms / lib_ms:.2f}")
PY

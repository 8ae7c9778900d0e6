#!/usr/bin/env bash
# timings.sh — `runbook report --timings` over N learners' journals (default 200): wall time and
# peak RSS, medians of 5, against jq reading the same journals for the same records (its peer for
# "read every line of JSON"). Each learner has two guide sessions (a results folder each): 10
# steps shown, 12 results with ~4 KiB of output excerpts each, one failure, an idle gap between
# the sessions; as a class's journals look when collected from the learners' machines.
# Usage: bench/timings.sh [LEARNERS]   (needs a release build and jq)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNBOOK="${RUNBOOK:-$ROOT/.build/release/runbook}"
LEARNERS="${1:-200}"
[ -x "$RUNBOOK" ] || { echo "build first: swift build -c release --product runbook" >&2; exit 1; }
command -v jq > /dev/null || { echo "needs jq" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

python3 - "$WORK/class" "$LEARNERS" <<'PY'
import json, os, random, sys
from datetime import datetime, timedelta, timezone
root, learners = sys.argv[1], int(sys.argv[2])
random.seed(42)
steps = [{"id": f"step-{i}", "title": f"Step {i}", "hint": "Look at the output."} for i in range(1, 11)]
sha = "c0" * 32
output = "".join(f"Step {i}/12 : RUN pip install --no-cache-dir package-{i} ---> Running in 0123456789ab\n" for i in range(40))
excerpt = {"head": output, "tail": "", "omittedLines": 0, "omittedBytes": 0, "totalLines": 40, "totalBytes": len(output)}
excerpts = {"stdout": excerpt, "stderr": {"head": "", "tail": "", "omittedLines": 0, "omittedBytes": 0, "totalLines": 0, "totalBytes": 0},
            "output": excerpt}
def ts(t): return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
def result(learner, step, status, began, ended):
    return {"type": "step", "step": {"learner": learner, "step": step, "title": step, "status": status, "startedAt": ts(began),
            "endedAt": ts(ended), "durationSeconds": (ended - began).total_seconds(), "attempts": 1, "exitCode": 0,
            "command": {"key": "docker", "argv": ["docker", "build", "-t", "x", "."], "display": "docker build -t x .", "binary": "docker"},
            "failures": [], "captured": {}, "finishedOnMatch": False, "excerpts": excerpts, "verify": [], "hintsShown": 0}}
for n in range(learners):
    learner = f"learner-{n:03d}"
    t = datetime(2027, 1, 15, 9, 0, tzinfo=timezone.utc) + timedelta(seconds=random.randint(0, 600))
    done = {}
    for session in (1, 2):
        records = [{"type": "run", "run": {"runId": f"s{session}-{n}", "command": "guide", "runbook": {"path": "workshop.yaml",
                   "title": "Bench", "sha256": sha}, "startedAt": ts(t), "learners": [{"id": learner}], "steps": steps}}]
        records += [result(learner, s, "passed", b, e) for s, (b, e) in done.items()]
        todo = [s["id"] for s in steps if s["id"] not in done][: 5 if session == 1 else 10]
        for step in todo:
            records.append({"type": "start", "start": {"learner": learner, "step": step, "at": ts(t), "source": "guide"}})
            t += timedelta(seconds=random.randint(20, 300))
            if random.random() < 0.2:
                records.append(result(learner, step, "failed", t, t + timedelta(seconds=5)))
                t += timedelta(seconds=random.randint(30, 200))
            began, t = t, t + timedelta(seconds=random.randint(1, 120))
            records.append(result(learner, step, "passed", began, t))
            done[step] = (began, t)
        records.append({"type": "end", "end": {"endedAt": ts(t), "interrupted": False}})
        folder = os.path.join(root, f"{learner}-{session}")
        os.makedirs(folder)
        with open(os.path.join(folder, "journal.jsonl"), "w") as f:
            f.writelines(json.dumps(r, separators=(",", ":")) + "\n" for r in records)
        t += timedelta(minutes=random.randint(15, 60))  # idle between the sessions
PY
BYTES=$(du -sb "$WORK/class" | cut -f1)
echo "$LEARNERS learners, $(ls "$WORK/class" | wc -l) journals, $((BYTES / 1024 / 1024)) MiB"

measure() {  # median wall seconds and peak RSS MiB of 5 runs of the command
    local i
    for i in 1 2 3 4 5; do
        /usr/bin/time -f '%e %M' -o "$WORK/time" "$@" > /dev/null 2> /dev/null
        cat "$WORK/time"
    done | sort -n | sed -n 3p | awk '{ printf "%.2f s, %.0f MiB peak", $1, $2 / 1024 }'
}

echo "runbook report --timings (json): $(measure "$RUNBOOK" report --timings "$WORK/class" --format json -o "$WORK/timings.json")"
echo "runbook report --timings (md):   $(measure "$RUNBOOK" report --timings "$WORK/class" --format md)"
echo "jq, the same records (peer):     $(measure sh -c "cat $WORK/class/*/journal.jsonl | jq -c 'select(.type == \"start\" or (.type == \"step\" and .step.status == \"passed\")) | [.start.at, .step.endedAt]'")"
head -4 "$WORK/timings.json"

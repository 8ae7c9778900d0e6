#!/bin/sh
# merge.sh JOB [N] — the merge step: each shard's journal from its pod's log, then one report.
# Refuses (exit 2) when a shard is missing or duplicated, a learner is in two shards, or the
# shards ran different rosters or runbooks; a learner without any result is shown as "not run".
set -eu
job=${1:-runbook-check}
shards=${2:-$(kubectl get job "$job" -o jsonpath='{.spec.completions}')}
mkdir -p shards
rm -f shards/*.jsonl
index=0
while [ "$index" -lt "$shards" ]; do
    pod=$(kubectl get pods -l "job-name=$job,batch.kubernetes.io/job-completion-index=$index" \
        --field-selector=status.phase=Succeeded -o name | head -n 1)
    # A shard without a succeeded pod is left out: `runbook report` then names it ("shard 2/3 is missing").
    if [ -n "$pod" ]; then kubectl logs "$pod" > "shards/shard-$index.jsonl"; fi
    index=$((index + 1))
done
runbook report shards/*.jsonl --merge --expect-shards "$shards" -o results.json
runbook report results.json --format html -o report.html
runbook report results.json --format md -o report.md
echo "merged $shards shards: results.json, report.html, report.md"

#!/usr/bin/env bash
# fuzz.sh — fuzz the runbook loader (YAML + decoding + validation) with libFuzzer and ASan.
#
# Builds the small package in fuzz/ (it links the Workflow library of the root package) with
# `-sanitize=fuzzer,address`, seeds a corpus from the malformed-runbook fixtures and every
# runbook in the repository, and runs the fuzzer for DURATION seconds. The corpus grows in
# fuzz/.build/corpus (gitignored, kept between runs); crashes, leaks, timeouts and out-of-memory
# inputs land in fuzz/.build/artifacts. Not part of `make test`.
#
# Usage: scripts/fuzz.sh DURATION [extra libFuzzer flags…]
#   e.g. scripts/fuzz.sh 600
#        scripts/fuzz.sh 0 fuzz/.build/artifacts/crash-…   (replay one input; DURATION is ignored)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${1:?usage: scripts/fuzz.sh DURATION [libFuzzer flags…]}"
shift
FUZZ="$ROOT/fuzz"
BUILD="$FUZZ/.build"
CORPUS="$BUILD/corpus"
SEEDS="$BUILD/seeds"
ARTIFACTS="$BUILD/artifacts"

cd "$FUZZ"
# Release (optimized) for speed; lld because gold fails on the sanitized debug information.
FLAGS=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -g -Xswiftc -use-ld=lld)
swift build "${FLAGS[@]}" --product RunbookLoaderFuzzer
BINARY="$(swift build "${FLAGS[@]}" --show-bin-path)/RunbookLoaderFuzzer"

# Seeds: regenerated each run (cheap), so that new fixtures are picked up.
rm -rf "$SEEDS"
mkdir -p "$SEEDS" "$CORPUS" "$ARTIFACTS"
n=0
while IFS= read -r -d '' file; do
    n=$((n + 1))
    # Only modest files: libFuzzer's -max_len cuts longer ones anyway.
    head -c 16384 "$file" > "$SEEDS/seed-$n.yaml"
done < <(find "$ROOT/Tests" "$ROOT/modules" "$ROOT/workshop.yaml" -name '*.yaml' -not -path '*/.build/*' -print0)
echo "fuzz.sh: $n seed files, corpus in $CORPUS, artifacts in $ARTIFACTS"

# Foundation's own leaks are suppressed (see fuzz/lsan.supp); any other leak is a finding.
export LSAN_OPTIONS="suppressions=$FUZZ/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

if [ "$#" -gt 0 ] && [ -f "$1" ]; then
    exec "$BINARY" "$@"
fi
# A hang is an input that takes over 10 s; an input may use 2 GiB at most.
exec "$BINARY" "$CORPUS" "$SEEDS" \
    -dict="$FUZZ/runbook.dict" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -max_total_time="$DURATION" -print_final_stats=1 -artifact_prefix="$ARTIFACTS/" "$@"

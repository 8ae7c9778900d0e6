#!/usr/bin/env bash
# image.sh — the image of `make image` (issue 20): its size and what the bytes are, `docker run …
# --version` cold (the first container of a freshly imported image) and warm, and module 1 through
# the image against the native binary, paired (the same engine, alternating, warm caches as on a
# lab machine validated twice; the GPU steps skip in both). Target ratio ≤ 1.05.
# Usage: bench/image.sh [RUNS]   (needs make image and scripts/lab-up.sh; IMAGE, default runbook:VERSION)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"
IMAGE="${IMAGE:-runbook:$(head -n 1 "$ROOT/VERSION")}"
NATIVE="${RUNBOOK:-$ROOT/.build/release/runbook}"
[ -x "$NATIVE" ] || { echo "build first: make image (it makes the release build)" >&2; exit 1; }
docker image inspect "$IMAGE" >/dev/null || { echo "no $IMAGE: make image" >&2; exit 1; }
# shellcheck disable=SC1091
. "$ROOT/lab/lab.env"
WORK="$(mktemp -d /tmp/runbook-bench-image.XXXXXX)"
trap 'rm -rf "$WORK"; docker rmi -f runbook-bench-cold:once >/dev/null 2>&1 || true' EXIT

echo "size: $(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%.1f MB", $1 / 1e6}') uncompressed, $(docker save "$IMAGE" | gzip -c | wc -c | awk '{printf "%.1f MB", $1 / 1e6}') as a gzip'd docker save"
# Cold: a copy of the image under a new tag and id is a fresh import: its first container.
docker save "$IMAGE" | docker load -q >/dev/null
docker image tag "$IMAGE" runbook-bench-cold:once
cold_start=$(date +%s%N); docker run --rm runbook-bench-cold:once --version >/dev/null; cold_end=$(date +%s%N)
echo "docker run --rm IMAGE --version, cold: $(( (cold_end - cold_start) / 1000000 )) ms"
hyperfine --warmup 2 --runs 10 -N "docker run --rm $IMAGE --version" 2>/dev/null | sed -n 's/^ *Time (mean ± σ): */docker run --rm IMAGE --version, warm: /p'

# Module 1, native and through the image, alternating; each run in a fresh copy of the module.
cp -r "$ROOT/workshop.yaml" "$ROOT/modules" "$WORK/" && mkdir -p "$WORK/lab" && cp "$ROOT/lab/vars.yaml" "$WORK/lab/"
native=(); image=()
for run in $(seq 0 "$RUNS"); do
    rm -rf "$WORK/r"
    start=$(date +%s%N)
    (cd "$WORK" && "$NATIVE" run workshop.yaml --var-file lab/vars.yaml --learner bench --quiet --out r >/dev/null)
    end=$(date +%s%N); [ "$run" -gt 0 ] && native+=($(( (end - start) / 1000000 )))
    rm -rf "$WORK/r"
    start=$(date +%s%N)
    docker run --rm --network host -v /var/run/docker.sock:/var/run/docker.sock -v "$WORK:$WORK" -w "$WORK" \
        -e REGISTRY_PASSWORD "$IMAGE" run workshop.yaml --var-file lab/vars.yaml --learner bench --quiet --out r >/dev/null
    end=$(date +%s%N); [ "$run" -gt 0 ] && image+=($(( (end - start) / 1000000 )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
n=$(median "${native[@]}"); i=$(median "${image[@]}")
echo "module 1 (first run of each discarded), medians of $RUNS: native $n ms, image $i ms, ratio $(awk -v i="$i" -v n="$n" 'BEGIN {printf "%.3f", i / n}')"

#!/bin/sh
# Captures what runbook reads about GPUs on this machine, as test fixtures (SPEC 12.4):
#   NAME.xml          nvidia-smi -q -x
#   NAME.csv          the GPU probe's own query (NvidiaSMIQuery)
#   NAME.docker-info.json  docker info, where a Docker engine answers
# Usage: scripts/gpu-facts.sh [NAME] [FOLDER]   (default NAME: the first GPU's model and the
# driver's branch; default FOLDER: Tests/StepsTests/Fixtures/gpu). Needs nvidia-smi; Docker is optional.
set -eu
command -v nvidia-smi >/dev/null 2>&1 || { echo "gpu-facts: no nvidia-smi on PATH" >&2; exit 1; }
folder=${2:-$(dirname "$0")/../Tests/StepsTests/Fixtures/gpu}
query="name,uuid,compute_cap,memory.total,mig.mode.current,driver_version"
if [ -n "${1:-}" ]; then
    name=$1
else
    model=$(nvidia-smi --query-gpu=name --format=csv,noheader | head -n 1 | tr 'A-Z ' 'a-z-' | tr -cd 'a-z0-9-')
    branch=$(nvidia-smi --query-gpu=driver_version --format=csv,noheader | head -n 1 | cut -d. -f1)
    name="$model-$branch"
fi
mkdir -p "$folder"
nvidia-smi -q -x > "$folder/$name.xml"
nvidia-smi --query-gpu="$query" --format=csv,noheader,nounits > "$folder/$name.csv"
echo "wrote $folder/$name.xml and $folder/$name.csv"
if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    docker info --format '{{json .}}' > "$folder/$name.docker-info.json"
    echo "wrote $folder/$name.docker-info.json"
else
    echo "no Docker engine answers here: docker info not captured"
fi

#!/usr/bin/env bash
# bench/module.sh — module 1's non-GPU steps as plain docker commands, timed.
#
# The baseline for a wall-time comparison with `runbook run`: the same commands,
# in the same order, against the offline lab, with only the checks a careful
# shell script would make. Start the lab first (scripts/lab-up.sh).
#
#   bench/module.sh [--var-file FILE] [--learner ID] [--cold] [--quiet]
#
#   --var-file FILE   the lab's vars (default lab/vars.yaml); the password comes from
#                     $REGISTRY_PASSWORD, else from lab/lab.env
#   --learner ID      names the container ${ID}-hostname (default bench); the image is
#                     ${registry}/${DOCKER_USERNAME}/tf-mnist with DOCKER_USERNAME
#                     from the environment, else the learner id
#   --cold            remove the learner's image first, so that the build is not cached
#   --quiet           print only the total
#
# Prints one line per step (status, id, seconds) and the total; exits 1 at the
# first failing step, after printing its output.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VAR_FILE="$ROOT/lab/vars.yaml"
LEARNER=bench
QUIET=no
COLD=no

die() { printf 'bench: error: %s\n' "$*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --var-file) [ $# -ge 2 ] || die "--var-file needs a file"; VAR_FILE="$2"; shift 2 ;;
        --learner) [ $# -ge 2 ] || die "--learner needs an id"; LEARNER="$2"; shift 2 ;;
        --cold) COLD=yes; shift ;;
        --quiet) QUIET=yes; shift ;;
        -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument: $1" ;;
    esac
done

# ---------------------------------------------------------------- vars
[ -f "$VAR_FILE" ] || die "no $VAR_FILE: run scripts/lab-up.sh first"
declare -A VARS=()
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in '' | '#'* | ' '*) continue ;; esac
    key="${line%%:*}"
    value="${line#*:}"
    value="${value#"${value%%[![:space:]]*}"}"   # trim leading blanks
    value="${value%"${value##*[![:space:]]}"}"   # trim trailing blanks
    case "$value" in
        \"*\") value="${value:1:${#value}-2}" ;;
        \'*\') value="${value:1:${#value}-2}" ;;
    esac
    VARS["$key"]="$value"
done <"$VAR_FILE"

var() { [ -n "${VARS[$1]:-}" ] || die "$VAR_FILE has no $1"; printf '%s' "${VARS[$1]}"; }
registry="$(var registry)"
REGISTRY_USERNAME="$(var REGISTRY_USERNAME)"
ubuntu_image="$(var ubuntu_image)"
tensorflow_image="$(var tensorflow_image)"
min_accuracy="$(var min_accuracy)"
if [ -z "${REGISTRY_PASSWORD:-}" ]; then
    lab_env="$(dirname "$VAR_FILE")/lab.env"
    [ -f "$lab_env" ] || die "REGISTRY_PASSWORD is not set and there is no $lab_env"
    # shellcheck disable=SC1090
    . "$lab_env"
fi
[ -n "${REGISTRY_PASSWORD:-}" ] || die "REGISTRY_PASSWORD is empty"
DOCKER_USERNAME="${DOCKER_USERNAME:-$LEARNER}"
image="$registry/$DOCKER_USERNAME/tf-mnist"
container="$LEARNER-hostname"
src="$ROOT/modules/1-docker/src"

# Like runbook, a private DOCKER_CONFIG: `docker login` leaves ~/.docker alone.
DOCKER_CONFIG="$(mktemp -d)"
export DOCKER_CONFIG
OUT="$(mktemp)"
cleanup() {
    docker rm -f "$container" >/dev/null 2>&1 || true
    rm -rf "$DOCKER_CONFIG" "$OUT"
}
trap cleanup EXIT
docker rm -f "$container" >/dev/null 2>&1 || true
if [ "$COLD" = yes ]; then docker rmi "$image" >/dev/null 2>&1 || true; fi

# ---------------------------------------------------------------- steps
now() { date +%s%N; }
BENCH_START="$(now)"

fail() { # ID MESSAGE
    printf 'FAIL %-12s %s\n' "$1" "$2" >&2
    sed 's/^/    | /' "$OUT" >&2
    exit 1
}

# step ID COMMAND…: runs the command (stdin /dev/null, both streams to $OUT), times it,
# and fails on a non-zero exit. Checks on $OUT follow the call.
step() {
    local id="$1" start rc=0
    shift
    start="$(now)"
    "$@" >"$OUT" 2>&1 </dev/null || rc=$?
    STEP_MS=$((($(now) - start) / 1000000))
    [ "$rc" -eq 0 ] || fail "$id" "exit $rc: $*"
    [ "$QUIET" = yes ] || printf 'ok   %-12s %6d ms  %s\n' "$id" "$STEP_MS" "$*"
}

step ps           docker ps
grep -q '^CONTAINER ID' "$OUT" || fail ps "no header line"

# `docker run -it` needs a terminal: give it one with script(1), as runbook's tty: true does.
if command -v script >/dev/null 2>&1; then
    step hostname-tty script -qec "docker run -it --rm $ubuntu_image hostname" /dev/null
    grep -Eq '[0-9a-f]{12}' "$OUT" || fail hostname-tty "no container hostname"
fi

step hostname     docker run --name "$container" "$ubuntu_image" hostname
host="$(tr -d '\r' <"$OUT" | grep -E '^[0-9a-f]{12}$' | head -n 1 || true)"
[ -n "$host" ] || fail hostname "no 12-hex-digit hostname"

step ps-a         docker ps -a
grep -E "[[:space:]]$container\$" "$OUT" | grep -q 'Exited (0)' || fail ps-a "$container is not Exited (0)"

step logs         docker logs "$container"
[ "$(tr -d '\r' <"$OUT")" = "$host" ] || fail logs "logs differ from $host"

step rm           docker rm "$container"
grep -qx "$container" "$OUT" || fail rm "did not echo $container"

step images       docker images
grep -q "^${ubuntu_image%%:*}[[:space:]]" "$OUT" || fail images "$ubuntu_image not listed"

step build        docker build --build-arg "BASE_IMAGE=$tensorflow_image" -t "$image" "$src"
grep -q "Successfully tagged $image" "$OUT" || fail build "no 'Successfully tagged $image'"

step train        docker run --rm "$image" --max_steps 100
[ "$(grep -cE '^Accuracy at step [0-9]+: [0-9.]+$' "$OUT")" -eq 10 ] || fail train "expected 10 accuracy lines"
grep -qx 'Adding run metadata for 99' "$OUT" || fail train "no 'Adding run metadata for 99'"
accuracy="$(sed -n 's/^Accuracy at step 90: \([0-9.]*\)$/\1/p' "$OUT")"
awk -v a="$accuracy" -v m="$min_accuracy" 'BEGIN { exit !(a + 0 >= m + 0) }' \
    || fail train "accuracy at step 90 is $accuracy, below $min_accuracy"
[ "$QUIET" = yes ] || printf '     %-12s accuracy at step 90: %s\n' "" "$accuracy"

login() { printf '%s\n' "$REGISTRY_PASSWORD" | docker login "$registry" -u "$REGISTRY_USERNAME" --password-stdin; }
step login        login
grep -q 'Login Succeeded' "$OUT" || fail login "no 'Login Succeeded'"

step push         docker push "$image"
grep -q 'digest: sha256:' "$OUT" || fail push "no digest"

total_ms=$((($(now) - BENCH_START) / 1000000))
printf 'total        %6d ms  (module 1, non-GPU steps, learner %s, image %s)\n' "$total_ms" "$LEARNER" "$image"

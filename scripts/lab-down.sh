#!/usr/bin/env bash
# lab-down.sh — stop the offline lab that scripts/lab-up.sh started.
#
#   scripts/lab-down.sh           stop the registry, and dockerd if lab-up started it;
#                                 keep lab/ (cached root filesystems, registry data,
#                                 password), so that the next lab-up is quick
#   scripts/lab-down.sh --purge   also remove lab/ entirely
#
# Images imported into the engine are left there; remove them with
#   docker rmi runbook-lab/ubuntu runbook-lab/tensorflow:1.4.0 runbook-lab/tensorflow:1.4.0-gpu runbook-lab/python:3

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAB="$ROOT/lab"
PURGE=no

say() { printf 'lab-down: %s\n' "$*"; }
die() { printf 'lab-down: error: %s\n' "$*" >&2; exit 1; }

for arg in "$@"; do
    case "$arg" in
        --purge) PURGE=yes ;;
        -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument: $arg (usage: lab-down.sh [--purge])" ;;
    esac
done

pid_alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
pid_is() { # PID NAME: the process PID runs the program NAME
    pid_alive "$1" && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | awk -v n="$2" '{ exit !(index($1, n) > 0) }'
}

# Stops the process in PIDFILE if it still runs PROGRAM: SIGTERM, SIGKILL after WAIT s.
stop_pidfile() {
    local pidfile="$1" program="$2" wait_s="$3" label="$4" pid
    if [ ! -f "$pidfile" ]; then
        say "$label: no pid file (not started by lab-up), left alone"
        return 0
    fi
    pid="$(cat "$pidfile")"
    if ! pid_is "$pid" "$program"; then
        say "$label: not running (stale pid file)"
        rm -f "$pidfile"
        return 0
    fi
    say "$label: stopping pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 $((wait_s * 2))); do
        pid_alive "$pid" || break
        sleep 0.5
    done
    if pid_alive "$pid"; then
        say "$label: still running after ${wait_s} s, sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 1
    fi
    pid_alive "$pid" && die "$label: pid $pid does not stop"
    rm -f "$pidfile"
}

if [ -d "$LAB" ]; then
    exec 9>"$LAB/.lock"
    flock -w 900 9 || die "lab-up is running (lab/.lock is held)"
    stop_pidfile "$LAB/registry.pid" docker-registry 10 registry
    # dockerd stops its containers (10 s each by default) and its containerd first.
    stop_pidfile "$LAB/dockerd.pid" dockerd 60 dockerd
else
    say "no lab/ directory: nothing to stop"
fi

if [ "$PURGE" = yes ] && [ -d "$LAB" ]; then
    # Refuse to follow a mount (lab-up unmounts its build trees, but be safe).
    if findmnt -rn -o TARGET | awk -v d="$LAB" 'index($0, d "/") == 1' | grep -q .; then
        die "something is still mounted below $LAB; unmount it first"
    fi
    rm -rf --one-file-system "$LAB"
    say "removed $LAB"
fi

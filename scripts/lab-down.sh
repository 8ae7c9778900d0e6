#!/usr/bin/env bash
# lab-down.sh — stop the offline lab that scripts/lab-up.sh started.
#
#   scripts/lab-down.sh           stop the machine's lab registry, and dockerd if lab-up
#                                 started it (for every clone: the lab is the machine's);
#                                 keep the machine's lab folder (cached root filesystems,
#                                 registry data, password), so that the next lab-up is quick
#   scripts/lab-down.sh --purge   also remove that folder and this clone's lab/
#
# The machine's lab folder is RUNBOOK_LAB_HOME (default /var/lib/runbook-lab as root, else
# ~/.local/share/runbook-lab), as for scripts/lab-up.sh.
#
# Images imported into the engine are left there; remove them with
#   docker rmi runbook-lab/ubuntu runbook-lab/tensorflow:1.4.0 runbook-lab/tensorflow:1.4.0-gpu runbook-lab/python:3

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAB="$ROOT/lab"
if [ -n "${RUNBOOK_LAB_HOME:-}" ]; then STATE="$RUNBOOK_LAB_HOME"
elif [ "$(id -u)" -eq 0 ]; then STATE=/var/lib/runbook-lab
else STATE="${XDG_DATA_HOME:-$HOME/.local/share}/runbook-lab"; fi
PURGE=no

say() { printf 'lab-down: %s\n' "$*"; }
die() { printf 'lab-down: error: %s\n' "$*" >&2; exit 1; }

for arg in "$@"; do
    case "$arg" in
        --purge) PURGE=yes ;;
        -h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

if [ -d "$STATE" ]; then
    exec 9>"$STATE/.lock"
    flock -w 900 9 || die "lab-up is running ($STATE/.lock is held)"
    stop_pidfile "$STATE/registry.pid" docker-registry 10 registry
    rm -f "$STATE/registry.adopted"
    # dockerd stops its containers (10 s each by default) and its containerd first.
    stop_pidfile "$STATE/dockerd.pid" dockerd 60 dockerd
else
    say "no $STATE: nothing to stop"
fi

if [ "$PURGE" = yes ]; then
    for dir in "$STATE" "$LAB"; do
        [ -d "$dir" ] || continue
        # Refuse to follow a mount (lab-up unmounts its build trees, but be safe).
        if findmnt -rn -o TARGET | awk -v d="$dir" 'index($0, d "/") == 1' | grep -q .; then
            die "something is still mounted below $dir; unmount it first"
        fi
        rm -rf --one-file-system "$dir"
        say "removed $dir"
    done
fi

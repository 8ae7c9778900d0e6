#!/usr/bin/env bash
# extra-engines.sh — start (or stop) extra Docker engines beside the main one, each on its own
# unix socket, for tests and benchmarks with several learners.
#
#   scripts/extra-engines.sh up N     start engines 1..N (idempotent); prints one socket per line
#   scripts/extra-engines.sh down     stop them and remove their bridges and state
#
# Engine I listens on unix:///run/runbook-eI.sock with its own data root, exec root, pid file,
# containerd namespace and bridge rbbrI (made first: `--bridge=none` would delete the main
# engine's docker0). iptables is left to the main engine. The lab's base image
# runbook-lab/ubuntu is imported into each from lab/cache (run scripts/lab-up.sh first).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/lab/cache"
STATE=/var/lib/runbook-engines

die() { printf 'extra-engines: error: %s\n' "$*" >&2; exit 1; }

socket() { echo "/run/runbook-e$1.sock"; }

start_engine() {
    local i="$1" sock bridge
    sock="$(socket "$i")"
    bridge="rbbr$i"
    if DOCKER_HOST="unix://$sock" docker info >/dev/null 2>&1; then
        echo "unix://$sock"
        return
    fi
    ip link show "$bridge" >/dev/null 2>&1 || {
        ip link add "$bridge" type bridge
        ip addr add "10.123.$i.1/24" dev "$bridge"
    }
    ip link set "$bridge" up
    mkdir -p "$STATE/e$i"
    # 9>&- : do not hand our lock descriptor to the daemon.
    setsid dockerd -H "unix://$sock" --data-root "$STATE/e$i/data" --exec-root "/run/runbook-e$i" \
        --pidfile "/run/runbook-e$i.pid" --bridge "$bridge" --iptables=false --ip-masq=false \
        --containerd-namespace "runbook-e$i" --containerd-plugins-namespace "runbook-e$i-plugins" \
        >"$STATE/e$i/dockerd.log" 2>&1 </dev/null 9>&- &
    for _ in $(seq 120); do
        DOCKER_HOST="unix://$sock" docker info >/dev/null 2>&1 && break
        sleep 0.5
    done
    DOCKER_HOST="unix://$sock" docker info >/dev/null 2>&1 || die "engine $i did not start; see $STATE/e$i/dockerd.log"
    if ! DOCKER_HOST="unix://$sock" docker image inspect runbook-lab/ubuntu >/dev/null 2>&1; then
        if [ -f "$CACHE/ubuntu.tar" ]; then
            DOCKER_HOST="unix://$sock" docker import --change 'CMD ["/bin/bash"]' \
                --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
                "$CACHE/ubuntu.tar" runbook-lab/ubuntu:latest >/dev/null
        elif docker image inspect runbook-lab/ubuntu >/dev/null 2>&1; then
            # No cached root filesystem (the main engine already had the image): copy it over.
            docker save runbook-lab/ubuntu:latest | DOCKER_HOST="unix://$sock" docker load >/dev/null
        else
            die "no runbook-lab/ubuntu image and no $CACHE/ubuntu.tar; run scripts/lab-up.sh first"
        fi
    fi
    echo "unix://$sock"
}

stop_engines() {
    local pidfile pid i
    for pidfile in /run/runbook-e*.pid; do
        [ -f "$pidfile" ] || continue
        pid="$(cat "$pidfile")"
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        rm -f "$pidfile"
    done
    for i in $(ip -o link show type bridge 2>/dev/null | awk -F': ' '{print $2}' | grep '^rbbr' || true); do
        ip link delete "$i" 2>/dev/null || true
    done
}

[ "$(id -u)" -eq 0 ] || die "needs root (dockerd and bridges)"
command -v dockerd >/dev/null || die "dockerd is not installed (apt-get install docker.io)"
exec 9>"/run/runbook-engines.lock"
flock 9
case "${1:-}" in
    up) for i in $(seq "${2:-2}"); do start_engine "$i"; done ;;
    down) stop_engines ;;
    *) echo "usage: $0 up N | down" >&2; exit 2 ;;
esac

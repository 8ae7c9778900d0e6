#!/usr/bin/env bash
# board-browser-venv.sh — make .venv-board (selenium from PyPI) for the class board's browser test.
# Idempotent; prints the venv's python. Chromium and chromedriver come from Debian (install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-board
if ! "$VENV/bin/python" -c 'import selenium' 2>/dev/null; then
    python3 -m venv "$VENV" >&2
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check 'selenium>=4.20,<5' >&2
fi
echo "$PWD/$VENV/bin/python"

#!/usr/bin/env bash
# make-dist.sh — `make dist`: dist/runbook-VERSION-linux-ARCH.tar.gz, the relocatable Linux binary.
#
# The tarball holds one folder, runbook-VERSION-linux-ARCH/, with bin/runbook (static Swift
# standard library, scripts/static-runbook.sh: it needs only glibc, libstdc++ and libgcc_s, which
# every distribution has), the bash, zsh and fish completions under share/, and INSTALL. The
# tarball is reproducible (sorted, owner 0, mtime 0) and its sha256 is written beside it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VERSION="$(head -n 1 VERSION)"
ARCH="$(uname -m)"
NAME="runbook-$VERSION-linux-$ARCH"
STAGE=".build/dist/$NAME"
say() { printf 'make-dist: %s\n' "$*"; }

[ -x .build/static/runbook ] || scripts/static-runbook.sh
rm -rf "$STAGE"
mkdir -p "$STAGE/bin" "$STAGE/share/bash-completion/completions" "$STAGE/share/zsh/site-functions" \
         "$STAGE/share/fish/vendor_completions.d" dist
install -m 0755 .build/static/runbook "$STAGE/bin/runbook"
"$STAGE/bin/runbook" --generate-completion-script bash >"$STAGE/share/bash-completion/completions/runbook"
"$STAGE/bin/runbook" --generate-completion-script zsh >"$STAGE/share/zsh/site-functions/_runbook"
"$STAGE/bin/runbook" --generate-completion-script fish >"$STAGE/share/fish/vendor_completions.d/runbook.fish"
cat >"$STAGE/INSTALL" <<TEXT
runbook $VERSION for Linux ($ARCH) — $("$STAGE/bin/runbook" --version)

Needs: glibc 2.35 or newer (Debian 12+, Ubuntu 22.04+, Fedora 36+), and the docker CLI for
workshops whose steps run docker. No Swift toolchain is needed.

Install for everyone (or PREFIX=~/.local for yourself):
  PREFIX=/usr/local
  sudo install -m 0755 bin/runbook "\$PREFIX/bin/runbook"
  sudo install -m 0644 share/bash-completion/completions/runbook "\$PREFIX/share/bash-completion/completions/runbook"
  sudo install -m 0644 share/zsh/site-functions/_runbook "\$PREFIX/share/zsh/site-functions/_runbook"
  sudo install -m 0644 share/fish/vendor_completions.d/runbook.fish "\$PREFIX/share/fish/vendor_completions.d/runbook.fish"

Or run it from here: ./bin/runbook --version

Join a class:  runbook guide --join URL --learner ID
Without installing anything but Docker: see the README's "For learners".
TEXT
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C .build/dist -cf - "$NAME" | gzip -n -9 >"dist/$NAME.tar.gz.partial"
mv "dist/$NAME.tar.gz.partial" "dist/$NAME.tar.gz"
(cd dist && sha256sum "$NAME.tar.gz" >"$NAME.tar.gz.sha256")
say "dist/$NAME.tar.gz: $(du -h "dist/$NAME.tar.gz" | cut -f1), sha256 $(cut -d' ' -f1 "dist/$NAME.tar.gz.sha256")"

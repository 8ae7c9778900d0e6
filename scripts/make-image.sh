#!/usr/bin/env bash
# make-image.sh — `make image`: runbook:VERSION and runbook:latest, built here, offline, with no pull.
#
# No Dockerfile and no base image: a root folder is assembled from what the binaries need and
# imported with `docker import`:
#   /usr/bin/runbook        the release binary, static Swift standard library (scripts/static-runbook.sh)
#   /usr/bin/docker         the docker CLI found on PATH (stripped copy), and its compose plugin
#                           in /usr/libexec/docker/cli-plugins when this machine has one (stripped
#                           too: about 66 MB, the image's largest part after runbook itself)
#   /bin/busybox            Debian's busybox-static, with its applets linked in /bin (/bin/sh, cat, ls…)
#   /sbin/tini              Debian's tini-static: PID 1, forwards signals, reaps orphans
#   /etc/ssl/certs/ca-certificates.crt, /etc/passwd, /etc/group, /etc/nsswitch.conf, /tmp
#   /lib…                   the shared libraries that ldd lists for the binaries (glibc, libstdc++…)
# The entrypoint is `tini -- runbook`; RUNBOOK_IN_CONTAINER=1 (SPEC 10.2); HOME=/tmp.
#
# Environment: IMAGE_NAME (default runbook), SWIFT. Prints the image's size and what the bytes are.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VERSION="$(head -n 1 VERSION)"
NAME="${IMAGE_NAME:-runbook}"
STAGE=.build/image
TREE="$STAGE/root"
say() { printf 'make-image: %s\n' "$*"; }
die() { printf 'make-image: error: %s\n' "$*" >&2; exit 1; }

[ -x .build/static/runbook ] || scripts/static-runbook.sh
RUNBOOK_BIN=.build/static/runbook
DOCKER_BIN="$(command -v docker)" || die "no docker CLI on PATH"
DOCKER_BIN="$(readlink -f "$DOCKER_BIN")"
BUSYBOX=/bin/busybox
TINI=/usr/bin/tini-static
CERTS=/etc/ssl/certs/ca-certificates.crt
for file in "$BUSYBOX" "$TINI" "$CERTS"; do
    [ -f "$file" ] || die "missing $file (packages busybox-static, tini, ca-certificates: scripts/install-deps.sh)"
done
file -L "$BUSYBOX" | grep -q 'statically linked' || die "$BUSYBOX is not the static busybox (package busybox-static)"

# The compose plugin, where this machine's docker CLI finds one.
COMPOSE=""
for dir in "$HOME/.docker/cli-plugins" /usr/local/lib/docker/cli-plugins /usr/local/libexec/docker/cli-plugins \
           /usr/lib/docker/cli-plugins /usr/libexec/docker/cli-plugins; do
    if [ -x "$dir/docker-compose" ]; then COMPOSE="$(readlink -f "$dir/docker-compose")"; break; fi
done

rm -rf "$TREE"
mkdir -p "$TREE"/{bin,sbin,usr/bin,etc/ssl/certs,tmp,root} "$TREE/usr/libexec/docker/cli-plugins"
chmod 1777 "$TREE/tmp"
chmod 0700 "$TREE/root"

install -m 0755 "$RUNBOOK_BIN" "$TREE/usr/bin/runbook"
# A CLI built with its debug information (Docker's static release is) is stripped: some 10 MB less.
if file "$DOCKER_BIN" | grep -q 'not stripped'; then strip -o "$TREE/usr/bin/docker" "$DOCKER_BIN"; else install -m 0755 "$DOCKER_BIN" "$TREE/usr/bin/docker"; fi
if [ -n "$COMPOSE" ]; then
    plugin="$TREE/usr/libexec/docker/cli-plugins/docker-compose"
    if file "$COMPOSE" | grep -q 'not stripped'; then strip -o "$plugin" "$COMPOSE"; else install -m 0755 "$COMPOSE" "$plugin"; fi
fi
install -m 0755 "$BUSYBOX" "$TREE/bin/busybox"
for applet in $("$BUSYBOX" --list); do
    [ -e "$TREE/bin/$applet" ] || [ -e "$TREE/usr/bin/$applet" ] || ln -s busybox "$TREE/bin/$applet"
done
install -m 0755 "$TINI" "$TREE/sbin/tini"
install -m 0644 "$CERTS" "$TREE/etc/ssl/certs/ca-certificates.crt"
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$TREE/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$TREE/etc/group"
printf 'hosts: files dns\n' >"$TREE/etc/nsswitch.conf"

# The shared libraries the binaries still need, at the paths ldd names, and the loader.
for binary in "$TREE/usr/bin/runbook" "$TREE/usr/bin/docker" ${COMPOSE:+"$TREE/usr/libexec/docker/cli-plugins/docker-compose"}; do
    { ldd "$binary" 2>/dev/null || true; } | { grep -oE '/[^ ]+' || true; } | while read -r library; do
        mkdir -p "$TREE$(dirname "$library")"
        [ -e "$TREE$library" ] || cp -L "$library" "$TREE$library"
    done
done

COMMIT="$("$TREE/usr/bin/runbook" --version | sed -n 's/.*(\(.*\))$/\1/p')"
OLD="$(docker image inspect -f '{{.Id}}' "$NAME:$VERSION" 2>/dev/null || true)"
say "importing $NAME:$VERSION ($(du -sh "$TREE" | cut -f1) root folder)"
tar --numeric-owner --owner=0 --group=0 -C "$TREE" -c . | docker import \
    --change 'ENTRYPOINT ["/sbin/tini", "--", "/usr/bin/runbook"]' \
    --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin' \
    --change 'ENV HOME=/tmp' \
    --change 'ENV RUNBOOK_IN_CONTAINER=1' \
    --change "LABEL org.opencontainers.image.title=runbook org.opencontainers.image.version=$VERSION org.opencontainers.image.revision=$COMMIT" \
    --message "runbook $VERSION ($COMMIT): make image" \
    - "$NAME:$VERSION" >/dev/null
docker tag "$NAME:$VERSION" "$NAME:latest"
NEW="$(docker image inspect -f '{{.Id}}' "$NAME:$VERSION")"
# The image this one replaces, if nothing else names it any more (it was ours).
if [ -n "$OLD" ] && [ "$OLD" != "$NEW" ] && [ "$(docker image inspect -f '{{len .RepoTags}}' "$OLD" 2>/dev/null)" = 0 ]; then
    docker rmi "$OLD" >/dev/null 2>&1 || true
fi

size() { du -sb "$@" | awk '{s += $1} END {printf "%.1f MB", s / 1000000}'; }
libraries=()
for dir in lib lib64 usr/lib usr/lib64; do [ -d "$TREE/$dir" ] && libraries+=("$TREE/$dir"); done
say "$NAME:$VERSION and $NAME:latest: $(docker image inspect -f '{{.Size}}' "$NAME:$VERSION" | awk '{printf "%.1f MB", $1 / 1000000}') uncompressed"
say "  runbook $(size "$TREE/usr/bin/runbook"), docker CLI $(size "$TREE/usr/bin/docker")${COMPOSE:+, compose plugin $(size "$TREE/usr/libexec/docker/cli-plugins")}"
say "  shared libraries $(size "${libraries[@]}"), busybox $(size "$TREE/bin/busybox"), tini $(size "$TREE/sbin/tini"), CA certificates $(size "$TREE/etc/ssl")"

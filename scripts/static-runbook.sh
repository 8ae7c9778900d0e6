#!/usr/bin/env bash
# static-runbook.sh — the relocatable runbook binary of `make image` and `make dist`, from the
# release build that `make test` uses too (one build, not two).
#
# Swift's static resource folder has no Testing module, so a build with --static-swift-stdlib
# cannot build the tests. Instead this script links the release build's own objects a second time,
# with -static-stdlib, and with libyaml, libcrypto and zlib taken from their static archives
# (a folder that holds only the .a files comes first on the search path). What is left dynamic
# is glibc, libstdc++ and libgcc_s, which every Linux distribution has.
#
# Output: .build/static/runbook (stripped). Environment: SWIFT (default swift); CONFIGURATION
# (default release; debug relinks a debug build, for trying the image without a release build).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SWIFT="${SWIFT:-swift}"
OUT=.build/static
say() { printf 'static-runbook: %s\n' "$*"; }
die() { printf 'static-runbook: error: %s\n' "$*" >&2; exit 1; }

CONFIGURATION="${CONFIGURATION:-release}"
FLAGS=(-c "$CONFIGURATION")
[ "$CONFIGURATION" = release ] && FLAGS+=(-Xswiftc -enable-testing)
BIN="$($SWIFT build "${FLAGS[@]}" --show-bin-path)"
[ -x "$BIN/runbook" ] || die "no $CONFIGURATION build in $BIN: run \`$SWIFT build ${FLAGS[*]} --product runbook\` first"
PLAN=".build/$CONFIGURATION.yaml"
[ -f "$PLAN" ] || die "no $PLAN (the $CONFIGURATION build's plan)"

MULTIARCH="$(cc -print-multiarch 2>/dev/null || gcc -print-multiarch)"
mkdir -p "$OUT/libs"
for lib in libyaml.a libcrypto.a libz.a; do
    archive="/usr/lib/$MULTIARCH/$lib"
    [ -f "$archive" ] || die "missing $archive (packages libyaml-dev, libssl-dev, zlib1g-dev)"
    ln -sf "$archive" "$OUT/libs/$lib"
done

# The release plan's link command of the runbook executable, with another output, a static
# standard library and the static archives first.
python3 - "$PLAN" "$OUT/runbook.unstripped" "$OUT/libs" "$CONFIGURATION" >"$OUT/link.args" <<'PY'
import json, re, sys
plan, output, libs, configuration = sys.argv[1:5]
text = open(plan).read()
match = re.search(r'"C\.runbook-[^"]*-' + configuration + r'\.exe":\n(?:    .*\n)*?    args: (\[.*\])', text)
if not match:
    sys.exit("static-runbook: no link command of runbook in " + plan)
args = json.loads(match.group(1))
out = []
skip = False
for index, arg in enumerate(args):
    if skip:
        skip = False
        continue
    if arg == "-o":
        out += ["-o", output]
        skip = True
        continue
    out.append(arg)
# The folder of static archives first: pkg-config's -L/usr/lib/… comes early in the command.
out = out[:1] + ["-L", libs] + out[1:] + ["-static-stdlib"]
# The objects were compiled against the shared Foundation, whose autolink entries leave out what
# the static archives need in turn (ICU above all); named here, in a group so that order does not matter.
group = ["Foundation", "FoundationEssentials", "FoundationInternationalization", "_FoundationICU", "CoreFoundation",
         "_FoundationCShims", "_FoundationCollections", "swiftSynchronization", "swiftDispatch", "dispatch", "BlocksRuntime"]
out += ["-Xlinker", "--start-group"] + [flag for name in group for flag in ("-Xlinker", "-l" + name)] + ["-Xlinker", "--end-group"]
print("\n".join(out))
PY
mapfile -t LINK <"$OUT/link.args"
say "linking ${LINK[0]##*/} -static-stdlib (libyaml, libcrypto, zlib static)"
"${LINK[@]}"
strip -o "$OUT/runbook" "$OUT/runbook.unstripped"
rm -f "$OUT/runbook.unstripped"

# What is still dynamic must be what every distribution has.
unexpected="$(ldd "$OUT/runbook" | awk '{print $1}' | grep -vE '^(linux-vdso|/lib.*/ld-linux|ld-linux|libc|libm|libstdc\+\+|libgcc_s|libdl|libpthread|librt)([.-]|$)' || true)"
[ -z "$unexpected" ] || die "the binary still needs: $unexpected"
say "$OUT/runbook: $(du -h "$OUT/runbook" | cut -f1), $("$OUT/runbook" --version)"

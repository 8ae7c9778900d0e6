#!/bin/sh
# A stand-in for docker: records its argv (one word per line, then a blank line) and answers
# what the runbook's GPU steps and the engine preflight need. STUB_RUNTIMES is the runtimes JSON.
# The record is written with one printf: the runner calls docker concurrently (preflight, sweeps),
# and a write per word let two records interleave in the log.
record=$(for word in "$(basename "$0")" "$@"; do printf '%s\n' "$word"; done; echo x)
printf '%s\n' "${record%x}" >> "$STUB_LOG"
case "$1" in
    version) echo '{"Client":{"Version":"0.0-stub"},"Server":{"Version":"0.0-stub"}}' ;;
    info)
        runtimes=$STUB_RUNTIMES
        [ -n "$runtimes" ] || runtimes='{"runc":{}}'
        printf '{"OperatingSystem":"Stub OS","OSType":"linux","Architecture":"x86_64","Driver":"stubfs","Runtimes":%s}\n' "$runtimes" ;;
    build) echo "Successfully tagged stub:latest" ;;
    image) echo "sha256:0000000000000000000000000000000000000000000000000000000000000000" ;;
    run)
        step=0
        while [ "$step" -lt 1000 ]; do echo "Accuracy at step $step: 0.9"; step=$((step + 10)); done
        echo "Adding run metadata for 999" ;;
esac
exit 0

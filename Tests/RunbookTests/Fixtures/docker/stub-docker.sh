#!/bin/sh
# A stand-in for docker: records its argv (one word per line, then a blank line) and answers
# what the runbook's GPU steps, the engine preflight and its GPU probe need.
#   STUB_RUNTIMES  the runtimes JSON of `docker info` (default {"runc":{}})
#   STUB_CDI       the DiscoveredDevices JSON of `docker info` (default none)
#   STUB_GPU       which way of giving a container the GPU works: gpus, cdi, runtime (default none)
#   STUB_GPU_IMAGE_MISSING=1  the GPU probe's image is not on the engine
#   STUB_LEFTOVER  a container id that `docker ps` lists (a probe that left its container)
#   STUB_INFO      what `docker info` prints instead (e.g. text that is not JSON)
#   STUB_GPU_QUERY what the GPU probe's nvidia-smi --query-gpu prints (default: two A100s, driver 550.54.15)
#   STUB_IMAGE_ENV the Config.Env JSON array of `docker image inspect --format '{{json .}}'` (default: no such image)
#   STUB_RUN_ERROR a line a step's `docker run` prints on stderr before it fails (exit 1), e.g. a GPU fault
# The record is written with one printf: the runner calls docker concurrently (preflight, sweeps),
# and a write per word let two records interleave in the log.
record=$(for word in "$(basename "$0")" "$@"; do printf '%s\n' "$word"; done; echo x)
printf '%s\n' "${record%x}" >> "$STUB_LOG"
case "$1" in
    --version) echo 'Docker version 0.0-stub, build stub' ;;
    version) echo '{"Client":{"Version":"0.0-stub"},"Server":{"Version":"0.0-stub"}}' ;;
    info)
        if [ -n "$STUB_INFO" ]; then printf '%s\n' "$STUB_INFO"; exit 0; fi
        runtimes=$STUB_RUNTIMES
        [ -n "$runtimes" ] || runtimes='{"runc":{}}'
        devices=$STUB_CDI
        [ -n "$devices" ] || devices='null'
        printf '{"ServerVersion":"0.0-stub","ContainersStopped":0,"OperatingSystem":"Stub OS","OSType":"linux","Architecture":"x86_64","Driver":"stubfs","Runtimes":%s,"DiscoveredDevices":%s}\n' \
            "$runtimes" "$devices" ;;
    build) echo "Successfully tagged stub:latest" ;;
    image)
        case "$*" in
            *"{{json .}}"*)
                if [ -z "$STUB_IMAGE_ENV" ]; then echo "Error: No such image: stub" >&2; exit 1; fi
                printf '{"Id":"sha256:0","Config":{"Env":%s}}\n' "$STUB_IMAGE_ENV" ;;
            *--format*) echo "sha256:0000000000000000000000000000000000000000000000000000000000000000" ;;
            *) printf '[\n    {\n        "Id": "sha256:%s",\n        "Config": { "Entrypoint": ["python", "/app/main.py"] }\n    }\n]\n' \
                   0000000000000000000000000000000000000000000000000000000000000000 ;;
        esac ;;
    ps) [ -z "$STUB_LEFTOVER" ] || echo "$STUB_LEFTOVER" ;;
    rm) ;;
    run)
        way=none
        for word in "$@"; do
            case "$word" in
                --gpus) way=gpus ;;
                nvidia.com/gpu=all) way=cdi ;;
                --runtime=nvidia) way=runtime ;;
            esac
        done
        last=$(for word in "$@"; do :; done; printf '%s' "$word")
        if [ "$last" = "--format=csv,noheader,nounits" ]; then  # the GPU probe: nvidia-smi --query-gpu=…
            if [ -n "$STUB_GPU_IMAGE_MISSING" ]; then
                echo "docker: Error response from daemon: No such image: stub/gpu:latest." >&2; exit 125
            fi
            if [ "$way" = "${STUB_GPU:-none}" ]; then
                if [ -n "$STUB_GPU_QUERY" ]; then printf '%s\n' "$STUB_GPU_QUERY"; exit 0; fi
                echo "NVIDIA A100-SXM4-40GB, GPU-0b6f2a1c-0000-0000-0000-000000000000, 8.0, 40960, Disabled, 550.54.15"
                echo "NVIDIA A100-SXM4-40GB, GPU-0b6f2a1c-0000-0000-0000-000000000001, 8.0, 40960, Enabled, 550.54.15"
                exit 0
            fi
            case "$way" in
                gpus) echo 'docker: Error response from daemon: could not select device driver "" with capabilities: [[gpu]].' >&2 ;;
                cdi) echo 'docker: Error response from daemon: could not apply required modification to OCI specification: error modifying OCI spec: failed to inject CDI devices: unresolvable CDI devices nvidia.com/gpu=all.' >&2 ;;
                runtime) echo 'docker: Error response from daemon: unknown or invalid runtime name: nvidia.' >&2 ;;
            esac
            echo "See 'docker run --help'." >&2
            exit 125
        fi
        if [ -n "$STUB_RUN_ERROR" ]; then printf '%s\n' "$STUB_RUN_ERROR" >&2; exit 1; fi
        step=0
        while [ "$step" -lt 1000 ]; do echo "Accuracy at step $step: 0.9"; step=$((step + 10)); done
        echo "Adding run metadata for 999" ;;
esac
exit 0

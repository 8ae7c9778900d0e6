#!/bin/sh
# What the box of module 3 runs: it greets whoever asks, from the file it keeps in its volume.
while :; do
    if [ -f /data/greeting ]; then cat /data/greeting; else echo "no greeting yet"; fi
    sleep 5
done

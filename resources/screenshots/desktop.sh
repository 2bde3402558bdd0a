#!/bin/sh
# The README's first picture: the real window on a real X server, with a window manager's
# title bar, not an offscreen render. Needs Xvfb, openbox, xdotool and ImageMagick.
#     resources/screenshots/desktop.sh SEED.debate [DISPLAY_NUMBER]
set -eu
seed=$1
display=:${2:-47}
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$here/../.." && pwd)/.venv/bin
scratch=$(mktemp -d)
cp "$seed" "$scratch/dod-safety.debate"   # opened for writing, as a person would
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $editor $wm $xvfb 2>/dev/null; rm -rf "$scratch"' EXIT
sleep 2
DISPLAY=$display openbox >/dev/null 2>&1 &
wm=$!
sleep 2
# A fresh settings folder: the window opens as it does the first time.
DISPLAY=$display XDG_CONFIG_HOME=$scratch/config XDG_DATA_HOME=$scratch/data \
    "$bin/debate-editor" "$scratch/dod-safety.debate" </dev/null >/dev/null 2>&1 &
editor=$!
window=$(DISPLAY=$display xdotool search --sync --name "dod-safety.debate" | head -n 1)
sleep 3
# Choose the zero-sum reason in the outline, as a person would: every view shows it.
DISPLAY=$display xdotool key --window "$window" alt+3 Down Down Down
sleep 1
DISPLAY=$display import -frame -window "$window" "$here/seed-desktop.png"

#!/bin/sh
# Builds newsbrief into build/ (or $NB_BUILD_DIR), installing missing Debian
# packages first.  Extra arguments go to cmake's configure step.
set -eu
cd "$(dirname "$0")/.."
scripts/deps.sh
dir=${NB_BUILD_DIR:-build}
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -j"$(nproc)"

#!/bin/sh
# The one test command: installs what a fresh Debian 12 machine lacks, builds
# with warnings as errors, runs every test; then rebuilds with AddressSanitizer
# and UndefinedBehaviorSanitizer and runs every test again.
set -eu
cd "$(dirname "$0")/.."
NB_BUILD_DIR=build scripts/build.sh -DNB_WERROR=ON
ctest --test-dir build --output-on-failure -j2
if [ "${NB_SKIP_SANITIZE:-0}" != 1 ]; then
  NB_BUILD_DIR=build-asan scripts/build.sh -DNB_WERROR=ON -DNB_SANITIZE=address,undefined
  ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build-asan --output-on-failure -j2
fi

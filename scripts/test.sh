#!/bin/sh
# The one test command: installs what a fresh Debian 12 machine lacks, builds
# with warnings as errors, runs every test; then rebuilds with AddressSanitizer
# and UndefinedBehaviorSanitizer and runs every test again; then a short smoke
# run of each long job (fuzzers, benchmarks), which are run for real by hand
# and reported.
set -eu
cd "$(dirname "$0")/.."
NB_BUILD_DIR=build scripts/build.sh -DNB_WERROR=ON
ctest --test-dir build --output-on-failure -j2
if [ "${NB_SKIP_SANITIZE:-0}" != 1 ]; then
  NB_BUILD_DIR=build-asan scripts/build.sh -DNB_WERROR=ON -DNB_SANITIZE=address,undefined
  ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build-asan --output-on-failure -j2
fi
if [ "${NB_SKIP_SMOKE:-0}" != 1 ]; then
  # A fixed 2,000 inputs per fuzz target (a clang build of its own), and
  # the benchmarks on small inputs: they must run; their figures mean nothing.
  NB_FUZZ_RUNS=2000 scripts/fuzz.sh
  NB_BENCH_SMOKE=1 scripts/bench.sh build >/dev/null
  NB_BENCH_SMOKE=1 scripts/bench-extract.sh build >/dev/null
  scripts/bench-summarize.sh build/newsbrief 20 >/dev/null
  echo "test.sh: smoke runs of the fuzzers and benchmarks passed"
fi

#!/bin/sh
# fuzz.sh: runs newsbrief's libFuzzer targets (tests/fuzz) for a while each.
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   SECONDS  per target (default 60); TARGET one of text html feed summarize
#            speakable (default all, one after another).
# Builds build-fuzz with clang (-DNB_FUZZ=ON) when needed, seeds a scratch
# corpus (build-fuzz/corpus/TARGET, kept between runs, never committed) from
# the test articles, pages and feeds, and copies every crash, leak or
# timeout into tests/fuzz/regression/TARGET/ (replayed by ctest).  Exits 1
# when a target found something.
# Environment: NB_FUZZ_RUNS=N runs N inputs per target with a fixed seed
# instead of SECONDS (scripts/test.sh's smoke run: the same inputs every
# time, so CI does not pass or fail by luck); NB_FUZZ_KEEP_GOING=1 goes on
# after a crash (libFuzzer's fork
# mode, -ignore_crashes), to find more than the first bug in a long run;
# NB_FUZZ_KNOWN=controls,utf8,multiline looks past known, reported bugs
# (see tests/fuzz/check.c).
set -eu
cd "$(dirname "$0")/.."
SRC=$(pwd)
B=$SRC/build-fuzz
SECONDS_EACH=${1:-60}
[ $# -gt 0 ] && shift
TARGETS=${*:-text html feed summarize speakable}

command -v clang >/dev/null || {
  echo "fuzz.sh: clang is needed (apt-get install clang)" >&2
  exit 2
}
if [ ! -f "$B/CMakeCache.txt" ]; then
  mkdir -p "$B"
  CC=clang cmake -S "$SRC" -B "$B" -DNB_FUZZ=ON >/dev/null
fi
bins=""
for t in $TARGETS; do bins="$bins fuzz_$t replay_$t"; done
# One build at a time when several fuzz.sh run side by side.
flock "$B/.build-lock" cmake --build "$B" -j2 --target $bins >/dev/null

# Seeds: the committed hand-made ones, plus the project's test inputs.
seed() { # seed TARGET FILE...
  d=$B/corpus/$1
  shift
  mkdir -p "$d"
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$d/$(echo "$f" | tr '/' '_')"
  done
  return 0
}
for t in $TARGETS; do
  mkdir -p "$B/corpus/$t"
  [ -d tests/fuzz/seeds/$t ] && cp tests/fuzz/seeds/$t/* "$B/corpus/$t/"
done
articles=$(find tests/data tests/corpus -name '*.txt' -size -64k 2>/dev/null | sort)
pages=$(find tests/data tests/input -name '*.htm*' -size -256k 2>/dev/null | sort)
feeds=$(find tests/data tests/input tests/drop -name '*.xml' -o -name '*.rss' -o -name '*.atom' 2>/dev/null | sort)
case " $TARGETS " in *" text "*) seed text $articles ;; esac
case " $TARGETS " in *" html "*) seed html $pages ;; esac
case " $TARGETS " in *" feed "*) seed feed $feeds ;; esac
case " $TARGETS " in *" speakable "*) seed speakable $articles ;; esac
case " $TARGETS " in *" summarize "*)
  # Two option bytes, then the article (see tests/fuzz/fuzz_summarize.c).
  mkdir -p "$B/corpus/summarize"
  i=0
  for f in $articles; do
    i=$((i + 1))
    { printf "\\$(printf %o $((i * 37 % 256)))\\$(printf %o $((i % 16)))"; cat "$f"; } \
      >"$B/corpus/summarize/article-$i"
  done ;;
esac

found=0
for t in $TARGETS; do
  case $t in
    text | speakable | summarize) max_len=16384 ;;
    html | feed) max_len=65536 ;;
    *) echo "fuzz.sh: unknown target '$t'" >&2; exit 2 ;;
  esac
  keep=""
  [ "${NB_FUZZ_KEEP_GOING:-0}" = 1 ] &&
    keep="-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"
  dict=""
  [ -f tests/fuzz/$t.dict ] && dict="-dict=tests/fuzz/$t.dict"
  out=$B/findings/$t
  rm -rf "$out" # an earlier run's findings were copied out already
  mkdir -p "$out"
  log=$B/fuzz-$t.log
  limit="-max_total_time=$SECONDS_EACH"
  [ -n "${NB_FUZZ_RUNS:-}" ] && limit="-runs=$NB_FUZZ_RUNS -seed=1"
  echo "fuzz.sh: $t, $limit (log: $log)" >&2
  set +e
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  nice -n 10 "$B/tests/fuzz/fuzz_$t" $limit \
    -max_len=$max_len -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/" $keep $dict "$B/corpus/$t" >"$log" 2>&1
  rc=$?
  set -e
  grep -E 'cov: |stat::number_of_executed_units' "$log" | tail -2 >&2
  for f in "$out"/crash-* "$out"/leak-* "$out"/timeout-* "$out"/oom-*; do
    [ -f "$f" ] || continue
    mkdir -p tests/fuzz/regression/$t
    cp "$f" tests/fuzz/regression/$t/
    echo "fuzz.sh: $t: found $(basename "$f") -> tests/fuzz/regression/$t/" >&2
    found=1
  done
  [ $rc -ne 0 ] && [ $found -eq 0 ] && { echo "fuzz.sh: $t: fuzzer exited $rc (see $log)" >&2; found=1; }
done
exit $found

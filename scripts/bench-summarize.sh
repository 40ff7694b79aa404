#!/bin/sh
# bench-summarize.sh: how fast newsbrief summarizes.  Runs `newsbrief quotes`
# once over 1,000 articles (the corpus under tests/corpus, repeated) and
# prints articles per second; reading and JSON printing are included, so the
# summarizer alone is faster still.  Not a timed test: a benchmark.
#   scripts/bench-summarize.sh [NEWSBRIEF] [N]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
nb=${1:-${NEWSBRIEF:-$here/build/newsbrief}}
n=${2:-1000}
[ -x "$nb" ] || { echo "bench-summarize: no binary at $nb (build first)" >&2; exit 2; }
set --
while [ "$#" -lt "$n" ]; do
  for f in "$here"/tests/corpus/*/article.txt "$here"/tests/corpus/*/*/article.txt; do
    [ -f "$f" ] || continue
    [ "$#" -lt "$n" ] && set -- "$@" "$f"
  done
done
bytes=$(cat "$@" | wc -c)
start=$(date +%s.%N)
"$nb" quotes --format json "$@" >/dev/null
end=$(date +%s.%N)
awk -v n="$n" -v b="$bytes" -v s="$start" -v e="$end" 'BEGIN {
  t = e - s; if (t <= 0) t = 1e-9
  printf "summarized %d articles (%.1f MB) in %.3f s: %.0f articles/second\n", n, b / 1e6, t, n / t }'

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
# Distinct copies: newsbrief reads a story once however often it is given
# (same first paragraph = same story), so each copy opens with a heading
# line of its own words.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
i=0
while [ "$i" -lt "$n" ]; do
  for f in "$here"/tests/corpus/*/article.txt "$here"/tests/corpus/*/*/article.txt; do
    [ -f "$f" ] && [ "$i" -lt "$n" ] || continue
    i=$((i + 1))
    { printf 'Copy %d a%d b%d c%d d%d e%d f%d g%d h%d\n\n' "$i" "$i" "$i" "$i" "$i" "$i" "$i" "$i" "$i"
      cat "$f"; } >"$tmp/$i.txt"
  done
done
set -- "$tmp"/*.txt
bytes=$(cat "$@" | wc -c)
start=$(date +%s.%N)
"$nb" quotes --format json "$@" >"$tmp/out.json"
end=$(date +%s.%N)
got=$(grep -c '"source"' "$tmp/out.json")
[ "$got" = "$n" ] || { echo "bench-summarize: $got stories summarized, not $n" >&2; exit 1; }
awk -v n="$n" -v b="$bytes" -v s="$start" -v e="$end" 'BEGIN {
  t = e - s; if (t <= 0) t = 1e-9
  printf "summarized %d articles (%.1f MB) in %.3f s: %.0f articles/second\n", n, b / 1e6, t, n / t }'

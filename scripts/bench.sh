#!/bin/sh
# bench.sh: how fast newsbrief renders, against plain espeak-ng, and how it
# scales with workers; peak memory for an hour-long briefing; time to first
# sound for live playback.  Not a test: it prints figures and ratios.
#
#   scripts/bench.sh [BUILD_DIR]     (default: build; needs python3,
#                                     /usr/bin/time; uses hyperfine if found)
# Goals (issue 4): one job <= 1.15x espeak-ng -w on the same text; two jobs
# >= 1.6x faster than one on a long briefing (measured both as in the first
# goal and with the default 44.1 kHz normalized output); < 64 MB peak for
# an hour; first sound < 150 ms.
#   NB_BENCH_SMOKE=1: a quick run on small texts (scripts/test.sh uses it to
#   check that the script still works; its figures mean nothing).
set -eu
SMOKE=${NB_BENCH_SMOKE:-0}
RUNS=5
[ "$SMOKE" = 1 ] && RUNS=1
# words WORDS: the article length, a twentieth of it in a smoke run
words() { if [ "$SMOKE" = 1 ]; then echo $(($1 / 20)); else echo "$1"; fi; }
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$SRC/build}
NB=${NEWSBRIEF:-$BUILD/newsbrief}
[ -x "$NB" ] || { echo "bench.sh: no $NB (build first: scripts/build.sh)" >&2; exit 2; }
T=$(mktemp -d /tmp/nb-bench.XXXXXX)
trap 'rm -rf "$T"' EXIT

# A long article of distinct sentences (the reader drops near-duplicate
# stories, so copies of one article would not make a long briefing).
gen() { # gen WORDS SEED > file
  python3 - "$1" "$2" <<'PY'
import random, sys
words, seed = int(sys.argv[1]), int(sys.argv[2])
random.seed(seed)
vocab = ("the council city river bridge minister spokesman report market budget "
         "plan week season school hospital road station harbor election court "
         "winter summer farmers workers company officials residents traffic "
         "approved rejected announced delayed opened closed repaired said about "
         "after before during over under with without new old small large north "
         "south east west local national public private early late").split()
out, n, para = [], 0, []
while n < words:
    k = random.randint(10, 20)
    s = " ".join(random.choice(vocab) for _ in range(k))
    para.append(s[0].upper() + s[1:] + ".")
    n += k
    if len(para) == 4:
        out.append(" ".join(para))
        para = []
if para:
    out.append(" ".join(para))
print("\n\n".join(out))
PY
}

# timeit NAME CMD...: median wall time in seconds of RUNS runs (hyperfine when
# installed, else a plain loop), stored in $T/NAME.
timeit() {
  name=$1
  shift
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$T/$name.json" "$*" >/dev/null 2>&1 ||
      hyperfine --warmup 1 --runs "$RUNS" --export-json "$T/$name.json" "$*" >/dev/null
    python3 -c "import json,sys; print('%.4f' % json.load(open(sys.argv[1]))['results'][0]['median'])" "$T/$name.json" >"$T/$name"
    python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print('%.4f' % (r['user'] + r['system']))" "$T/$name.json" >"$T/$name.cpu"
  else
    for i in $(seq 1 $((RUNS + 1))); do
      s=$(date +%s.%N)
      "$@" >/dev/null 2>&1
      e=$(date +%s.%N)
      [ "$i" = 1 ] || python3 -c "import sys; print('%.4f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$s" "$e"
    done | sort -n | sed -n "$(((RUNS + 1) / 2))p" >"$T/$name"
  fi
  if [ -s "$T/$name.cpu" ]; then
    printf '  %-40s %8.3f s wall %8.3f s cpu\n' "$name" "$(cat "$T/$name")" "$(cat "$T/$name.cpu")"
  else
    printf '  %-40s %8.3f s wall\n' "$name" "$(cat "$T/$name")"
  fi
}
ratio() { python3 -c "import sys; print('%.2f' % (float(open(sys.argv[1]).read()) / float(open(sys.argv[2]).read())))" "$T/$1" "$T/$2"; }
# goal NAME VALUE OP LIMIT UNIT: one line per goal of issue 4, PASS or MISS;
# the summary at the end repeats them.
goal() {
  verdict=$(python3 -c "import sys; v, l = float(sys.argv[1]), float(sys.argv[3]); print('PASS' if (v <= l if sys.argv[2] == '<=' else v >= l if sys.argv[2] == '>=' else v < l) else 'MISS')" "$2" "$3" "$4" 2>/dev/null || echo "MISS")
  line=$(printf '  GOAL %-44s %8s%s (goal %s %s%s)  %s' "$1" "$2" "$5" "$3" "$4" "$5" "$verdict")
  echo "$line"
  echo "$line" >>"$T/goals"
}

echo "newsbrief bench ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)): $NB"

# 1. One job against espeak-ng on the same text, the same voice, rate and
# pitch, both writing 22,050 Hz WAV with no processing.
gen "$(words 1500)" 1 >"$T/article.txt"
echo "1. the same text (1500 words, --full), one worker, vs espeak-ng -w:"
timeit espeak-ng espeak-ng -v en-us+m3 -s 170 -p 40 -f "$T/article.txt" -w "$T/e.wav"
timeit newsbrief-jobs1-plain "$NB" speak --full --jobs 1 --rate 22050 --loudness off -o "$T/n.wav" "$T/article.txt"
timeit newsbrief-jobs1-podcast "$NB" speak --full --jobs 1 -o "$T/p.wav" "$T/article.txt"
goal "one job vs espeak-ng, same output (wall)" "$(ratio newsbrief-jobs1-plain espeak-ng)" "<=" 1.15 x
[ -s "$T/espeak-ng.cpu" ] && echo "  ratio in CPU time: $(ratio newsbrief-jobs1-plain.cpu espeak-ng.cpu)x"
echo "  ratio with 44.1 kHz + loudness: $(ratio newsbrief-jobs1-podcast espeak-ng)x wall"
[ -s "$T/espeak-ng.cpu" ] && echo "  ratio with 44.1 kHz + loudness in CPU time: $(ratio newsbrief-jobs1-podcast.cpu espeak-ng.cpu)x"

# 2. Workers: --jobs 1 against --jobs 2 on a long briefing, twice: with the
# defaults (44.1 kHz, loudness normalization: a second pass over the whole
# briefing after synthesis), and as in 1. (eSpeak's own samples: what the
# workers parallelize, and nothing after them).
gen "$(words 6000)" 2 >"$T/long.txt"
echo "2. a long briefing (6000 words, about 40 minutes), --jobs 1 vs --jobs 2:"
timeit long-jobs1-plain "$NB" speak --full --jobs 1 --rate 22050 --loudness off -o "$T/l1.wav" "$T/long.txt"
timeit long-jobs2-plain "$NB" speak --full --jobs 2 --rate 22050 --loudness off -o "$T/l2.wav" "$T/long.txt"
goal "two jobs vs one, synthesis, as in 1. (wall)" "$(ratio long-jobs1-plain long-jobs2-plain)" ">=" 1.6 x
timeit long-jobs1 "$NB" speak --full --jobs 1 -o "$T/l1.wav" "$T/long.txt"
timeit long-jobs2 "$NB" speak --full --jobs 2 -o "$T/l2.wav" "$T/long.txt"
goal "two jobs vs one, defaults: 44.1 kHz, -19 LUFS" "$(ratio long-jobs1 long-jobs2)" ">=" 1.6 x
echo "  (needs two idle cores: the load average above says how many are busy)"
# Where the time goes, from newsbrief -v: synthesis (segments spoken), then
# the second pass (gain, true-peak limiter, encoding), which is serial.
for j in 1 2; do
  times=$("$NB" speak -v --full --jobs $j -o "$T/l$j.wav" "$T/long.txt" 2>&1 >/dev/null |
    sed -n 's/.*segments spoken after \([0-9]*\) ms.*/\1/p; s/.*written after \([0-9]*\) ms.*/\1/p' |
    tr '\n' ' ')
  set -- $times
  echo "  --jobs $j, defaults: synthesis $1 ms, second pass $(($2 - $1)) ms"
  echo "$(($2 - $1))" >"$T/pass2-$j"
done
# Why the defaults scale less: CPU time does not shrink with workers, two
# cores can at best halve it, and the second pass (resampler, gain,
# true-peak limiter, encoder) waits for the loudness of the whole briefing.
if [ -s "$T/long-jobs2.cpu" ]; then
  python3 - "$T" <<'PY'
import sys
t = sys.argv[1]
r = lambda n: float(open(f"{t}/{n}").read())
cpu, p2 = r("long-jobs2.cpu"), r("pass2-2") / 1000
print("  CPU time, defaults: jobs 1 %.2f s, jobs 2 %.2f s; on two cores jobs 2"
      " takes at least %.2f s (at most %.2fx), %.2f s with its second pass"
      " serial (at most %.2fx)"
      % (r("long-jobs1.cpu"), cpu, cpu / 2, r("long-jobs1") / (cpu / 2),
         (cpu - p2) / 2 + p2, r("long-jobs1") / ((cpu - p2) / 2 + p2)))
PY
fi

# 3. Peak memory: an hour-long briefing against a 10-minute one (flat, not
# growing with length), MP3 with loudness normalization.
gen "$(words 9500)" 3 >"$T/hour.txt"
gen "$(words 1600)" 4 >"$T/ten.txt"
echo "3. peak memory (maximum resident set, main process):"
for f in ten hour; do
  /usr/bin/time -v "$NB" speak --full -o "$T/$f.mp3" --segments "$T/$f.json" "$T/$f.txt" 2>"$T/$f.time" >/dev/null
  kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$T/$f.time")
  min=$(python3 -c "import json,sys; print('%.0f' % (json.load(open(sys.argv[1]))['duration'] / 60))" "$T/$f.json")
  mb=$(python3 -c "import sys; print('%.1f' % (int(sys.argv[1]) / 1024))" "$kb")
  printf '  %-5s %4s min of audio: %6s MB peak\n' "$f" "$min" "$mb"
done
goal "peak memory, hour-long briefing" "$mb" "<" 64 " MB"

# 4. Time to first sound with --play, through an ALSA file device (no
# sound card needed): the first samples handed to PortAudio, counted from
# the start of rendering and from the start of the process, as
# newsbrief -v reports them; median of 5.  Also bare start-up
# (newsbrief --version: loading the shared libraries).
mkdir "$T/home"
sed "s|@OUT@|$T/played.raw|" "$SRC/tests/data/alsa/asoundrc.in" >"$T/home/.asoundrc"
HOME="$T/home" "$NB" speak --play "$SRC/tests/data/short.txt" >/dev/null 2>&1 || true
for i in 1 2 3 4 5; do
  HOME="$T/home" "$NB" speak -v --play "$SRC/tests/data/short.txt" 2>&1 >/dev/null |
    sed -n 's/.*first audio after \([0-9]*\) ms (\([0-9-]*\) ms after the process started).*/\1 \2/p'
done | sort -n | sed -n 3p >"$T/first"
timeit startup "$NB" --version
echo "4. time to first sound (--play, short article), median of 5:"
goal "first sound, from the start of rendering" "$(cut -d' ' -f1 "$T/first")" "<" 150 " ms"
goal "first sound, from the start of the process" "$(cut -d' ' -f2 "$T/first")" "<" 150 " ms"
echo
echo "summary:"
cat "$T/goals"

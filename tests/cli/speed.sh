# speed.sh: --speed F speaks F times as fast (every voice's rate times F,
# pauses divided by F), so a listener who reads at 340 words a minute gets
# the briefing in half the time; the timeline, transcript and the
# --max-minutes estimate follow.
. "$NB_SRC/tests/lib.sh"
A="$NB_SRC/tests/corpus/seed/article.txt"
dur() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['duration'])" "$1"; }
for s in 1 2 0.5; do
  "$NEWSBRIEF" speak -q --speed $s --rate 22050 --loudness off -o "$T/s$s.wav" \
    --segments "$T/s$s.json" --transcript "$T/s$s.vtt" "$A" || bad "--speed $s"
done
python3 - "$(dur "$T/s1.json")" "$(dur "$T/s2.json")" "$(dur "$T/s0.5.json")" <<'PY' && ok || bad "durations at speed 1, 2, 0.5: $(dur "$T/s1.json") $(dur "$T/s2.json") $(dur "$T/s0.5.json")"
import sys
one, two, half = map(float, sys.argv[1:])
assert one > 20, one
assert 0.4 < two / one < 0.62, two / one
assert 1.7 < half / one < 2.3, half / one
PY
# the transcript at speed 2 ends inside its audio, in order
python3 - "$T/s2.vtt" "$(dur "$T/s2.json")" <<'PY' && ok || bad "transcript at speed 2"
import re, sys
text, dur = open(sys.argv[1]).read(), float(sys.argv[2])
t = lambda h, m, s: int(h) * 3600 + int(m) * 60 + float(s)
cues = [(t(*m[:3]), t(*m[3:])) for m in re.findall(r"(\d+):(\d+):([\d.]+) --> (\d+):(\d+):([\d.]+)", text)]
assert len(cues) > 3, cues
assert all(a < b for a, b in cues) and all(cues[i][1] <= cues[i + 1][0] for i in range(len(cues) - 1))
assert cues[-1][1] <= dur + 0.01, (cues[-1], dur)
PY
# --max-minutes counts at the faster rate: two minutes hold more stories
copies "$T/in" "$A"
n() { python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['stories']))" "$1"; }
"$NEWSBRIEF" summarize --format json --max-minutes 2 "$T/in" >"$T/one.json" || bad "summarize"
"$NEWSBRIEF" summarize --format json --max-minutes 2 --speed 2 "$T/in" >"$T/two.json" || bad "summarize --speed 2"
# (fit.sh: 3 stories of 97 words at 170 a minute; at 340, (680 - 30) / 97)
[ "$(n "$T/one.json")" = 3 ] && [ "$(n "$T/two.json")" = 6 ] && ok || bad "stories in 2 minutes: $(n "$T/one.json") at speed 1, $(n "$T/two.json") at speed 2"
expect 2 "speed takes a factor from 0.5 to 3, not '4'" -- "$NEWSBRIEF" speak --speed 4 -o "$T/x.wav" "$A"
expect 2 "speed takes a factor from 0.5 to 3, not 'fast'" -- "$NEWSBRIEF" speak --speed fast -o "$T/x.wav" "$A"
[ ! -e "$T/x.wav" ] && ok || bad "a refused --speed wrote a file"
finish

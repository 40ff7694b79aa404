#!/bin/sh
# timeline.sh: `speak` with --transcript (WebVTT and SRT), --chapters and
# --segments on a short article.  The timeline must agree with the audio it
# describes: the segments are in order and inside the file, the duration is
# the file's length, the transcript's cues are well formed with the quote's
# speaker as a voice span, the chapters are Podcasting 2.0 JSON.
set -u
: "${NEWSBRIEF:?}" "${NB_SRC:?}"
T=$(mktemp -d /tmp/nb-timeline.XXXXXX)
trap 'rm -rf "$T"' EXIT
IN="$NB_SRC/tests/data/short.txt"

"$NEWSBRIEF" speak -o "$T/b.wav" --transcript "$T/b.vtt" --chapters "$T/ch.json" \
  --segments "$T/seg.json" "$IN" 2>"$T/err" || { cat "$T/err"; exit 1; }
"$NEWSBRIEF" speak -o "$T/c.flac" --transcript "$T/c.srt" "$IN" 2>"$T/err" || { cat "$T/err"; exit 1; }
# Two stories: an intro chapter, then one chapter per story.
cat >"$T/second.txt" <<'TXT'
PARIS (AP) — Farmers drove hundreds of tractors into the city centre on Monday to protest against new fuel taxes.
“We cannot feed the country if we cannot pay for diesel,” union leader Jean Martin told a crowd outside parliament.
TXT
"$NEWSBRIEF" speak -o "$T/two.ogg" --chapters "$T/two.json" --segments "$T/two.seg.json" \
  "$IN" "$T/second.txt" 2>"$T/err" || { cat "$T/err"; exit 1; }

python3 - "$T" <<'PY'
import json, re, sys, wave
T = sys.argv[1]
w = wave.open(T + "/b.wav")
rate, frames = w.getframerate(), w.getnframes()
assert rate == 44100 and w.getnchannels() == 1, (rate, w.getnchannels())

seg = json.load(open(T + "/seg.json"))
assert seg["sample_rate"] == 44100
# the duration is the file's length, to the sample
assert abs(seg["duration"] * rate - frames) <= 1, (seg["duration"] * rate, frames)
s = seg["segments"]
assert [x["role"] for x in s][:3] == ["lead", "attribution", "quote"], [x["role"] for x in s]
prev_end = 0
for x in s:
    assert set(x) >= {"role", "text", "voice", "story", "start", "end"}, x
    assert prev_end <= x["start"] < x["end"] <= seg["duration"], x
    # seconds and sample indices say the same thing
    assert abs(x["start"] * rate - x["start_sample"]) <= 1
    prev_end = x["end"]
    # eSpeak's word events: one per word (give or take a split number or
    # hyphen), in order, inside the segment
    wd = x["words"]
    assert abs(len(wd) - len(x["text"].split())) <= 2, (wd, x["text"])
    assert wd == sorted(wd) and x["start"] <= wd[0] and wd[-1] < x["end"], x
quotes = [x for x in s if x["role"] == "quote"]
assert quotes and all(q["speaker"] == "Maria Lopez" for q in quotes), quotes

vtt = open(T + "/b.vtt").read()
assert vtt.startswith("WEBVTT\n\n"), vtt[:20]
cues = vtt.strip().split("\n\n")[1:]
assert len(cues) >= len(s), (len(cues), len(s))
t = r"(\d\d):(\d\d):(\d\d)\.(\d\d\d)"
last = -1.0
for c in cues:
    lines = c.split("\n")
    m = re.fullmatch(t + " --> " + t, lines[1])
    assert m, lines
    g = [int(v) for v in m.groups()]
    a = g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000
    b = g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000
    assert last <= a < b <= seg["duration"] + 0.001, (last, a, b)
    last = b
    assert lines[2].strip()
# the quote cue: voice span, and times those of the quote segment
q = quotes[0]
qc = [c for c in cues if "<v Maria Lopez>" in c]
assert qc, "no <v Maria Lopez> cue"
assert qc[0].split("\n")[2].endswith("</v>")
start = qc[0].split("\n")[1].split(" --> ")[0]
h, m_, sec = start.split(":")
assert abs(int(h) * 3600 + int(m_) * 60 + float(sec) - q["start"]) < 0.0006

srt = open(T + "/c.srt").read()
blocks = srt.strip().split("\n\n")
for i, blk in enumerate(blocks, 1):
    lines = blk.split("\n")
    assert lines[0] == str(i), lines
    assert re.fullmatch(r"\d\d:\d\d:\d\d,\d\d\d --> \d\d:\d\d:\d\d,\d\d\d", lines[1]), lines

ch = json.load(open(T + "/ch.json"))
assert ch["version"] == "1.2.0"
assert len(ch["chapters"]) == 1, ch      # one story, no intro
assert ch["chapters"][0]["startTime"] == 0 and ch["chapters"][0]["title"]
two = json.load(open(T + "/two.json"))["chapters"]
tseg = json.load(open(T + "/two.seg.json"))["segments"]
assert len(two) == 3, two
assert two[0]["startTime"] == 0 and tseg[0]["role"] == "intro"
for k in (1, 2):
    first = next(x for x in tseg if x["story"] == k - 1)
    assert abs(two[k]["startTime"] - first["start"]) < 1e-6, (two[k], first)
assert two[0]["startTime"] < two[1]["startTime"] < two[2]["startTime"]
print("timeline.sh: %d segments, %d cues, %d chapters agree with %d samples"
      % (len(s), len(cues), len(ch["chapters"]), frames))
PY

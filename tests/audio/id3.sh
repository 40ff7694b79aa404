#!/bin/sh
# id3.sh: an MP3 briefing carries its metadata and chapters in an ID3v2.4
# tag at its head (podcast players show them): the title as given, in
# UTF-8, and one CHAP per chapter of the --chapters JSON, same start times
# (to the millisecond) and titles, each ending where the next begins.  The
# tag is read here by a parser of its own, not newsbrief's.
set -u
: "${NEWSBRIEF:?}" "${NB_SRC:?}"
T=$(mktemp -d /tmp/nb-id3.XXXXXX)
trap 'rm -rf "$T"' EXIT
G="$NB_SRC/tests/corpus/gum-dev"
TITLE="Le briefing du matin — café au lait, édition spéciale"
"$NEWSBRIEF" speak -q --title "$TITLE" -o "$T/b.mp3" \
  --chapters "$T/b.json" --segments "$T/b.seg.json" \
  "$G/GUM_news_afghan/article.txt" "$G/GUM_news_clock/article.txt" \
  "$G/GUM_news_crane/article.txt" || { echo "FAIL: speak -o b.mp3" >&2; exit 1; }
exec python3 - "$T/b.mp3" "$T/b.json" "$T/b.seg.json" "$TITLE" <<'PY'
import json, sys
d = open(sys.argv[1], "rb").read()
chapters = json.load(open(sys.argv[2]))["chapters"]
duration = json.load(open(sys.argv[3]))["duration"]
ss = lambda b: b[0] << 21 | b[1] << 14 | b[2] << 7 | b[3]
be = lambda b: int.from_bytes(b, "big")
assert d[:5] == b"ID3\x04\x00", d[:5]
end = 10 + ss(d[6:10])
def frames(p, end):
    while p + 10 <= end and d[p] != 0:
        fid, n = d[p:p + 4].decode(), ss(d[p + 4:p + 8])
        yield fid, p + 10, n
        p += 10 + n
top = list(frames(10, end))
text = {f: d[p + 1:p + n].decode() for f, p, n in top if f.startswith("T")}
assert text["TIT2"] == sys.argv[4], text  # longer than ID3v1's 30 bytes
toc = [(p, n) for f, p, n in top if f == "CTOC"]
assert len(toc) == 1
p, n = toc[0]
body = d[p:p + n]
assert body[:4] == b"toc\x00" and body[4] == 3 and body[5] == len(chapters), body[:8]
chaps = [(p, n) for f, p, n in top if f == "CHAP"]
assert len(chaps) == len(chapters) == 4, (len(chaps), len(chapters))
for i, ((p, n), want) in enumerate(zip(chaps, chapters)):
    body = d[p:p + n]
    eid, rest = body.split(b"\x00", 1)
    assert eid == b"ch%d" % i
    start, stop = be(rest[0:4]), be(rest[4:8])
    assert abs(start - want["startTime"] * 1000) <= 1, (start, want)
    nxt = chapters[i + 1]["startTime"] if i + 1 < len(chapters) else duration
    assert abs(stop - nxt * 1000) <= 1, (stop, nxt)
    sub = {f: d[q + 1:q + m].decode() for f, q, m in frames(p + len(eid) + 1 + 16, p + n)}
    assert sub["TIT2"] == want["title"], (sub, want)
# the audio starts right after the tag (an MPEG frame sync), no second tag
assert d[end] == 0xFF and d[end + 1] & 0xE0 == 0xE0, d[end:end + 10]
assert d.find(b"ID3", end) < 0
print("ok: %d chapters" % len(chaps))
PY

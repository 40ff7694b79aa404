# drop_cycle.sh: the life of a daily drop against a feed served over HTTP:
# the first drop makes an episode (audio, transcript, chapters) and a feed
# that matches the files; a second drop of the same feed writes nothing and
# says so (exit 0); after the feed gains a story, a third drop the same day
# makes a second episode (with -HHMM in its name) holding only that story.
. "$NB_SRC/tests/drop/lib/common.sh"
start_server
feed 1 2
config ""

drop --now 2023-03-17T06:00 2> "$T/err1" || fail "first drop: $(cat "$T/err1")"
[ -f "$T/out/briefing-2023-03-17.wav" ] || fail "no episode: $(ls "$T/out")"
[ -f "$T/out/briefing-2023-03-17.vtt" ] || fail "no transcript"
[ -f "$T/out/briefing-2023-03-17.chapters.json" ] || fail "no chapters"
[ -f "$T/out/.newsbrief-state.sqlite" ] || fail "no state database"
checkfeed > "$T/feed1" || fail "feed after the first drop"
[ "$(head -1 "$T/feed1")" = 1 ] || fail "feed should have 1 item: $(cat "$T/feed1")"
grep -q "Harbor Bridge" "$T/out/briefing-2023-03-17.vtt" || fail "story 1 not in the transcript"
grep -q "Central Library" "$T/out/briefing-2023-03-17.vtt" || fail "story 2 not in the transcript"
python3 - "$T/out/briefing-2023-03-17.chapters.json" <<'PY' || fail "chapters"
import json, sys
ch = json.load(open(sys.argv[1]))["chapters"]
titles = " | ".join(c.get("title", "") for c in ch)
assert "Story 1" in titles and "Story 2" in titles, titles
PY
# the feed's texts are escaped, not raw: the description parses back as written
python3 - "$T/out/feed.xml" <<'PY' || fail "channel description"
import sys, xml.etree.ElementTree as ET
d = ET.parse(sys.argv[1]).getroot().find("channel/description").text
assert d == "Stories & tests, <read> aloud.", d
PY

# the same feed again: nothing new, nothing written, status 0, a message
cp "$T/out/feed.xml" "$T/feed.before"
ls -a "$T/out" > "$T/ls.before"
"$NEWSBRIEF" drop --config "$T/briefing.ini" --now 2023-03-17T07:00 2> "$T/err2" \
  || fail "second drop exited $?: $(cat "$T/err2")"
grep -q "nothing new since Fri, 17 Mar 2023" "$T/err2" || fail "no 'nothing new' message: $(cat "$T/err2")"
cmp -s "$T/feed.before" "$T/out/feed.xml" || fail "feed rewritten on a drop with nothing new"
ls -a "$T/out" | cmp -s "$T/ls.before" - || fail "files changed on a drop with nothing new"

# the feed gains story 3: the next drop holds it alone
feed 3 1 2
drop --now 2023-03-17T18:30 2> "$T/err3" || fail "third drop: $(cat "$T/err3")"
new="$T/out/briefing-2023-03-17-1830"
[ -f "$new.wav" ] || fail "no second episode: $(ls "$T/out")"
grep -q "North Rail Line" "$new.vtt" || fail "story 3 not in the new transcript"
if grep -q "Harbor Bridge\|Central Library" "$new.vtt"; then
  fail "the new episode repeats an old story"
fi
[ -f "$T/out/briefing-2023-03-17.wav" ] || fail "the first episode is gone"
checkfeed > "$T/feed3" || fail "feed after the third drop"
[ "$(sed -n 1p "$T/feed3")" = 2 ] || fail "feed should have 2 items: $(cat "$T/feed3")"
# newest first
[ "$(sed -n 2p "$T/feed3")" = briefing-2023-03-17-1830.wav ] || fail "order: $(cat "$T/feed3")"
[ "$(sed -n 3p "$T/feed3")" = briefing-2023-03-17.wav ] || fail "order: $(cat "$T/feed3")"
echo "ok"

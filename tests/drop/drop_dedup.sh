# drop_dedup.sh: two feeds carry the same story under different links (a
# wire's one-sentence summary, a city site's fuller text that opens with
# it): the episode speaks it once, with the fuller text, and the state
# remembers both links under their sources, so that a later drop does not
# brief the wire's copy alone.  The stories are invented for this test.
. "$NB_SRC/tests/drop/lib/common.sh"

item() { # item TITLE LINK TEXT
  printf '<item><title>%s</title><link>%s</link><description>%s</description></item>\n' "$1" "$2" "$3"
}
rss() { # rss FILE ITEM...
  f=$1
  shift
  { printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>T</title>\n'
    for i in "$@"; do printf '%s\n' "$i"; done
    printf '</channel></rss>\n'; } > "$f"
}
LEAD="The river ferry between Eastport and Millbank returned to service on Monday after a month in dry dock, the operator said."
WIRE=$(item "Ferry returns" "http://wire.invalid/ferry-returns" "$LEAD")
CITY=$(item "River ferry back after repairs" "http://city.invalid/news/ferry-back" \
  "$LEAD Commuters queued before dawn for the first crossing. &quot;We missed it every single day,&quot; said commuter Nora Quinn.")
LIBRARY=$(item "Hill School library opens" "http://city.invalid/news/library" \
  "The new library at Hill School opened its doors to pupils on Monday, three years after a fire destroyed the old one, the head teacher said.")
rss "$T/wire.rss" "$WIRE"
rss "$T/city.rss" "$CITY" "$LIBRARY"
cat > "$T/briefing.ini" <<INI
[briefing]
title = Test Briefing
output = out
format = wav

[source.wire]
path = $T/wire.rss

[source.city]
path = $T/city.rss
INI

drop --now 2023-03-17T06:00 2> "$T/err1" || fail "first drop: $(cat "$T/err1")"
vtt="$T/out/briefing-2023-03-17.vtt"
[ -f "$vtt" ] || fail "no transcript: $(ls "$T/out")"
n=$(grep -c "dry dock" "$vtt" || true)
[ "$n" = 1 ] || fail "the ferry story is spoken $n times, not once: $(cat "$vtt")"
grep -q "We missed it" "$vtt" || fail "the fuller text was not the one briefed: $(cat "$vtt")"
grep -q "Hill School" "$vtt" || fail "the other story is missing: $(cat "$vtt")"
python3 - "$T/out/.newsbrief-state.sqlite" > "$T/stories" <<'PY'
import sqlite3, sys
for key, source in sqlite3.connect(sys.argv[1]).execute(
        "SELECT key, source FROM stories ORDER BY key"):
    print(key, source)
PY
printf '%s\n' "http://city.invalid/news/ferry-back city" \
  "http://city.invalid/news/library city" \
  "http://wire.invalid/ferry-returns wire" | cmp -s - "$T/stories" \
  || fail "stories recorded: $(cat "$T/stories")"

# the city site drops the story; the wire's copy alone is not news
rss "$T/city.rss" "$LIBRARY"
"$NEWSBRIEF" drop --config "$T/briefing.ini" --now 2023-03-17T09:00 2> "$T/err2" \
  || fail "second drop exited $?: $(cat "$T/err2")"
grep -q "nothing new since" "$T/err2" || fail "the wire's copy was briefed again: $(cat "$T/err2")"
echo ok

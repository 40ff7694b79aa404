# drop_lock.sh: never two drops at once.  While one drop waits on a slow
# source (holding the lock), a second exits at once with status 4 and names
# the first one's pid; the first then finishes normally.
. "$NB_SRC/tests/drop/lib/common.sh"
start_server
feed 1
SOURCE_URL="$BASE/slow/world.rss" config ""
export NB_SLOW=4
"$NEWSBRIEF" drop -q --config "$T/briefing.ini" 2> "$T/err1" &
first=$!
# wait until the first drop holds the lock (it writes its pid into it)
i=0
until [ "$(cat "$T/out/.newsbrief.lock" 2>/dev/null)" = "$first" ]; do
  i=$((i + 1))
  [ $i -gt 200 ] && fail "the first drop never took the lock"
  sleep 0.02
done
start=$(date +%s)
if "$NEWSBRIEF" drop --config "$T/briefing.ini" 2> "$T/err2"; then st=0; else st=$?; fi
end=$(date +%s)
[ $st -eq 4 ] || fail "second drop: status $st, expected 4 ($(cat "$T/err2"))"
grep -qF "newsbrief: error: another drop is running (lock $T/out/.newsbrief.lock held by pid $first)" "$T/err2" \
  || fail "lock message: $(cat "$T/err2")"
[ $((end - start)) -le 2 ] || fail "the second drop waited $((end - start)) s instead of leaving at once"
wait $first || fail "the first drop failed: $(cat "$T/err1")"
checkfeed > "$T/feed" || fail "feed"
[ "$(head -1 "$T/feed")" = 1 ] || fail "feed: $(cat "$T/feed")"
echo ok

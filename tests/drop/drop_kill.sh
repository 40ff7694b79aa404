# drop_kill.sh: a drop killed with kill -9 while it renders leaves the
# previous episode and feed exactly as they were, and the next drop
# succeeds (briefing the stories the killed one did not finish) and clears
# the killed drop's temporary files.
. "$NB_SRC/tests/drop/lib/common.sh"
start_server
feed 1
config ""
drop --now 2023-03-17T06:00 2> "$T/err" || fail "first drop: $(cat "$T/err")"
cp "$T/out/feed.xml" "$T/feed.before"
cp "$T/out/briefing-2023-03-17.wav" "$T/ep.before"

# many new stories: a long render to interrupt
feed 2 3 4 5 6 7 8 9 10 11 12 1
"$NEWSBRIEF" drop -q --config "$T/briefing.ini" --now 2023-03-18T06:00 2> "$T/err2" &
pid=$!
# kill it once rendering has begun: its temporary files exist
i=0
while ! ls "$T/out" | grep -q '\.tmp-'; do
  i=$((i + 1))
  kill -0 $pid 2>/dev/null || fail "the drop ended before it could be killed"
  [ $i -gt 3000 ] && fail "the drop never started rendering"
  sleep 0.01
done
sleep 0.05
kill -9 $pid
st=0
wait $pid 2>/dev/null || st=$?
# 137: killed mid-render (anything else: it finished first, and the test
# would prove nothing)
[ $st -eq 137 ] || fail "the drop was not killed mid-render (status $st)"
# its synthesis workers and their children die with it, whatever killed it
i=0
while pgrep -f "$T/briefing.ini" >/dev/null; do
  i=$((i + 1))
  [ $i -gt 100 ] && fail "processes left after the kill: $(pgrep -af "$T/briefing.ini" | tr '\n' ' ')"
  sleep 0.02
done

cmp -s "$T/feed.before" "$T/out/feed.xml" || fail "the killed drop changed feed.xml"
cmp -s "$T/ep.before" "$T/out/briefing-2023-03-17.wav" || fail "the killed drop changed the episode"
[ ! -e "$T/out/briefing-2023-03-18.wav" ] || fail "the killed drop left a new episode"
checkfeed > /dev/null || fail "feed after the kill"

drop --now 2023-03-18T07:00 2> "$T/err3" || fail "drop after the kill: $(cat "$T/err3")"
if ls "$T/out" | grep -q '\.tmp-'; then fail "temporary files remain: $(ls "$T/out")"; fi
checkfeed > "$T/feed" || fail "feed after the next drop"
[ "$(head -1 "$T/feed")" = 2 ] || fail "feed: $(cat "$T/feed")"
grep -q "Old Mill Park" "$T/out/briefing-2023-03-18.vtt" || fail "story 4 not briefed after the kill"
echo ok

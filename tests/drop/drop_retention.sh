# drop_retention.sh: old episodes are pruned (files and feed items) by
# max_episodes and retention_days, the feed always matching the files; and
# a failing source is reported while the others are still briefed.
. "$NB_SRC/tests/drop/lib/common.sh"
start_server
config "max_episodes = 2
retention_days = 10
transcript = yes"
n=0
for day in 01 02 03; do
  n=$((n + 1))
  feed $n
  drop --now 2023-03-${day}T06:00 2> "$T/err" || fail "drop on day $day: $(cat "$T/err")"
done
checkfeed > "$T/feed" || fail "feed"
[ "$(cat "$T/feed" | tr '\n' ' ')" = "2 briefing-2023-03-03.wav briefing-2023-03-02.wav " ] \
  || fail "max_episodes: $(cat "$T/feed")"
for f in briefing-2023-03-01.wav briefing-2023-03-01.vtt briefing-2023-03-01.chapters.json; do
  [ ! -e "$T/out/$f" ] || fail "$f was not pruned"
done
# a pruned episode's story is not briefed again
feed 1
"$NEWSBRIEF" drop --config "$T/briefing.ini" --now 2023-03-04T06:00 2> "$T/err" || fail "$(cat "$T/err")"
grep -q "nothing new" "$T/err" || fail "story 1 briefed again: $(cat "$T/err")"

# twelve days later, with a second source that fails: retention_days keeps
# only the new episode, and the status says a source was skipped
cat >> "$T/briefing.ini" <<INI
[source.gone]
url = $BASE/missing.rss
INI
feed 4
if drop --now 2023-03-15T06:00 2> "$T/err"; then st=0; else st=$?; fi
[ $st -eq 3 ] || fail "status $st with a failing source, expected 3: $(cat "$T/err")"
grep -q "missing.rss" "$T/err" || fail "the failing source is not named: $(cat "$T/err")"
checkfeed > "$T/feed" || fail "feed"
[ "$(cat "$T/feed" | tr '\n' ' ')" = "1 briefing-2023-03-15.wav " ] \
  || fail "retention_days: $(cat "$T/feed")"
[ "$(ls "$T/out" | grep -c '\.wav$')" = 1 ] || fail "files: $(ls "$T/out")"
echo ok

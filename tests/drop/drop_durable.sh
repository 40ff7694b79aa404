# drop_durable.sh: a drop publishes, so its episode is on disk (fsync)
# before it is renamed into place, and before the feed that names it is;
# `speak -o` renames without waiting for the disk, like any encoder (the
# swap is atomic all the same).  strace -y shows which file each call
# touched.
. "$NB_SRC/tests/drop/lib/common.sh"
# LeakSanitizer cannot run under ptrace (the sanitizer build's other drop
# tests check for leaks)
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
start_server
feed 1
config ""
strace -f -y -e trace=fsync,rename -o "$T/trace" \
  "$NEWSBRIEF" drop -q --config "$T/briefing.ini" || fail "drop: $?"
ep=$(ls "$T/out" | grep '\.wav$' | head -1)
[ -n "$ep" ] || fail "no episode in $T/out"
# the order of events for the episode and the feed
grep -E "fsync\(.*$ep\.tmp-|rename\(\".*$ep\.tmp-|rename\(\".*feed\.xml\.tmp-" "$T/trace" |
  sed -E "s/.*fsync.*/fsync-episode/; s/.*rename.*$ep\.tmp-.*/rename-episode/; s/.*rename.*feed\.xml.*/rename-feed/" |
  uniq > "$T/order"
printf 'fsync-episode\nrename-episode\nrename-feed\n' > "$T/want"
cmp -s "$T/order" "$T/want" || fail "drop: order $(tr '\n' ' ' < "$T/order")"

strace -f -y -e trace=fsync,rename -o "$T/trace2" \
  "$NEWSBRIEF" speak -q -o "$T/s.wav" "$NB_SRC/tests/data/short.txt" || fail "speak: $?"
grep -q "rename(\".*s\.wav\.tmp-" "$T/trace2" || fail "speak: no atomic rename"
! grep -q "fsync(.*s\.wav" "$T/trace2" || fail "speak: synced its audio"
echo ok

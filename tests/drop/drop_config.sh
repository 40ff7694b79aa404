# drop_config.sh: a bad configuration stops the drop before it touches
# anything, with exit status 2 and an error naming the file and line.
. "$NB_SRC/tests/drop/lib/common.sh"
BASE=http://127.0.0.1:9

expect() { # expect "EXTRA LINES" "MESSAGE"
  config "$1"
  if "$NEWSBRIEF" drop --config "$T/briefing.ini" 2> "$T/err"; then
    fail "accepted: $1"
  else
    st=$?
  fi
  [ $st -eq 2 ] || fail "status $st for: $1 ($(cat "$T/err"))"
  grep -qF "newsbrief: error: $T/briefing.ini$2" "$T/err" || fail "message for '$1': $(cat "$T/err")"
}
# config() puts the extra lines at line 9 of the file
expect "colour = red" ":9: unknown key 'colour' in [briefing]"
expect "format = aiff" ":9: bad value for 'format' in [briefing]"
expect "retention_days = two weeks" ":9: bad value for 'retention_days' in [briefing]"
expect "transcript = perhaps" ":9: bad value for 'transcript' in [briefing]"
# a missing key, and an unknown section
printf '[briefing]\noutput = out\n[source.a]\nurl = x\n' > "$T/briefing.ini"
"$NEWSBRIEF" drop --config "$T/briefing.ini" 2> "$T/err" && fail "accepted a config without title"
grep -qF "missing required key 'title' in [briefing]" "$T/err" || fail "$(cat "$T/err")"
printf '[briefing]\ntitle = T\noutput = out\n[sauce.a]\nurl = x\n' > "$T/briefing.ini"
"$NEWSBRIEF" drop --config "$T/briefing.ini" 2> "$T/err" && fail "accepted an unknown section"
grep -qF "briefing.ini:5: unknown section [sauce.a]" "$T/err" || fail "$(cat "$T/err")"
[ -z "$(ls -A "$T/out")" ] || fail "a bad config wrote into the output folder"
echo ok

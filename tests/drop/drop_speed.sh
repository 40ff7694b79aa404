# drop_speed.sh: "speed = 2" in [briefing] makes the episode about half as
# long as the same stories at the profile's own speed (rates doubled,
# pauses halved), and the feed gives the episode's real duration.
. "$NB_SRC/tests/drop/lib/common.sh"
start_server
feed 1 2
seconds() {
  python3 -c "import wave,sys; w=wave.open(sys.argv[1]); print(w.getnframes() / w.getframerate())" "$1"
}
config ""
drop --now 2023-03-17T06:00 2> "$T/err1" || fail "drop at speed 1: $(cat "$T/err1")"
one=$(seconds "$T/out/briefing-2023-03-17.wav")
mv "$T/out" "$T/out1"
mkdir "$T/out"
config "speed = 2"
drop --now 2023-03-17T06:00 2> "$T/err2" || fail "drop at speed 2: $(cat "$T/err2")"
two=$(seconds "$T/out/briefing-2023-03-17.wav")
python3 - "$one" "$two" <<'PY' || fail "speed 2: $two s against $one s at speed 1"
import sys
one, two = map(float, sys.argv[1:])
assert one > 10 and 0.4 < two / one < 0.65, (one, two)
PY
grep -q "<itunes:duration>" "$T/out/feed.xml" || fail "no duration in the feed"
echo ok

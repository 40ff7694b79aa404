#!/bin/sh
# play.sh: live playback with no sound card.  ALSA's default PCM is pointed
# (through $HOME/.asoundrc of a temporary HOME) at a "file" PCM that writes
# every sample played; those samples must be the ones a 22,050 Hz mono file
# rendering of the same article holds, allowing only for padding before and
# after.  Also: nothing from ALSA or JACK on standard error, a missing device
# is one clear line, and `newsbrief devices` lists the device.
set -u
: "${NEWSBRIEF:?}" "${NB_SRC:?}"
T=$(mktemp -d /tmp/nb-play.XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
bad() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

mkdir "$T/home"
sed "s|@OUT@|$T/played.raw|" "$NB_SRC/tests/data/alsa/asoundrc.in" >"$T/home/.asoundrc"
IN="$NB_SRC/tests/data/short.txt"

# The rendering and the playback are the same briefing: newsbrief's audio
# is deterministic (each segment is spoken from a pristine eSpeak), so the
# played samples must equal the file's.  One worker, as the file is made.
HOME="$T/home" "$NEWSBRIEF" speak --jobs 1 -o "$T/ref.wav" --rate 22050 --loudness off "$IN" 2>"$T/err2" ||
  bad "file rendering failed: $(cat "$T/err2")"
HOME="$T/home" "$NEWSBRIEF" speak --jobs 1 --play "$IN" >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" = 0 ] || bad "speak --play: exit $rc: $(cat "$T/err")"
[ -s "$T/err" ] && bad "speak --play wrote to stderr: $(head -c 300 "$T/err")"
[ -s "$T/played.raw" ] || bad "nothing was played"


python3 - "$T/played.raw" "$T/ref.wav" <<'PY' || fails=$((fails + 1))
import sys, wave, array
played = array.array('h', open(sys.argv[1], 'rb').read())
w = wave.open(sys.argv[2], 'rb')
assert w.getframerate() == 22050 and w.getnchannels() == 1 and w.getsampwidth() == 2
ref = array.array('h', w.readframes(w.getnframes()))

# The test device consumes samples faster than real time, so whenever the
# player waits for the next segment ALSA may underrun and PortAudio plays
# silence: silences may grow, and there may be padding before and after.
# Every sample of sound must be there, in order, within 1 LSB; and where no
# underrun happened (the start) the two line up sample for sample.
assert any(ref), "the file is silent"
nz_p = [v for v in played if v != 0]
nz_r = [v for v in ref if v != 0]
# Rounding can turn a tiny sample into 0 on one side only: compare with
# 1-LSB slack by walking both sequences.
assert abs(len(nz_p) - len(nz_r)) <= len(nz_r) // 10000 + 1, \
    "played %d sound samples, the file has %d" % (len(nz_p), len(nz_r))
worst = max(abs(x - y) for x, y in zip(nz_p, nz_r))
assert worst <= 1, "played samples differ from the file by %d" % worst
def first_nz(a):
    return next(i for i, v in enumerate(a) if v != 0)
off = first_nz(played) - first_nz(ref)
r0 = first_nz(ref)
head = min(22050, len(ref) - r0)
assert all(abs(played[off + i] - ref[i]) <= 1 for i in range(r0, r0 + head)), \
    "the first second played differs from the file"
grown = (len(played) - len(nz_p)) - (len(ref) - len(nz_r))
assert grown >= 0, "silence shrank by %d samples" % -grown
print("play.sh: %d sound samples match the file (max diff %d); "
      "padding/underrun silence: %d samples" % (len(nz_r), worst, grown))
PY

HOME="$T/home" "$NEWSBRIEF" speak --play --device no-such-device "$IN" >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" = 1 ] || bad "--device no-such-device: exit $rc, want 1"
[ "$(wc -l <"$T/err")" = 1 ] || bad "--device no-such-device: stderr is not one line: $(cat "$T/err")"
grep -q "^newsbrief: error: audio device 'no-such-device' not found" "$T/err" ||
  bad "--device no-such-device: $(cat "$T/err")"

HOME="$T/home" "$NEWSBRIEF" speak --play --device default -o "$T/both.wav" "$IN" 2>"$T/err" ||
  bad "--play with -o: $(cat "$T/err")"
[ -s "$T/both.wav" ] || bad "--play with -o wrote no file"

HOME="$T/home" "$NEWSBRIEF" devices >"$T/dev" 2>"$T/err" || bad "devices failed"
grep -q "^[0-9][0-9]*	default	[0-9]" "$T/dev" || bad "devices: no default line: $(cat "$T/dev")"
[ -s "$T/err" ] && bad "devices wrote to stderr: $(cat "$T/err")"

[ "$fails" = 0 ] || exit 1

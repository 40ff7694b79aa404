#!/bin/sh
# faults.sh: output faults for `speak -o`.  A file size limit (a full disk
# as a process sees it), a full tmpfs (when this user may mount one), an
# unwritable directory, an unknown extension, and SIGINT/SIGTERM mid-run:
# each gives one clear line and the right exit status, leaves no partial or
# temporary file, and keeps an older output intact.
set -u
: "${NEWSBRIEF:?}" "${NB_SRC:?}"
T=$(mktemp -d /tmp/nb-faults.XXXXXX)
cleanup() {
  [ -n "${MNT:-}" ] && umount "$MNT" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT
fails=0
bad() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
IN="$NB_SRC/tests/data/short.txt"

# check DIR FILE: FILE still holds "older episode" and DIR holds only it.
check_intact() {
  [ "$(cat "$2" 2>/dev/null)" = "older episode" ] || bad "$3: older $2 was changed"
  n=$(ls -A "$1" | wc -l)
  [ "$n" = 1 ] || bad "$3: files left behind in $1: $(ls -A "$1" | tr '\n' ' ')"
}

one_line() { # one_line LABEL PATTERN
  [ "$(wc -l <"$T/err")" = 1 ] || bad "$1: stderr is not one line: $(cat "$T/err")"
  grep -q -- "$2" "$T/err" || bad "$1: stderr '$(cat "$T/err")' does not match '$2'"
}

# -- a file size limit: SIGXFSZ ignored, as it is by the shell's trap ''.
# libpulse (which eSpeak's audio library loads) sizes its shared memory
# with ftruncate, which the limit refuses too, and says so on stderr: it is
# told to use none.
mkdir "$T/lim"
echo "older episode" >"$T/lim/out.wav"
printf 'enable-shm = no\nautospawn = no\n' >"$T/pulse.conf"
(ulimit -f 64; trap '' XFSZ; PULSE_CLIENTCONFIG="$T/pulse.conf" exec "$NEWSBRIEF" speak -o "$T/lim/out.wav" "$IN") >/dev/null 2>"$T/err"
rc=$?
[ "$rc" = 1 ] || bad "file size limit: exit $rc, want 1: $(cat "$T/err")"
one_line "file size limit" "^newsbrief: error: $T/lim/out.wav: File too large$"
check_intact "$T/lim" "$T/lim/out.wav" "file size limit"

# -- a full file system, when a small tmpfs can be mounted here (root)
MNT=""
if [ "$(id -u)" = 0 ] && mkdir "$T/full" && mount -t tmpfs -o size=64k tmpfs "$T/full" 2>/dev/null; then
  MNT="$T/full"
  echo "older episode" >"$MNT/out.flac"
  "$NEWSBRIEF" speak -o "$MNT/out.flac" "$IN" >/dev/null 2>"$T/err"
  rc=$?
  [ "$rc" = 1 ] || bad "full disk: exit $rc, want 1"
  one_line "full disk" "^newsbrief: error: $MNT/out.flac: No space left on device$"
  check_intact "$MNT" "$MNT/out.flac" "full disk"
  umount "$MNT" && MNT=""
else
  echo "faults.sh: not root or no tmpfs: full-disk case covered by the file size limit only"
fi

# -- an unwritable or missing directory
"$NEWSBRIEF" speak -o "$T/no/such/dir/out.wav" "$IN" >/dev/null 2>"$T/err"
rc=$?
[ "$rc" = 1 ] || bad "missing directory: exit $rc, want 1"
one_line "missing directory" "^newsbrief: error: $T/no/such/dir/out.wav: No such file or directory$"

# -- an unknown extension is a usage error, before any work
"$NEWSBRIEF" speak -o "$T/out.aiff" "$IN" >/dev/null 2>"$T/err"
rc=$?
[ "$rc" = 2 ] || bad "unknown extension: exit $rc, want 2"
one_line "unknown extension" "out.aiff: unknown audio format"
[ -e "$T/out.aiff" ] && bad "unknown extension: a file was created"

# -- interrupted mid-run: a long article, read whole with --full
python3 - >"$T/long.txt" <<'PY'
import random
random.seed(7)
vocab = ("the council city river bridge minister report market budget plan week "
         "school hospital road station harbor election court winter summer "
         "workers officials residents traffic approved rejected announced delayed "
         "opened closed said about after before during new old small large").split()
paras = []
for p in range(150):
    sents = []
    for s in range(4):
        w = " ".join(random.choice(vocab) for _ in range(random.randint(10, 18)))
        sents.append(w[0].upper() + w[1:] + ".")
    paras.append(" ".join(sents))
print("\n\n".join(paras))
PY
for sig in INT TERM; do
  mkdir "$T/sig$sig"
  echo "older episode" >"$T/sig$sig/out.mp3"
  "$NEWSBRIEF" speak --full --jobs 1 -o "$T/sig$sig/out.mp3" --transcript "$T/sig$sig/out.vtt" "$T/long.txt" >/dev/null 2>"$T/err" &
  pid=$!
  sleep 0.5
  kill -$sig $pid
  wait $pid
  rc=$?
  [ "$rc" = 130 ] || [ "$rc" = $((128 + $(kill -l $sig))) ] || bad "SIG$sig: exit $rc: $(cat "$T/err")"
  check_intact "$T/sig$sig" "$T/sig$sig/out.mp3" "SIG$sig"
done

[ "$fails" = 0 ] || exit 1
echo "faults.sh: ok"

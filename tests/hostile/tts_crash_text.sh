#!/bin/sh
# Article text that crashes or commands eSpeak NG 1.51 (ESPEAK.md): runs of
# dotted letters, "a . " and "s'" runs, an SSML <audio> whose file name runs
# a shell command, a 0x01 embedded command, and every upstream crash vector
# (tests/data/espeak-crash).  Each must give a finished WAV, exit status 0,
# no file created by the text, and no eSpeak noise on standard error.
set -eu
: "${NEWSBRIEF:?}" "${NB_SRC:?}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

rep() { # rep UNIT N
  i=0 out=""
  while [ $i -lt "$2" ]; do out="$out$1"; i=$((i + 1)); done
  printf '%s' "$out"
}
# The file that an SSML-reading eSpeak would pass to system("sox ...").
printf 'RIFF....WAVEfmt ' > 'x$(touch PWNED).wav'
{
  printf 'Washington: The minister said on Friday that %s was all.\n\n' "$(rep U. 90)"
  printf '"This is %s policy," Kirby said, "and %s too."\n\n' "$(rep 'a . ' 100)" "$(rep "s'" 70)"
  printf 'The page said <audio src="x$(touch PWNED).wav"/> and <voice name="fr">non</voice>.\n\n'
  printf 'A control byte \001Vfr follows here, and \001B\001B there.\n'
} > article.txt

fail() { echo "FAIL: $*" >&2; exit 1; }

# A little-endian 32-bit number at byte offset $2 of file $1.
u32() { od -An -tu4 -j "$2" -N4 "$1" | tr -d ' '; }

check_wav() { # check_wav FILE MIN_SECONDS
  [ -s "$1" ] || fail "$1 missing"
  [ "$(head -c 4 "$1")" = RIFF ] || fail "$1 is not a WAV"
  rate=$(u32 "$1" 24)
  bytes=$(wc -c < "$1")
  [ "$rate" -gt 0 ] || fail "$1: sample rate 0"
  # Mono or stereo 16-bit: at least rate*2 bytes a second.
  [ "$bytes" -gt $((rate * 2 * $2)) ] || fail "$1: shorter than $2 s ($bytes bytes at $rate Hz)"
}

"$NEWSBRIEF" speak --full -o out.wav article.txt 2> err.txt || fail "speak exit $? ($(cat err.txt))"
check_wav out.wav 5
[ ! -e PWNED ] || fail "text created a file"
! grep -qi 'smashing\|terminated' err.txt || fail "eSpeak noise reached stderr: $(cat err.txt)"

# Every upstream crash vector, spoken as an article of its own.
for f in "$NB_SRC"/tests/data/espeak-crash/*.txt; do
  name=$(basename "$f" .txt)
  # Some vectors are binary: the reader may refuse them (status 1, one line),
  # but nothing may crash, hang or leave a file.
  set +e
  "$NEWSBRIEF" speak --full -o "$name.wav" "$f" 2> err.txt
  rc=$?
  set -e
  case $rc in
  0) check_wav "$name.wav" 0 ;;
  1) [ ! -e "$name.wav" ] || fail "$name: failed run left $name.wav"
     [ "$(wc -l < err.txt)" -le 1 ] || fail "$name: more than one line on stderr: $(cat err.txt)" ;;
  *) fail "$name: exit status $rc ($(cat err.txt))" ;;
  esac
  ! grep -qi 'smashing' err.txt || fail "$name: eSpeak noise reached stderr"
done
[ ! -e PWNED ] || fail "text created a file"
echo ok

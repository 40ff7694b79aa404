# errors.sh: every bad input or argument gives one line on standard error,
# names the input, exits 1 (runtime) or 2 (usage), and leaves no file.
. "$NB_SRC/tests/lib.sh"
NB=$NEWSBRIEF
A=$NB_SRC/tests/data/short.txt

# usage errors: 2
expect 2 "unknown command 'frobnicate'" -- $NB frobnicate
expect 2 "unknown option '--nope'" -- $NB summarize --nope "$A"
expect 2 "unknown voice profile 'martian'" -- $NB summarize --voice martian "$A"
expect 2 "needs -o FILE or --play" -- $NB speak "$A"
expect 2 "no INPUT given" -- $NB summarize
expect 2 "unknown format 'yaml'" -- $NB quotes --format yaml "$A"
expect 2 "max-quotes must be a whole number" -- $NB summarize --max-quotes many "$A"
expect 2 "does not take option '--play'" -- $NB summarize --play "$A"
expect 2 "drop needs --config" -- $NB drop

# runtime errors: 1, naming the input
expect 1 "error: $T/missing.txt: No such file or directory" -- $NB summarize "$T/missing.txt"
mkdir "$T/empty-dir"
expect 1 "error: $T/empty-dir: no articles" -- $NB summarize "$T/empty-dir"
: >"$T/empty.txt"
expect 1 "error: $T/empty.txt: empty input" -- $NB summarize "$T/empty.txt"
printf '   \n\n \t\n' >"$T/blank.txt"
expect 1 "error: $T/blank.txt: no article text" -- $NB summarize "$T/blank.txt"
printf 'Good start \377\376 then junk.\n' >"$T/latin1.txt"
expect 1 "error: $T/latin1.txt: invalid UTF-8 at byte 11" -- $NB summarize "$T/latin1.txt"
head -c 4096 /bin/sh >"$T/binary.txt"
expect 1 "error: $T/binary.txt: " -- $NB quotes "$T/binary.txt"

# an unwritable output: error, and nothing left at the path
expect 1 "error: $T/no/such/dir/out.wav" -- $NB speak -q -o "$T/no/such/dir/out.wav" "$A"
[ ! -e "$T/no/such/dir/out.wav" ] && ok || bad "partial output left"
# an unknown audio format is refused before any work
expect 2 "out.xyz" -- $NB speak -o "$T/out.xyz" "$A"
[ ! -e "$T/out.xyz" ] && ok || bad "out.xyz created"

# a failed run keeps the older good output as it was
printf 'old good briefing' >"$T/keep.wav"
expect 1 "error: $T/empty.txt" -- $NB speak -q -o "$T/keep.wav" "$T/empty.txt"
[ "$(cat "$T/keep.wav")" = "old good briefing" ] && ok || bad "older output replaced"
[ -z "$(ls "$T" | grep 'keep.wav.tmp')" ] && ok || bad "temporary file left behind"

# --help and --version go to standard output and succeed
$NB --help >"$T/help" 2>&1 && grep -q "^usage: newsbrief COMMAND" "$T/help" && ok || bad "--help"
$NB speak --help >"$T/help" 2>&1 && grep -q -- "--loudness off|LUFS" "$T/help" && ok || bad "speak --help"
$NB --version | grep -q "^newsbrief [0-9]" && ok || bad "--version"
finish

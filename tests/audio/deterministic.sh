# deterministic.sh: newsbrief is deterministic.  The same input gives the
# same audio file, byte for byte, with one worker or two (segments reach
# workers in an order that depends on timing), in a fresh HOME or not.
# Compared only within one machine's eSpeak build, never across versions.
. "$NB_SRC/tests/lib.sh"
A=$NB_SRC/tests/corpus/seed/article.txt
mkdir "$T/home"
"$NEWSBRIEF" speak -q -j1 -o "$T/one.wav" "$A" || bad "jobs 1"
HOME=$T/home "$NEWSBRIEF" speak -q -j2 -o "$T/two.wav" "$A" || bad "jobs 2"
"$NEWSBRIEF" speak -q -j2 -o "$T/again.wav" "$A" || bad "jobs 2 again"
cmp "$T/one.wav" "$T/two.wav" && ok || bad "jobs 1 and 2 differ"
cmp "$T/two.wav" "$T/again.wav" && ok || bad "two runs with 2 jobs differ"
finish

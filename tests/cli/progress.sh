# progress.sh: on a terminal, speak shows a progress line on standard error;
# with --quiet, or when standard error is not a terminal, it shows nothing.
# `script` (util-linux) gives the command a terminal.
. "$NB_SRC/tests/lib.sh"
mkdir "$T/in"
for i in 1 2 3 4 5 6 7 8; do
  { printf 'Copy %d a%d b%d c%d d%d e%d f%d g%d h%d\n\n' $i $i $i $i $i $i $i $i $i
    cat "$NB_SRC/tests/corpus/seed/article.txt"; } >"$T/in/$i.txt"
done
script -qec "'$NEWSBRIEF' speak -j1 -o '$T/a.flac' '$T/in'" /dev/null >"$T/tty" 2>&1 || bad "speak on a terminal"
grep -q "8 stories, segment" "$T/tty" && ok || bad "no progress line on a terminal: $(cat "$T/tty")"
grep -q "wrote $T/a.flac" "$T/tty" && ok || bad "no closing note on a terminal"
script -qec "'$NEWSBRIEF' speak -q -j1 -o '$T/b.flac' '$T/in'" /dev/null >"$T/quiet" 2>&1 || bad "speak -q"
[ ! -s "$T/quiet" ] && ok || bad "--quiet printed: $(cat "$T/quiet")"
"$NEWSBRIEF" speak -j1 -o "$T/c.flac" "$T/in" 2>"$T/pipe" || bad "speak to a pipe"
[ ! -s "$T/pipe" ] && ok || bad "not a terminal, yet printed: $(cat "$T/pipe")"
finish

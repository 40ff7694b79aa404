# install.sh: `cmake --install` puts the binary, the voices and the man page
# under the prefix, and the installed binary finds its voices there.
. "$NB_SRC/tests/lib.sh"
cmake --install "$NB_BUILD" --prefix "$T/inst" >/dev/null || bad "cmake --install"
[ -x "$T/inst/bin/newsbrief" ] && ok || bad "no bin/newsbrief"
[ -f "$T/inst/share/newsbrief/voices/newsroom.voice" ] && ok || bad "no newsroom.voice"
[ -f "$T/inst/share/newsbrief/voices/clear.voice" ] && ok || bad "no clear.voice"
[ -f "$T/inst/share/man/man1/newsbrief.1" ] && ok || bad "no man page"
# the installed binary lists the installed profiles, not the build tree's
NEWSBRIEF_VOICES= "$T/inst/bin/newsbrief" voices >"$T/voices" 2>&1 || bad "voices failed"
grep -q "newsroom" "$T/voices" && ok || bad "newsroom not listed"
"$T/inst/bin/newsbrief" summarize --voice clear "$NB_SRC/tests/data/short.txt" >/dev/null && ok || bad "installed binary cannot load clear"
cd "$T" && NEWSBRIEF_VOICES= "$T/inst/bin/newsbrief" summarize --format json --voice newsroom "$NB_SRC/tests/data/short.txt" >/dev/null && ok || bad "from another directory"
finish

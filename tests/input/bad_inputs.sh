#!/bin/sh
# bad_inputs.sh: the readers' rows of the bad-input table (issue 6), through
# the CLI: malformed XML (file:line), XXE (never resolved), billion laughs,
# a feed of 10,000 items, HTML nested 10,000 deep, empty, whitespace-only
# and binary pages.  Each gives a clear error or a sensible result, quickly.
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
NB=$NEWSBRIEF
F=$NB_SRC/tests/data/feeds
fail() { echo "FAIL: $*"; exit 1; }
run() { "$NB" "$@" >"$T/out" 2>"$T/err"; rc=$?; }
has() { grep -qF -- "$2" "$T/$1" || { echo "--- $1:"; cat "$T/$1"; fail "$3: '$2' not in $1"; }; }
hasnt() { ! grep -qF -- "$2" "$T/$1" || fail "$3: '$2' in $1"; }
timed() { # timed LIMIT ARGS...: run, and fail when it takes longer
  lim=$1; shift
  s=$(date +%s); run "$@"; took=$(( $(date +%s) - s ))
  [ $took -le $lim ] || fail "$* took $took s (limit $lim)"
}

# malformed XML: one line, the file and line of the fault
run extract "$F/malformed.xml"
[ $rc -eq 1 ] || fail "malformed: exit $rc"
[ "$(wc -l <"$T/err")" -eq 1 ] || fail "malformed: more than one line: $(cat "$T/err")"
has err "newsbrief: error: $F/malformed.xml:11: malformed XML: " "malformed"

# XXE: the feed is read, the entities are not
run extract "$F/xxe.xml"
[ $rc -eq 0 ] || fail "xxe: exit $rc: $(cat "$T/err")"
has out "Rain is expected across the region" "xxe"
hasnt out "root:" "xxe"
hasnt err "root:" "xxe"

# billion laughs: refused at once, with the line of the reference
timed 10 extract "$F/billion-laughs.xml"
[ $rc -eq 1 ] || fail "billion laughs: exit $rc"
has err "billion-laughs.xml:15: malformed XML: entities expand too far" "billion laughs"

# 10,000 items: the first 500 read, a warning, bounded time
python3 - "$T/many.xml" <<'PY'
import sys
items = "".join("<item><title>Item %d</title><link>https://m.example/%d</link>"
                "<description>Body of item number %d, with a few more words.</description></item>"
                % (i, i, i) for i in range(10000))
open(sys.argv[1], "w").write('<?xml version="1.0"?><rss version="2.0"><channel><title>m</title>%s</channel></rss>' % items)
PY
timed 60 extract --format json "$T/many.xml"
[ $rc -eq 0 ] || fail "10,000 items: exit $rc: $(cat "$T/err")"
has err "many.xml: 10000 items, only the first 500 read" "10,000 items"
n=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['documents']))" "$T/out")
[ "$n" -eq 500 ] || fail "10,000 items: $n documents"

# HTML nested 10,000 deep: no crash
python3 -c "
import sys
open(sys.argv[1],'w').write('<html><body>' + '<div>'*10000 + '<p>Deep down, the text is still there, with commas, and words.</p>' + '</div>'*10000 + '</body></html>')" "$T/deep.html"
timed 30 extract "$T/deep.html"
[ $rc -eq 0 ] || [ $rc -eq 1 ] || fail "deep HTML: exit $rc (crash?)"
[ $rc -eq 1 ] && has err "deep.html: no article text found (elements nested more than 256 deep are cut off)" "deep HTML"
[ $rc -eq 0 ] && has out "Deep down, the text is still there" "deep HTML"

# empty, whitespace-only, binary, navigation-only pages: clear errors
: >"$T/empty.html"
run extract "$T/empty.html"
[ $rc -eq 1 ] || fail "empty: exit $rc"
has err "newsbrief: error: $T/empty.html: empty input" "empty"
printf '  \n\t\n   ' >"$T/blank.html"
run extract "$T/blank.html"
[ $rc -eq 1 ] || fail "whitespace-only: exit $rc"
has err "$T/blank.html: no article text found" "whitespace-only"
printf '<html>\000\001\002\377\376binary' >"$T/bin.html"
run extract "$T/bin.html"
[ $rc -eq 1 ] || fail "binary: exit $rc"
has err "$T/bin.html: binary data, not HTML" "binary"
printf '<html><body><nav><a href="/">Home</a> <a href="/n">News</a></nav></body></html>' >"$T/nav.html"
run extract "$T/nav.html"
[ $rc -eq 1 ] || fail "navigation only: exit $rc"
has err "$T/nav.html: no article text found" "navigation only"

# invalid UTF-8 in a page that declares UTF-8: read, never passed on raw
printf '<html><head><meta charset="utf-8"></head><body><p>Caf\351 owners met on Monday, and they said the rent is too high for them.</p></body></html>' >"$T/bad-utf8.html"
run extract --format json "$T/bad-utf8.html"
if [ $rc -eq 0 ]; then
  python3 -c "import sys; open(sys.argv[1],'rb').read().decode('utf-8')" "$T/out" || fail "invalid UTF-8 reached the output"
  has out "owners met on Monday" "invalid UTF-8"
else
  has err "bad-utf8.html" "invalid UTF-8 error names the file"
fi
echo ok

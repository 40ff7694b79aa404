#!/bin/sh
# url.sh: newsbrief reading URLs from a local HTTP server (tests/input/
# server.py on 127.0.0.1): pages, redirects and their limits, 404, a time
# limit, the size cap, gzip, a feed that changes, --follow-links, and one
# failing source among good ones.
set -u
T=$(mktemp -d)
SRV=
trap '[ -n "$SRV" ] && kill $SRV 2>/dev/null; rm -rf "$T"' EXIT INT TERM
python3 "$NB_SRC/tests/input/server.py" "$T/port" "$NB_SRC/tests/data/pages" "$T/ua" &
SRV=$!
i=0
while [ ! -s "$T/port" ]; do
  i=$((i + 1))
  [ $i -gt 200 ] && { echo "FAIL: test server did not start"; exit 1; }
  sleep 0.05
done
U="http://127.0.0.1:$(cat "$T/port")"
NB=$NEWSBRIEF
fail() { echo "FAIL: $*"; exit 1; }
# run ARGS...: stdout to $T/out, stderr to $T/err, exit status in $rc
run() { "$NB" "$@" >"$T/out" 2>"$T/err"; rc=$?; }
has() { grep -qF -- "$2" "$T/$1" || { echo "--- $1:"; cat "$T/$1"; fail "$3: '$2' not in $1"; }; }
hasnt() { ! grep -qF -- "$2" "$T/$1" || fail "$3: '$2' in $1"; }

# a page: body read, furniture left out, our User-Agent sent
run extract "$U/pages/news-furniture.html"
[ $rc -eq 0 ] || fail "page: exit $rc: $(cat "$T/err")"
has out "Ferry crews on the harbour crossing" "page"
hasnt out "We use cookies" "page"
hasnt out "About time too" "page"
case "$(cat "$T/ua")" in
  "newsbrief/"*" (+offline news briefings)") ;;
  *) fail "User-Agent was '$(cat "$T/ua")'" ;;
esac

# two redirects are followed; a loop is stopped at 5; a redirect to file://
# is refused
run extract "$U/redirect"
[ $rc -eq 0 ] || fail "redirect: exit $rc: $(cat "$T/err")"
has out "Ferry crews on the harbour crossing" "redirect"
run extract "$U/loop"
[ $rc -eq 1 ] || fail "redirect loop: exit $rc"
has err "newsbrief: error: $U/loop: more than 5 redirects" "redirect loop"
run extract "$U/to-file"
[ $rc -eq 1 ] || fail "redirect to file: exit $rc"
has err "$U/to-file: redirected to a protocol other than http or https" "redirect to file"
hasnt out "root:" "redirect to file"

# HTTP errors
run extract "$U/nope"
[ $rc -eq 1 ] || fail "404: exit $rc"
has err "newsbrief: error: $U/nope: HTTP 404" "404"

# a server that takes 8 s is given up after --timeout 1
start=$(date +%s)
run extract --timeout 1 "$U/slow"
took=$(( $(date +%s) - start ))
[ $rc -eq 1 ] || fail "slow: exit $rc"
has err "$U/slow: timed out after 1 s" "slow"
[ $took -le 5 ] || fail "slow: took $took s"

# the size cap (64 MB): streamed past it, or declared past it up front
start=$(date +%s)
run extract "$U/huge"
took=$(( $(date +%s) - start ))
[ $rc -eq 1 ] || fail "huge: exit $rc"
has err "$U/huge: response larger than 64 MB" "huge"
[ $took -le 30 ] || fail "huge: took $took s"
run extract "$U/huge-declared"
[ $rc -eq 1 ] || fail "huge-declared: exit $rc"
has err "$U/huge-declared: response larger than 64 MB" "huge-declared"

# gzip content encoding
run extract "$U/gzip"
[ $rc -eq 0 ] || fail "gzip: exit $rc: $(cat "$T/err")"
has out "Two years ago the county council" "gzip"

# the charset of the Content-Type header (windows-1252: 0x92 is U+2019,
# 0x80 the euro sign) when the page declares none
run extract --format json "$U/cp1252-header"
[ $rc -eq 0 ] || fail "cp1252 header: exit $rc: $(cat "$T/err")"
has out "L’été est arrivé" "cp1252 header"
has out "coûte 2 €" "cp1252 header"

# a feed that changes between two reads is read afresh each time
run extract "$U/changing.xml"
has out "edition number 1 of the changing feed" "changing feed, first read"
run extract "$U/changing.xml"
has out "edition number 2 of the changing feed" "changing feed, second read"
hasnt out "edition number 1" "changing feed, second read"

# --follow-links: the linked page's full text replaces the summary; a page
# that fails is a warning and the summary stays
run extract --follow-links "$U/local-feed.xml"
[ $rc -eq 0 ] || fail "follow-links: exit $rc: $(cat "$T/err")"
has out "The deal, agreed late on Monday" "follow-links"
has out "The summary stays when the page fails." "follow-links"
has err "$U/missing: HTTP 404" "follow-links"
run extract "$U/local-feed.xml"
hasnt out "The deal, agreed late on Monday" "without follow-links"

# a site that is down: three failed links in a row, then the rest of the
# feed is read without following
run extract --follow-links "$U/dead-links.xml"
[ $rc -eq 0 ] || fail "dead links: exit $rc: $(cat "$T/err")"
has out "Summary 5 stays in place." "dead links"
has err "3 linked pages failed in a row; the rest of the feed is read without following links" "dead links"
[ "$(grep -c "127.0.0.1:1/" "$T/err")" -eq 3 ] || fail "dead links: not 3 fetches: $(cat "$T/err")"

# one failing source among good ones: reported, the others still read,
# exit 3 (finished, a source skipped)
run extract "$U/nope" "$U/pages/amp.html"
[ $rc -eq 3 ] || fail "mixed sources: exit $rc"
has err "$U/nope: HTTP 404" "mixed sources"
has out "A pair of carved wooden doors" "mixed sources"
echo "ok"

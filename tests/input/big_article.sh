#!/bin/sh
# big_article.sh: a 50 MB HTML article is read and summarized in bounded
# time (the reader's passes are linear; libxml2 holds the tree).
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
python3 - "$T/big.html" <<'PY'
import sys
p = ("<p>The council met on Tuesday, as it does every week, and discussed "
     "the budget, the roads, and the library at some length.</p>\n")
n = 50 * 1024 * 1024 // len(p)
open(sys.argv[1], "w").write("<html><head><title>Long</title></head><body><article>"
                             + p * n + "</article></body></html>")
PY
s=$(date +%s)
"$NEWSBRIEF" summarize "$T/big.html" >"$T/out" 2>"$T/err"
rc=$?
took=$(( $(date +%s) - s ))
[ $rc -eq 0 ] || { cat "$T/err"; echo "FAIL: 50 MB article: exit $rc"; exit 1; }
grep -q "The council met on Tuesday" "$T/out" || { echo "FAIL: 50 MB article: no lead"; exit 1; }
[ $took -le 240 ] || { echo "FAIL: 50 MB article took $took s"; exit 1; }
echo "ok ($took s)"

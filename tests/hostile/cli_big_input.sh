# cli_big_input.sh: the big rows of the bad-input table: a 50 MB plain-text
# article and a 5 MB single line.  Each is read and briefed (or refused
# with one line) within a time and memory bound, with no partial file.
# (A 50 MB HTML page is tests/input/big_article.sh.)
. "$NB_SRC/tests/hostile/lib/common"
MEM=2048 # MB

bounded() { # bounded NAME SECONDS
  check "$1: hung (killed after $2 s)" [ "$rc" != 124 ]
  check "$1: crashed (exit $rc): $(head -c 300 err.txt)" [ "$rc" -le 3 ]
  check "$1: used $rss_mb MB (limit $MEM)" [ "$rss_mb" -le "$MEM" ]
  [ "$rc" = 1 ] && check "$1: stderr is not warnings and one error: $(cat err.txt)" clean_err
  echo "$1: exit $rc, $secs s, $rss_mb MB: $(head -c 200 err.txt | head -n 2)"
}

# 50 MB of ordinary prose in paragraphs.
python3 - <<'PY'
p = ("The council met on Tuesday, as it does every week, and discussed the "
     "budget, the roads, and the library at some length. ")
para = p * 4
n = 50 * 1024 * 1024 // (len(para) + 2)
open("big.txt", "w").write("\n\n".join([para] * n) + "\n")
PY
run 240 summarize big.txt
bounded "50 MB article: summarize" 240
check "50 MB article: exit $rc" [ "$rc" = 0 ]
check "50 MB article: no lead" grep -q "The council met on Tuesday" out.txt
run 240 speak -q -o big.wav big.txt
bounded "50 MB article: speak" 240
check "50 MB article: speak exit $rc" [ "$rc" = 0 ]
check "50 MB article: not a WAV" valid_wav big.wav
rm -f big.txt big.wav

# 5 MB on one line, no sentence end: one enormous "sentence".
python3 - <<'PY'
import random
r = random.Random(1)
w = "the council said that roads and schools will get money next year while the library stays open".split()
open("line.txt", "w").write("Washington: " + " ".join(r.choice(w) for _ in range(5 * 1024 * 1024 // 6)) + ".\n")
PY
run 120 summarize line.txt
bounded "5 MB line: summarize" 120
check "5 MB line: summarize exit $rc" [ "$rc" = 0 ]
run 240 speak -q -o line.wav line.txt
bounded "5 MB line: speak" 240
case $rc in
  0 | 3) check "5 MB line: not a WAV" valid_wav line.wav ;;
  1) check "5 MB line: a failed run left line.wav" [ ! -e line.wav ] ;;
esac
check "5 MB line: temporary files left" no_temp_files .
finish

# cli_bad_input.sh: the rows of the bad-input table (issue 6) that
# tests/input and tests/cli do not already cover, through the CLI: XXE in a
# page and in a feed read all the way to a spoken transcript, billion
# laughs in a page, HTML nested 100,000 deep, unbalanced quote marks
# everywhere, a feed with no items, invalid UTF-8 and binary feeds, a word
# of 20,000 letters, a million one-word lines.  Each gives a one-line error
# (exit 1) or a sensible result (exit 0), within a time and memory bound.
. "$NB_SRC/tests/hostile/lib/common"
MEM=1024 # MB, for newsbrief and its workers together

bounded() { # bounded NAME SECONDS: the last run neither hung nor blew up
  check "$1: hung (killed after $2 s)" [ "$rc" != 124 ]
  check "$1: crashed (exit $rc): $(head -c 300 err.txt)" [ "$rc" -le 3 ]
  check "$1: took $secs s (limit $2)" [ "$secs" -le "$2" ]
  check "$1: used $rss_mb MB (limit $MEM)" [ "$rss_mb" -le "$MEM" ]
  if [ "$rc" = 1 ]; then
    check "$1: error is not one line: $(cat err.txt)" one_line_err
  fi
  echo "$1: exit $rc, $secs s, $rss_mb MB: $(head -c 160 err.txt | head -n 1)"
}
secret=$(cat /etc/hostname 2>/dev/null)
[ -n "$secret" ] || secret="no-hostname-$$"

# ---- XXE: external entities are never resolved ---------------------------
cat >xxe.html <<'HTML'
<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
<html><body><article><p>Washington: The council met on Tuesday and read &xxe; aloud to the people of the city, who listened.</p></article></body></html>
HTML
cat >xxe.xml <<'XML'
<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY xxe SYSTEM "file:///etc/hostname">
<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd">
%remote;
]>
<rss version="2.0"><channel><title>Feed &xxe;</title>
<item><title>Item &xxe;</title><link>https://example.org/1</link>
<description>Washington: The council met on Tuesday and read &xxe; aloud to the people of the city.</description></item>
</channel></rss>
XML
for f in xxe.html xxe.xml; do
  run 60 speak -q --full -o xxe.wav --transcript xxe.vtt "$f"
  bounded "XXE $f" 60
  check "XXE $f: exit $rc: $(cat err.txt)" [ "$rc" = 0 ] || [ "$rc" = 1 ]
  check "XXE $f: /etc/hostname reached stderr" sh -c "! grep -qF '$secret' err.txt"
  if [ "$rc" = 0 ]; then
    check "XXE $f: /etc/hostname reached the transcript" sh -c "! grep -qF '$secret' xxe.vtt"
    check "XXE $f: the text around the entity was lost" grep -q "The council met on Tuesday" xxe.vtt
  fi
  run 60 summarize --format json "$f"
  check "XXE $f: /etc/hostname reached summarize" sh -c "! grep -qF '$secret' out.txt"
done

# ---- billion laughs in a page ------------------------------------------
python3 - <<'PY'
ents = ['<!ENTITY l0 "lol">'] + ['<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 10)]
open("laughs.html", "w").write("<!DOCTYPE html [%s]><html><body><p>Washington: The council laughed on Tuesday: &l9; and then it voted on the plan.</p></body></html>" % "".join(ents))
PY
run 60 summarize laughs.html
bounded "billion laughs page" 30

# ---- HTML nested 100,000 deep -------------------------------------------
python3 -c "
import sys
open('deep.html','w').write('<html><body><p>Washington: The council met on Tuesday, before the page went very deep, and it voted.</p>' + '<div>'*100000 + '<p>Deep down, the text is still there, with commas, and words.</p>' + '</div>'*100000 + '</body></html>')"
run 60 summarize deep.html
bounded "HTML nested 100,000 deep" 30
check "deep HTML: exit $rc" [ "$rc" = 0 ]
check "deep HTML: the text before the nesting is lost" grep -q "The council met on Tuesday" out.txt
python3 -c "open('deep-only.html','w').write('<html><body>' + '<div>'*100000 + '<p>Deep down, the text is still there, with commas, and words.</p>' + '</div>'*100000 + '</body></html>')"
run 60 speak -q -o deep.wav deep-only.html
bounded "HTML nested 100,000 deep, nothing shallow" 30
check "deep-only HTML: a partial deep.wav" sh -c "[ $rc = 0 ] || [ ! -e deep.wav ]"

# ---- unbalanced quote marks everywhere ----------------------------------
python3 - <<'PY'
q = ('He said \u201cthis and "that and \u00abother and \'quote and \u201d closing '
     '\u201d twice " and \u201elow, \u2018single and \u00bb back. ')
paras = ["Washington: The council met on Tuesday and argued about the plan."]
paras += [q * (1 + i % 7) for i in range(300)]
paras += ['"' * 5000, '\u201c' * 3000 + " open", "\u201d" * 3000]
open("quotes.txt", "w").write("\n\n".join(paras) + "\n")
PY
run 60 quotes --format json quotes.txt
bounded "unbalanced quotes: quotes" 30
check "unbalanced quotes: exit $rc" [ "$rc" = 0 ]
check "unbalanced quotes: quotes --format json is not JSON" \
  python3 -c "import json; json.load(open('out.txt'))"
run 60 summarize --format json quotes.txt
bounded "unbalanced quotes: summarize" 30
check "unbalanced quotes: the lead is not the first sentence" \
  python3 -c "
import json; d = json.load(open('out.txt'))
assert d['stories'][0]['lead'][0].startswith('The council met on Tuesday'), d['stories'][0]['lead']"
run 120 speak -q -o quotes.wav quotes.txt
bounded "unbalanced quotes: speak" 120
check "unbalanced quotes: speak exit $rc" [ "$rc" = 0 ]
check "unbalanced quotes: not a WAV" valid_wav quotes.wav

# ---- feeds that are empty, binary, or not UTF-8 ---------------------------
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>' >empty.rss
run 30 summarize empty.rss
bounded "feed with no items" 10
check "feed with no items: exit $rc, want 1" [ "$rc" = 1 ]
check "feed with no items: error does not name it: $(cat err.txt)" grep -q "empty.rss" err.txt
printf '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><item><title>Caf\351 \377\376</title><description>Washington: The caf\351 owners met on Tuesday, and they said the rent is too high.</description></item></channel></rss>' >latin.rss
run 30 extract --format json latin.rss
bounded "feed with invalid UTF-8" 10
if [ "$rc" = 0 ]; then
  check "feed with invalid UTF-8: invalid UTF-8 reached the output" \
    python3 -c "open('out.txt','rb').read().decode('utf-8')"
else
  check "feed with invalid UTF-8: error does not name it: $(cat err.txt)" grep -q "latin.rss" err.txt
fi
{ printf '<?xml version="1.0"?><rss>'; head -c 20000 /bin/sh; } >binary.rss
run 30 summarize binary.rss
bounded "binary feed" 10
check "binary feed: exit $rc, want 1" [ "$rc" = 1 ]
check "binary feed: error does not name it: $(cat err.txt)" grep -q "binary.rss" err.txt

# ---- one word of 20,000 letters; a million one-word lines ---------------
# (100,000 letters: 30 s and 75 minutes of audio, eSpeak spelling it out.)
python3 -c "open('word.txt','w').write('Washington: The council met on Tuesday and said ' + 'a'*20000 + ' twice.\n')"
run 60 speak -q -o word.wav word.txt
bounded "a word of 20,000 letters" 60
check "long word: speak exit $rc" [ "$rc" = 0 ] || [ "$rc" = 3 ]
[ "$rc" = 0 ] || [ "$rc" = 3 ] && check "long word: not a WAV" valid_wav word.wav
python3 -c "open('lines.txt','w').write('Washington: The council met on Tuesday and voted on the plan.\n' + 'word\n' * 1000000)"
run 60 summarize lines.txt
bounded "a million one-word lines" 60
check "a million lines: exit $rc" [ "$rc" = 0 ]
check "a million lines: the lead is lost" grep -q "The council met on Tuesday" out.txt
finish

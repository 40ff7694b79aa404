# fit.sh: --max-stories and --max-minutes make a listenable briefing of a
# long feed: stories kept in input order while they fit, the first always.
. "$NB_SRC/tests/lib.sh"
copies "$T/in" "$NB_SRC/tests/corpus/seed/article.txt"
count() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['stories']), ' '.join(s['source'][-6:-4] for s in d['stories']))" "$1"; }
"$NEWSBRIEF" summarize --format json "$T/in" >"$T/all.json" || bad "all"
[ "$(count "$T/all.json")" = "10 01 02 03 04 05 06 07 08 09 10" ] && ok || bad "all: $(count "$T/all.json")"
"$NEWSBRIEF" summarize --format json --max-stories 3 "$T/in" >"$T/three.json" || bad "--max-stories"
[ "$(count "$T/three.json")" = "3 01 02 03" ] && ok || bad "--max-stories 3: $(count "$T/three.json")"
# each story counts 97 words (lead 38, quotes of 11 and 34 words with 5 for
# each attribution, 4 for a transition), read at the narrator's 170 words a
# minute after 30 words of intro and outro: two minutes hold
# (340 - 30) / 97 = 3 stories
"$NEWSBRIEF" summarize --format json --max-minutes 2 "$T/in" >"$T/two.json" || bad "--max-minutes"
[ "$(count "$T/two.json")" = "3 01 02 03" ] && ok || bad "--max-minutes 2: $(count "$T/two.json")"
"$NEWSBRIEF" summarize --format json --max-minutes 0.1 "$T/in" >"$T/one.json" || bad "--max-minutes 0.1"
[ "$(count "$T/one.json")" = "1 01" ] && ok || bad "the first story always fits: $(count "$T/one.json")"
expect 2 "max-minutes takes a number" -- "$NEWSBRIEF" summarize --max-minutes soon "$T/in"
finish

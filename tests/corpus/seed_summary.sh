# seed_summary.sh: what issue 2 requires of the seed article, through the
# command line: the gold lead without "Washington:", the dateline, two or
# more key quotes by John Kirby but not both q1 and q2 (they open alike),
# nothing from the "Also read" line; and quotes lists the four gold quotes.
set -eu
: "${NEWSBRIEF:?}" "${NB_SRC:?}"
seed="$NB_SRC/tests/corpus/seed"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$NEWSBRIEF" summarize --format json "$seed/article.txt" >"$tmp/summary.json"
"$NEWSBRIEF" quotes --format json "$seed/article.txt" >"$tmp/quotes.json"
python3 - "$seed/gold.json" "$tmp/summary.json" "$tmp/quotes.json" <<'PY'
import json, sys
gold = json.load(open(sys.argv[1]))
story = json.load(open(sys.argv[2]))["stories"][0]
quotes = json.load(open(sys.argv[3]))["documents"][0]["quotes"]
def fail(msg):
    sys.exit("seed_summary: " + msg)
if story["lead"] != [gold["lead"]]:
    fail("lead %r" % story["lead"])
if story.get("dateline") != gold["dateline"]:
    fail("dateline %r" % story.get("dateline"))
key = story["quotes"]
if len(key) < 2 or any(q["speaker"] != "John Kirby" for q in key):
    fail("key quotes %r" % key)
texts = [q["text"] for q in key]
q1, q2 = gold["quotes"][0]["text"], gold["quotes"][1]["text"]
if any(t.startswith(q1[:30]) for t in texts) and any(t.startswith(q2[:60]) for t in texts):
    fail("reads both q1 and q2")
everything = json.dumps(story, ensure_ascii=False)
if "Last Chance" in everything or "Also read" in everything:
    fail("the 'Also read' line leaked into the summary")
direct = [q for q in quotes if q["kind"] == "direct"]
want = [q["text"] for q in gold["quotes"]]
if [q["text"] for q in direct] != want:
    fail("direct quotes %r" % [q["text"] for q in direct])
if any(q["speaker"] != "John Kirby" for q in direct):
    fail("speakers %r" % [q["speaker"] for q in direct])
PY

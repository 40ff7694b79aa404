# seed.sh: the seed article's briefing, checked two ways: the facts issue 2
# requires (lead, dateline, key quotes, boilerplate never spoken), and golden
# files of the whole script and its SSML (reviewed by hand; after a reviewed
# change, regenerate them with scripts/regen-golden.sh).
. "$NB_SRC/tests/lib.sh"
cd "$NB_SRC"  # the golden files name the article by this relative path
A=tests/corpus/seed/article.txt
G=$NB_SRC/tests/golden

"$NEWSBRIEF" summarize --format json "$A" >"$T/s.json" || bad "summarize json"
python3 - "$T/s.json" "$NB_SRC/tests/corpus/seed/gold.json" <<'PY' && ok || bad "seed facts"
import json, sys
s = json.load(open(sys.argv[1]))["stories"][0]
gold = json.load(open(sys.argv[2]))
assert s["lead"] == [gold["lead"]], s["lead"]
assert s["dateline"] == "Washington", s["dateline"]
key = s["quotes"]
assert len(key) >= 2, key
assert all(q["speaker"] == "John Kirby" for q in key), key
texts = [q["text"] for q in key]
q = {g["id"]: g["text"] for g in gold["quotes"]}
assert not (q["q1"] in texts and q["q2"] in texts), "q1 and q2 both read"
spoken = " ".join(g["text"] for g in s["segments"])
for bad in ("Also read", "Last Chance", "Kishida"):
    assert bad not in spoken, bad
roles = [g["role"] for g in s["segments"]]
assert roles[0] == "lead", roles
# every quote is introduced by an attribution naming Kirby
for i, g in enumerate(s["segments"]):
    if g["role"] == "quote":
        prev = s["segments"][i - 1]
        assert prev["role"] == "attribution" and "Kirby" in prev["text"], prev
first = [g for g in s["segments"] if g["role"] == "attribution"][0]
assert first["text"] == "National Security Council spokesman John Kirby told reporters", first
PY

"$NEWSBRIEF" quotes --format json "$A" >"$T/q.json" || bad "quotes json"
python3 - "$T/q.json" "$NB_SRC/tests/corpus/seed/gold.json" <<'PY' && ok || bad "seed quotes"
import json, sys
doc = json.load(open(sys.argv[1]))["documents"][0]
gold = json.load(open(sys.argv[2]))["quotes"]
direct = [q for q in doc["quotes"] if q["kind"] == "direct"]
for g in gold:
    hit = [q for q in direct if q["text"] == g["text"]]
    assert hit, "missing " + g["id"]
    assert hit[0]["speaker"] == "John Kirby", hit[0]
assert len(direct) == 4, [q["text"][:30] for q in direct]
PY

"$NEWSBRIEF" summarize "$A" >"$T/script.txt" || bad "summarize text"
diff -u "$G/seed.script.txt" "$T/script.txt" && ok || bad "script differs from golden"
"$NEWSBRIEF" summarize --format ssml "$A" >"$T/script.ssml" || bad "summarize ssml"
diff -u "$G/seed.ssml" "$T/script.ssml" && ok || bad "SSML differs from golden"
python3 -c "import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])" "$T/script.ssml" && ok || bad "SSML is not XML"
finish

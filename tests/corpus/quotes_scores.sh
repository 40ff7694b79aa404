# quotes_scores.sh: direct-quote precision, recall and speaker accuracy on
# the seed and the twelve GUM dev articles must stay at the targets of issue
# 3 (0.92 each) against the hand-checked gold (gold-corrections.json), and
# must not fall below today's floor against the raw rule-derived gold.
set -eu
: "${NEWSBRIEF:?}" "${NB_SRC:?}"
corpus="$NB_SRC/tests/corpus"
python3 "$NB_SRC/scripts/eval-quotes" "$corpus" --newsbrief "$NEWSBRIEF" \
  --corrections "$corpus/gold-corrections.json" --min 0.92,0.92,0.92
# The raw gold's speaker floor is 0.85, not 0.90: newsbrief names a person
# as the article introduces him ("Professor Cres Eastman" ... "he said" is
# Cres Eastman), and GUM's gold says "Creswell Eastman", a name that is not
# in the text; two quotes, corrected in gold-corrections.json.
python3 "$NB_SRC/scripts/eval-quotes" "$corpus" --newsbrief "$NEWSBRIEF" \
  --min 0.75,0.80,0.85 >/dev/null
# The held-out sets (tests/corpus-holdout*: invented articles, hand-made
# gold written before newsbrief was run on them; holdout4 to holdout7 by
# someone who had not read the rules).  Each README has the set's one
# blind measurement and what came after; all are tuning material now.
# The floor leaves a small margin (about one quote in 20) so that a general
# change may trade one quote for another, but a regression fails.
# floor SET P,R,SPEAKER
floor() {
  python3 "$NB_SRC/scripts/eval-quotes" "$NB_SRC/tests/$1" \
    --newsbrief "$NEWSBRIEF" --min "$2" >/dev/null
}
floor corpus-holdout 0.95,0.95,0.95
floor corpus-holdout2 0.95,0.95,0.95
floor corpus-holdout3 0.95,0.95,0.95
# 0.76 blind, 0.93 since; its README lists the speakers still wrong
floor corpus-holdout4 0.95,0.95,0.88
floor corpus-holdout5 0.95,0.95,0.95
floor corpus-holdout6 0.95,0.95,0.95
floor corpus-holdout7 0.95,0.95,0.95

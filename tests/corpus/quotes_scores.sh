# quotes_scores.sh: direct-quote precision, recall and speaker accuracy on
# the seed and the twelve GUM dev articles must stay at the targets of issue
# 3 (0.92 each) against the hand-checked gold (gold-corrections.json), and
# must not fall below today's floor against the raw rule-derived gold.
set -eu
: "${NEWSBRIEF:?}" "${NB_SRC:?}"
corpus="$NB_SRC/tests/corpus"
python3 "$NB_SRC/scripts/eval-quotes" "$corpus" --newsbrief "$NEWSBRIEF" \
  --corrections "$corpus/gold-corrections.json" --min 0.92,0.92,0.92
python3 "$NB_SRC/scripts/eval-quotes" "$corpus" --newsbrief "$NEWSBRIEF" \
  --min 0.75,0.80,0.90 >/dev/null
# The held-out articles (tests/corpus-holdout, hand-made gold, written before
# the rules were read): after the improvements they score P 1.00, R 1.00,
# speaker 1.00; the floor leaves a small margin (about one quote in 20 for
# P and R, one speaker in 95) so that a general change may trade one
# quote for another, but a regression fails.  tests/corpus-holdout2 is not
# checked here: it was measured once and must not become a tuning target.
python3 "$NB_SRC/scripts/eval-quotes" "$NB_SRC/tests/corpus-holdout" \
  --newsbrief "$NEWSBRIEF" --min 0.95,0.95,0.95 >/dev/null

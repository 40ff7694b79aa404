#!/bin/sh
# extract_quality.sh: reader-mode extraction on the saved pages scores at
# least the target (mean F1 of word 4-gram shingles >= 0.95 against
# the hand-written gold bodies), well above the whole-page-text baseline.
set -u
python3 "$NB_SRC/scripts/eval-extract" --newsbrief "$NEWSBRIEF" \
  --pages "$NB_SRC/tests/data/pages" --min-f1 0.95 || {
  echo "FAIL: extraction F1 below 0.95"
  exit 1
}

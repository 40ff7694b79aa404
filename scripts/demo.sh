#!/bin/sh
# The five-minute demo: installs what a fresh Debian 12 machine lacks,
# builds newsbrief, prints the briefing script of the bundled sample article
# and speaks it to briefing.wav (with a WebVTT transcript beside it).
set -eu
cd "$(dirname "$0")/.."
scripts/build.sh
article=tests/corpus/seed/article.txt
echo "== newsbrief summarize $article"
build/newsbrief summarize "$article"
echo
echo "== newsbrief speak -o briefing.wav --transcript briefing.vtt $article"
build/newsbrief speak -o briefing.wav --transcript briefing.vtt "$article"
ls -l briefing.wav briefing.vtt
echo "play it with: aplay briefing.wav   (or: build/newsbrief speak --play $article)"

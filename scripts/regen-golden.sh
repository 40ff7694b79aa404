#!/bin/sh
# Regenerates the golden files in tests/golden/ from the current build.
# Review the diff by hand (git diff tests/golden) before committing it.
set -eu
cd "$(dirname "$0")/.."
NB=${NEWSBRIEF:-build/newsbrief}
A=tests/corpus/seed/article.txt
"$NB" summarize "$A" >tests/golden/seed.script.txt
"$NB" summarize --format ssml "$A" >tests/golden/seed.ssml
git diff --stat tests/golden

# cli_espeak_crash.sh: text that crashes eSpeak NG 1.51 (ESPEAK.md) in the
# parts a briefing reads: the lead, the quotes, the title.  `speak` (the
# briefing cut, not --full: tts_crash_text.sh does that) finishes with a
# valid WAV in bounded time: exit 0, or exit 3 ("incomplete") with a
# warning that names the story and the segment.  Never a crash or a hang.
. "$NB_SRC/tests/hostile/lib/common"

rep() { python3 -c "import sys; sys.stdout.write(sys.argv[1] * int(sys.argv[2]))" "$1" "$2"; }
{
  printf 'Washington: The minister said on Friday that %s was the whole plan for the year.\n\n' "$(rep U. 90)"
  printf '"This is %s policy," said Mayor Ana Lopez, who spoke to reporters.\n\n' "$(rep 'a . ' 100)"
  printf '"We will not accept %s at all," Lopez told reporters after the vote.\n\n' "$(rep "s'" 70)"
  printf 'The council will vote again next week, the mayor said.\n'
} >crash.txt

# speak_ok NAME ARGS...: one run, judged as above.
speak_ok() {
  name=$1
  shift
  rm -f out.wav
  run 120 speak -q -o out.wav "$@"
  check "$name: hung" [ "$rc" != 124 ]
  check "$name: exit $rc, want 0 or 3: $(head -c 300 err.txt)" [ "$rc" = 0 ] || [ "$rc" = 3 ]
  check "$name: took $secs s" [ "$secs" -le 60 ]
  check "$name: not a valid WAV" valid_wav out.wav
  check "$name: eSpeak's own noise on stderr: $(cat err.txt)" \
    sh -c '! grep -qi -e "stack smashing" -e "terminated" -e "Aborted" err.txt'
  if [ "$rc" = 3 ]; then
    check "$name: exit 3 without a warning naming story and segment: $(cat err.txt)" \
      grep -q "warning: story [0-9]*, segment [0-9]*" err.txt
  fi
  echo "$name: exit $rc, $secs s"
}

speak_ok "crash article" crash.txt
speak_ok "crash article, one worker" --jobs 1 crash.txt
speak_ok "crash article, words quote style" --quote-style words --lead-sentences 3 --max-quotes 4 crash.txt
# Every upstream crash vector as the article (briefing cut).  A vector the
# reader refuses (binary) is a one-line error with no file.
for f in "$NB_SRC"/tests/data/espeak-crash/*.txt; do
  n=$(basename "$f" .txt)
  rm -f out.wav
  run 120 speak -q -o out.wav "$f"
  check "$n: hung" [ "$rc" != 124 ]
  case $rc in
    0 | 3) check "$n: not a valid WAV" valid_wav out.wav ;;
    1) check "$n: failed run left out.wav" [ ! -e out.wav ]
       check "$n: not a clean error: $(cat err.txt)" clean_err ;;
    *) bad "$n: exit $rc: $(head -c 300 err.txt)" ;;
  esac
  echo "$n: exit $rc, $secs s$( [ "$rc" = 0 ] || echo ": $(tail -n 1 err.txt)")"
done
# The same vectors inside an ordinary lead and quote, so that the briefing
# cut speaks them (alone, most have no sentence a briefing would read;
# bytes that are not UTF-8 are left out).
for f in "$NB_SRC"/tests/data/espeak-crash/*.txt; do
  n=$(basename "$f" .txt)
  python3 - "$f" <<'PY'
import sys
v = open(sys.argv[1], "rb").read().decode("utf-8", "ignore")
v = " ".join(v.replace("\0", "").split())[:4000]
open("embedded.txt", "w").write(
    "Washington: The minister said on Friday that %s was the plan.\n\n"
    "\"We read %s to the end,\" said Mayor Ana Lopez on Friday.\n" % (v, v))
PY
  speak_ok "$n in an article" embedded.txt
done
finish

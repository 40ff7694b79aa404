# cli_signals.sh: SIGINT and SIGTERM in the middle of `speak -o`: exit 130,
# "interrupted" on one line, no partial file at the output path, no
# temporary file left (audio or transcript), the previous output intact,
# and no synthesis worker left running.  A second signal during cleanup
# must not leave files behind either.  kill -9 leaves no process running.
. "$NB_SRC/tests/hostile/lib/common"
long_article >long.txt

# wait_for_tmp: until the output's temporary file exists (the run is then
# writing audio), at most 10 s.
wait_for_tmp() {
  i=0
  while [ $i -lt 200 ]; do
    [ -n "$(find . -maxdepth 1 -name 'keep.wav.tmp-*')" ] && return 0
    sleep 0.05
    i=$((i + 1))
  done
  return 1
}

# gone PID: true once the process has ended, waiting at most 3 s.
gone() {
  i=0
  while kill -0 "$1" 2>/dev/null && [ $i -lt 30 ]; do
    sleep 0.1
    i=$((i + 1))
  done
  ! kill -0 "$1" 2>/dev/null
}

for sig in INT TERM INT-INT; do
  printf 'old good' >keep.wav
  printf 'old transcript' >keep.vtt
  "$NB" speak -q --full -o keep.wav --transcript keep.vtt long.txt >out.txt 2>err.txt &
  pid=$!
  check "$sig: no temporary output appeared" wait_for_tmp
  sleep 0.3
  workers=$(ps -o pid= --ppid "$pid" | tr -d ' ')
  case $sig in
    INT-INT) kill -INT "$pid"; kill -INT "$pid" ;;
    *) kill -"$sig" "$pid" ;;
  esac
  t0=$(date +%s)
  wait "$pid"
  rc=$?
  check "$sig: exit $rc, want 130" [ "$rc" = 130 ]
  check "$sig: took $(($(date +%s) - t0)) s to stop" [ $(($(date +%s) - t0)) -le 5 ]
  if [ "$sig" != INT-INT ]; then
    check "$sig: not one error line: $(cat err.txt)" one_line_err
    check "$sig: message: $(cat err.txt)" grep -q "interrupted" err.txt
  fi
  check "$sig: keep.wav replaced" [ "$(cat keep.wav)" = "old good" ]
  check "$sig: keep.vtt replaced" [ "$(cat keep.vtt)" = "old transcript" ]
  check "$sig: temporary files left: $(ls)" no_temp_files .
  # Workers see their pipe close and leave; give them 3 s.
  for w in $workers; do
    check "$sig: worker $w still running 3 s later" gone "$w"
  done
done

# kill -9 gives no chance to clean up, but nothing may keep running: the
# workers and the synthesizer children they fork die with the main process
# (a child that found its parent gone used to be taken for one that made
# way for the next, and the worker then waited for ever).
"$NB" speak -q --full -j 2 -o kill.wav long.txt >out.txt 2>err.txt &
pid=$!
i=0
while [ -z "$(find . -maxdepth 1 -name 'kill.wav.tmp-*')" ] && [ $i -lt 200 ]; do
  sleep 0.05
  i=$((i + 1))
done
sleep 0.3
tree=""
for w in $(ps -o pid= --ppid "$pid"); do
  tree="$tree $w $(ps -o pid= --ppid "$w" | tr '\n' ' ')"
done
check "KILL: no worker to watch" [ -n "$tree" ]
kill -KILL "$pid"
wait "$pid" 2>/dev/null
for w in $tree; do
  check "KILL: process $w still running 3 s after the main one died" gone "$w"
done
finish

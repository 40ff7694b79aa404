# common.sh: sourced by the drop tests: a temp folder, a local HTTP server
# serving $T/www, and a config writer.  Not a test itself (tests/drop/lib/
# is not globbed).
set -eu
: "${NEWSBRIEF:?set NEWSBRIEF to the newsbrief binary}"
: "${NB_SRC:?set NB_SRC to the source folder}"
LIB="$NB_SRC/tests/drop/lib"
T=$(mktemp -d /tmp/nb-drop-XXXXXX)
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
mkdir -p "$T/www" "$T/out"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

start_server() {
  python3 "$LIB/serve.py" "$T/www" "$T/port" &
  SERVER=$!
  i=0
  while [ ! -s "$T/port" ]; do
    i=$((i + 1))
    [ $i -gt 100 ] && fail "the test server did not start"
    sleep 0.05
  done
  PORT=$(cat "$T/port")
  BASE="http://127.0.0.1:$PORT"
}

# feed N... : the feed served at $BASE/world.rss holds these stories
feed() {
  python3 "$LIB/feed.py" "$T/www/world.rss" "$@"
}

# config [EXTRA_BRIEFING_LINES] : writes $T/briefing.ini
config() {
  cat > "$T/briefing.ini" <<INI
[briefing]
title = Test Briefing
description = Stories & tests, <read> aloud.
author = The Test Desk
output = out
base_url = https://example.org/pod/
format = wav
voice = newsroom
$1

[source.world]
url = ${SOURCE_URL:-$BASE/world.rss}
INI
}

drop() {
  "$NEWSBRIEF" drop -q --config "$T/briefing.ini" "$@"
}

checkfeed() {
  python3 "$LIB/checkfeed.py" "$T/out/feed.xml" https://example.org/pod/
}

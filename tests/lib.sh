# lib.sh: helpers for the command-line tests (sourced, not run).
set -u
: "${NEWSBRIEF:?set NEWSBRIEF to the newsbrief binary}"
: "${NB_SRC:?set NB_SRC to the source tree}"
T=$(mktemp -d /tmp/nb-test.XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
passes=0
ok() { passes=$((passes + 1)); }
bad() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

# expect STATUS PATTERN -- command...: runs the command, checks its exit
# status, that standard error is exactly one line, and that the line
# matches the grep pattern.
expect() {
  want=$1 pat=$2
  shift 3
  "$@" >"$T/out" 2>"$T/err"
  got=$?
  if [ "$got" != "$want" ]; then
    bad "$*: exit $got, want $want; stderr: $(cat "$T/err")"
    return
  fi
  lines=$(wc -l <"$T/err")
  if [ "$lines" != 1 ]; then
    bad "$*: $lines lines on stderr, want 1: $(cat "$T/err")"
    return
  fi
  if ! grep -q -- "$pat" "$T/err"; then
    bad "$*: stderr '$(cat "$T/err")' does not match '$pat'"
    return
  fi
  ok
}

# copies DIR ARTICLE: ten copies of ARTICLE in DIR (01.txt .. 10.txt), each
# with a distinct first line so that the reader keeps them all (it drops
# near-identical stories).
copies() {
  mkdir -p "$1"
  for i in 1 2 3 4 5 6 7 8 9 10; do
    { printf 'Copy %d a%d b%d c%d d%d e%d f%d g%d h%d\n\n' $i $i $i $i $i $i $i $i $i
      cat "$2"; } >"$1/$(printf %02d $i).txt"
  done
}

finish() {
  echo "$passes passed, $fails failed"
  [ "$fails" = 0 ]
}

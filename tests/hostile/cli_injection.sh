# cli_injection.sh: article text can only ever be spoken.  Markup, entities,
# a shell command in an <audio> file name and an eSpeak embedded command
# (0x01) in an article: `speak` and `summarize --format ssml` run in a
# scratch working directory, create no file, the SSML parses and holds no
# element from the article, and the transcript has the words as text.
. "$NB_SRC/tests/hostile/lib/common"

# The file an SSML-reading eSpeak 1.51 would hand to system("sox ..."):
# it must exist for the attack to be real (ESPEAK.md).
printf 'RIFF....WAVEfmt ' >'x$(touch PWNED).wav'
rm -f /tmp/PWNED
{
  echo 'Washington: The council met on Tuesday to discuss a page that said <audio src="x$(touch PWNED).wav"/> in its middle, and the members read it aloud.'
  echo
  echo '"We saw <voice name="fr">bonjour</voice> and <prosody rate="x-slow">slowly</prosody> and AT&amp;T on the screen," said Mayor Ana Lopez.'
  echo
  printf 'A control byte \001Vfr came next, and the clerk read it with <break time="9s"/> no pause.\n'
} >inj.txt

for mode in "" --full; do
  run 60 speak $mode -q -o inj.wav --transcript inj.vtt inj.txt
  check "speak $mode: exit 0 (got $rc: $(cat err.txt))" [ "$rc" = 0 ]
  check "speak $mode: a valid WAV" valid_wav inj.wav
  check "speak $mode: PWNED created in the working directory" [ ! -e PWNED ]
  check "speak $mode: PWNED created in /tmp" [ ! -e /tmp/PWNED ]
  # The words are in the transcript as text (escaped for WebVTT), not lost.
  check "speak $mode: transcript lacks the <audio> words" grep -q 'audio src=' inj.vtt
  check "speak $mode: transcript lacks 'bonjour'" grep -q 'bonjour' inj.vtt
  check "speak $mode: transcript lacks AT&T" grep -q 'AT&amp;' inj.vtt
  # No control byte reaches a transcript (0x01 would be a raw control
  # character in a WebVTT file that players and podcast apps read).
  check "speak $mode: control byte in the transcript" \
    sh -c '! LC_ALL=C grep -q "[[:cntrl:]]" inj.vtt'

  run 60 summarize $mode --format ssml inj.txt
  check "summarize $mode: exit 0 (got $rc)" [ "$rc" = 0 ]
  check "summarize $mode --format ssml: SSML does not parse, or holds markup from the article" \
    python3 - out.txt <<'PY'
import sys, xml.etree.ElementTree as ET
data = open(sys.argv[1], "rb").read()
assert b"<!DOCTYPE" not in data and b"<!ENTITY" not in data
root = ET.fromstring(data)
ns = "{http://www.w3.org/2001/10/synthesis}"
assert root.tag == ns + "speak", root.tag
tags = {e.tag.replace(ns, "") for e in root.iter()}
assert "audio" not in tags, tags
assert tags <= {"speak", "voice", "prosody", "s", "p", "break", "mark", "emphasis"}, tags
# Only the breaks newsbrief puts between segments: never the article's 9s.
for b in root.iter(ns + "break"):
    assert b.get("time") != "9s", "article markup became a <break>"
text = "".join(root.itertext())
assert "audio src=" in text and "bonjour" in text, text
assert "AT&amp;T" in text or "AT&T" in text, text
PY
  check "summarize $mode: PWNED created" [ ! -e PWNED ]
done
finish

# cli_output_faults.sh: the output cannot be written.  A read-only
# directory, a full disk (a 200 kB tmpfs), a file size limit, and --play
# with no audio device: each is a one-line error naming the file or device,
# exit 1, no partial file at the output path, no temporary file left, and an
# older output there stays as it was.
. "$NB_SRC/tests/hostile/lib/common"
article >art.txt
long_article >long.txt

# mount_tmpfs DIR OPTIONS: a small file system of our own (needs root).
mount_tmpfs() {
  mkdir -p "$1"
  mount -t tmpfs -o "$2" tmpfs "$1" 2>/dev/null || return 1
  MOUNTS="$MOUNTS $W/$1"
}

# ---- a read-only directory ---------------------------------------------
if mount_tmpfs ro size=1m && printf 'old good' >ro/keep.wav &&
  mount -o remount,ro "$W/ro" 2>/dev/null; then
  ro=ro
  msg="Read-only file system"
else
  # Without mount: a directory we may not write (only works as non-root).
  mkdir -p ro2 && printf 'old good' >ro2/keep.wav && chmod 555 ro2
  ro=ro2
  msg="Permission denied"
fi
for f in keep.wav new.wav; do
  run 60 speak -o "$ro/$f" art.txt
  check "read-only dir: exit 1 for $f (got $rc)" [ "$rc" = 1 ]
  check "read-only dir: not one line naming $ro/$f: $(cat err.txt)" one_line_err
  check "read-only dir: message for $f: $(cat err.txt)" grep -q "$ro/$f: $msg" err.txt
done
check "read-only dir: new.wav created" [ ! -e "$ro/new.wav" ]
check "read-only dir: older keep.wav changed" [ "$(cat "$ro/keep.wav")" = "old good" ]

# ---- a full disk ---------------------------------------------------------
if mount_tmpfs full size=200k; then
  printf 'old good' >full/keep.wav
  # 50 minutes of speech into 200 kB: the disk fills during the write.
  run 120 speak --full -o full/keep.wav --transcript full/keep.vtt long.txt
  check "full disk: exit 1 (got $rc)" [ "$rc" = 1 ]
  check "full disk: not one error line: $(cat err.txt)" one_line_err
  check "full disk: message: $(cat err.txt)" grep -q "full/keep.wav: No space left on device" err.txt
  check "full disk: older keep.wav changed" [ "$(cat full/keep.wav)" = "old good" ]
  check "full disk: transcript written for a failed run" [ ! -e full/keep.vtt ]
  check "full disk: temporary files left: $(ls full)" no_temp_files full
  check "full disk: run took $secs s" [ "$secs" -lt 60 ]
else
  bad "cannot mount a tmpfs (not root?): the full-disk case is covered by the file size limit below only"
fi

# ---- a file size limit (a quota, or a full disk without root) -----------
# newsbrief must not die of SIGXFSZ: the write fails with EFBIG instead and
# is reported like any other write error.
printf 'old good' >keep.wav
(
  ulimit -f 200
  exec timeout -s KILL 60 "$NB" speak -q --full -o keep.wav long.txt
) >out.txt 2>err.txt
rc=$?
check "file size limit: exit 1 (got $rc; 153 is death by SIGXFSZ)" [ "$rc" = 1 ]
check "file size limit: not one error line: $(cat err.txt)" one_line_err
check "file size limit: message: $(cat err.txt)" grep -q "keep.wav: File too large" err.txt
check "file size limit: older keep.wav changed" [ "$(cat keep.wav)" = "old good" ]
check "file size limit: temporary files left" no_temp_files .

# ---- --play with no audio device ----------------------------------------
# An ALSA configuration with no usable default device, and a HOME without
# an .asoundrc: PortAudio finds nothing to play on.
printf 'pcm.!default { type hw; card 31 }\nctl.!default { type hw; card 31 }\n' >alsa.conf
mkdir -p home
for dev in "" "--device no-such-device"; do
  printf 'old good' >keep.wav
  HOME=$W/home ALSA_CONFIG_PATH=$W/alsa.conf run 60 speak --play $dev -o keep.wav art.txt
  check "--play $dev: exit 1 (got $rc)" [ "$rc" = 1 ]
  check "--play $dev: not one error line: $(cat err.txt)" one_line_err
  check "--play $dev: message does not name the device: $(cat err.txt)" \
    grep -qi "device" err.txt
  check "--play $dev: older keep.wav changed" [ "$(cat keep.wav)" = "old good" ]
  check "--play $dev: temporary files left" no_temp_files .
done
finish

#!/bin/sh
# keys.sh: playback keys.  With --play and a terminal on standard input,
# n skips the rest of the current story, space pauses and resumes, Ctrl-C
# stops even while paused, and the terminal's modes come back afterwards.
# The sound card is an ALSA "file" device writing into a FIFO that this test
# reads at twenty times real time: the back-pressure paces playback the way a
# sound card would, so keys arrive while a known stretch is playing.
set -u
: "${NEWSBRIEF:?}" "${NB_SRC:?}"
T=$(mktemp -d /tmp/nb-keys.XXXXXX)
trap 'rm -rf "$T"' EXIT
mkdir "$T/home"
mkfifo "$T/played.fifo"
sed "s|@OUT@|$T/played.fifo|" "$NB_SRC/tests/data/alsa/asoundrc.in" >"$T/home/.asoundrc"
G="$NB_SRC/tests/corpus/gum-dev"
HOME="$T/home" exec python3 - "$NEWSBRIEF" "$T" \
  "$G/GUM_news_afghan/article.txt" "$G/GUM_news_clock/article.txt" \
  "$G/GUM_news_crane/article.txt" <<'PY'
import array, fcntl, os, pty, signal, subprocess, sys, termios, threading, time
nb, tmp, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
BPS = 22050 * 2  # bytes per second of played audio (22,050 Hz, 16 bits)
fails = []

# A job-control shell in miniature (the pty already its terminal): it starts
# newsbrief in a process group of its own as the foreground job, and waits
# through stops (a stop needs a parent in the session: a session leader's
# own group is orphaned and the kernel ignores its Ctrl-Z).
LEADER = r"""
import os, signal, sys
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.setpgid(0, 0)
    os.read(r, 1)  # until it is the foreground job
    os.execvp(sys.argv[2], sys.argv[2:])
os.setpgid(pid, pid)
signal.signal(signal.SIGTTOU, signal.SIG_IGN)
os.tcsetpgrp(0, pid)
os.write(w, b"x")
open(sys.argv[1], "w").write(str(pid))
while True:
    _, st = os.waitpid(pid, os.WUNTRACED)
    if os.WIFSTOPPED(st):
        continue
    sys.exit(os.WEXITSTATUS(st) if os.WIFEXITED(st) else 128 + os.WTERMSIG(st))
"""

def play(script, background=False, shell=False):
    """Runs speak --play on a pty (its controlling terminal); script(ctl)
    sends keys.  background: started as a background job of a shell with
    job control.  Returns (exit status, sound samples, stderr, ctl)."""
    m, s = pty.openpty()
    err = open(os.path.join(tmp, "err"), "w+")
    def own_terminal():  # the pty becomes its terminal: Ctrl-C is SIGINT
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    cmd = [nb, "speak", "--jobs", "1", "--play"] + inputs
    pidfile = os.path.join(tmp, "pid")
    if os.path.exists(pidfile):
        os.unlink(pidfile)
    if background:
        cmd = ["sh", "-m", "-c", '"$@" & wait $!', "sh"] + cmd
    if shell:
        cmd = [sys.executable, "-c", LEADER, pidfile] + cmd
    p = subprocess.Popen(cmd, stdin=s, stdout=subprocess.DEVNULL, stderr=err,
                         preexec_fn=own_terminal)
    ctl = {"data": bytearray(), "times": [], "p": p, "m": m, "pid": p.pid}
    if shell:
        end = time.monotonic() + 10
        while not os.path.exists(pidfile) or not open(pidfile).read():
            assert time.monotonic() < end, "the job shell did not start"
            time.sleep(0.01)
        ctl["pid"] = int(open(pidfile).read())
    def reader():
        with open(os.path.join(tmp, "played.fifo"), "rb", buffering=0) as f:
            while True:
                b = f.read(BPS)  # a second of audio every 0.05 s: 20x
                if not b:
                    break
                ctl["data"].extend(b)
                ctl["times"].append((time.monotonic(), len(ctl["data"])))
                time.sleep(0.05)
    th = threading.Thread(target=reader, daemon=True)
    th.start()
    script(ctl)
    try:
        rc = p.wait(timeout=60)
    except subprocess.TimeoutExpired:
        p.kill()
        rc = "hung"
    th.join(timeout=10)
    lflag = termios.tcgetattr(s)[3]
    ctl["restored"] = bool(lflag & termios.ICANON) and bool(lflag & termios.ECHO)
    os.close(s)
    os.close(m)
    err.seek(0)
    d = ctl["data"]
    a = array.array("h", bytes(d[: len(d) // 2 * 2]))
    ctl["sound"] = [v for v in a if v]
    return rc, len(ctl["sound"]), err.read(), ctl

def wait_audio(ctl, seconds):
    while len(ctl["data"]) < seconds * BPS and ctl["p"].poll() is None:
        time.sleep(0.01)

def key(ctl, k):
    os.write(ctl["m"], k)

rc, full, err, c = play(lambda ctl: None)
if rc != 0 or full == 0:
    fails.append("plain playback: exit %s, %d samples, %s" % (rc, full, err))
if not c["restored"]:
    fails.append("plain playback: the terminal was left in raw mode")
outro = c["sound"][-22050:]  # the last second of sound: the outro's end

# A background job must not touch the terminal (that would stop it with
# SIGTTOU): it plays everything, keys or not.
rc, bg, err, c = play(lambda ctl: None, background=True)
if rc != 0 or bg != full:
    fails.append("background: exit %s, %d of %d sound samples: %s" % (rc, bg, full, err))

# n in the intro skips the intro only: the outro (the intro's story -1
# too) still plays.
def skip_intro(ctl):
    wait_audio(ctl, 1)
    key(ctl, b"n")
rc, n, err, c = play(skip_intro)
if rc != 0 or n >= full or c["sound"][-22050:] != outro:
    fails.append("n in the intro: exit %s, %d of %d sound samples, outro %s" %
                 (rc, n, full, "played" if c["sound"][-22050:] == outro else "lost"))

def skip(ctl):
    wait_audio(ctl, 8)  # the intro is 3 s: 8 s is inside story 1
    key(ctl, b"n")
rc, skipped, err, c = play(skip)
if rc != 0 or not (0.3 * full < skipped < 0.85 * full):
    fails.append("n: exit %s, %d sound samples played of %d" % (rc, skipped, full))

def pause(ctl):
    wait_audio(ctl, 8)
    key(ctl, b" ")
    # What was buffered plays out: wait for 0.3 s without output (5 s at
    # most), then nothing may come for a second.
    quiet_since, last, end = time.monotonic(), len(ctl["data"]), time.monotonic() + 5
    while time.monotonic() - quiet_since < 0.3 and time.monotonic() < end:
        time.sleep(0.02)
        if len(ctl["data"]) != last:
            quiet_since, last = time.monotonic(), len(ctl["data"])
    before = len(ctl["data"])
    time.sleep(1.0)
    ctl["during"] = len(ctl["data"]) - before
    key(ctl, b" ")
rc, paused, err, c = play(pause)
if rc != 0 or c["during"] != 0:
    fails.append("space: exit %s, %d bytes played while paused" % (rc, c["during"]))
if abs(paused - full) > full // 100:
    fails.append("space: %d sound samples after a pause, %d without" % (paused, full))
if not c["restored"]:
    fails.append("space: the terminal was left in raw mode")

def stop(ctl):
    wait_audio(ctl, 8)
    key(ctl, b" ")
    time.sleep(0.5)
    ctl["t"] = time.monotonic()
    key(ctl, b"\x03")  # Ctrl-C, as the terminal sends it
    try:
        ctl["p"].wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
    ctl["took"] = time.monotonic() - ctl["t"]
rc, _, err, c = play(stop)
if rc != 130 or c["took"] > 2:
    fails.append("Ctrl-C while paused: exit %s after %.1f s" % (rc, c["took"]))
if not c["restored"]:
    fails.append("Ctrl-C: the terminal was left in raw mode")

# Ctrl-Z stops newsbrief with the terminal back in its own modes; on fg
# (SIGCONT with the terminal still its own) keys work again and the whole
# briefing plays.
def suspend(ctl):
    wait_audio(ctl, 8)
    key(ctl, b"\x1a")  # Ctrl-Z, as the terminal sends it
    state, end = "", time.monotonic() + 5
    while time.monotonic() < end and state != "T":
        time.sleep(0.05)
        with open("/proc/%d/stat" % ctl["pid"]) as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    ctl["stopped"] = state == "T"
    lflag = termios.tcgetattr(ctl["m"])[3]
    ctl["cooked"] = bool(lflag & termios.ICANON) and bool(lflag & termios.ECHO)
    os.killpg(ctl["pid"], signal.SIGCONT)  # fg continues the whole job
    end = time.monotonic() + 5
    while time.monotonic() < end and termios.tcgetattr(ctl["m"])[3] & termios.ICANON:
        time.sleep(0.05)
    ctl["raw_again"] = not termios.tcgetattr(ctl["m"])[3] & termios.ICANON
rc, resumed, err, c = play(suspend, shell=True)
if not c["stopped"] or not c["cooked"]:
    fails.append("Ctrl-Z: stopped %s, terminal modes back %s" % (c["stopped"], c["cooked"]))
if not c["raw_again"] or rc != 0 or abs(resumed - full) > full // 100:
    fails.append("after fg: keys %s, exit %s, %d of %d sound samples" %
                 ("on" if c["raw_again"] else "off", rc, resumed, full))

for f in fails:
    print("FAIL: " + f, file=sys.stderr)
print("%d failed" % len(fails))
sys.exit(1 if fails else 0)
PY

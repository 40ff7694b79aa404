/* test_tts.c: synthesis in worker processes.  Pins the eSpeak NG 1.51 facts
 * the design rests on (which inputs crash it, that unknown variants are
 * silently ignored, that 0x01 and SSML in text are inert here) and the
 * fault handling: a crashed or hung worker costs one segment, is replaced,
 * and leaves no zombie. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "nb.h"
#include "sink/render.h"
#include "tts/tts.h"
#include "tts/tts_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *LONG_TEXT =
    "A spokesman for the White House stated on Friday that the United "
    "States does not support calls for a ceasefire at this time. National "
    "Security Council spokesman John Kirby told reporters that the "
    "administration would keep working with its partners in the region.";

static nb_tts *open_tts(unsigned jobs, unsigned timeout_ms) {
  nb_tts_opts o = {jobs, timeout_ms, NULL};
  nb_tts *t = NULL;
  nb_err e = {0};
  if (nb_tts_open(&o, &t, &e) != NB_OK)
    fail_msg("nb_tts_open: %s", e.msg);
  return t;
}

static nb_voice voice(const char *espeak) {
  nb_voice v;
  memset(&v, 0, sizeof v);
  snprintf(v.espeak, sizeof v.espeak, "%s", espeak);
  v.rate = 175;
  v.pitch = 50;
  v.range = 50;
  v.volume = 100;
  return v;
}

static char *repeat(const char *unit, size_t n) {
  size_t ul = strlen(unit);
  char *s = malloc(ul * n + 1);
  assert_non_null(s);
  for (size_t i = 0; i < n; i++)
    memcpy(s + i * ul, unit, ul);
  s[ul * n] = 0;
  return s;
}

/* Collects id and checks it is real speech with sane events. */
static size_t collect_ok(nb_tts *t, size_t id) {
  nb_tts_audio a;
  nb_err e = {0};
  nb_status st = nb_tts_collect(t, id, &a, &e);
  if (st != NB_OK)
    fail_msg("segment %zu: %s", id, e.msg);
  assert_true(a.n > 0);
  assert_non_null(a.pcm);
  size_t words = 0;
  uint32_t last = 0;
  for (size_t i = 0; i < a.n_events; i++) {
    assert_true(a.events[i].sample >= last);
    assert_true(a.events[i].sample <= a.n);
    last = a.events[i].sample;
    words += a.events[i].type == NB_TTS_WORD;
  }
  assert_true(words > 0);
  size_t n = a.n;
  nb_tts_audio_release(t, &a);
  return n;
}

static nb_status collect(nb_tts *t, size_t id, nb_tts_audio *a, nb_err *e) {
  memset(e, 0, sizeof *e);
  return nb_tts_collect(t, id, a, e);
}

static void assert_no_children(void) {
  errno = 0;
  assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
  assert_int_equal(errno, ECHILD);
}

/* Closing ends every process through its own parent: the workers see
 * their socket close, their synthesizer children (the current one and
 * the spare) read end of file and are waited for.  With this process as
 * the subreaper, a child its worker left behind (killed with the worker,
 * unreaped) would come back to us; none may.  Waited-for processes are
 * what time(1) and the like count. */
static void test_close_leaves_no_orphans(void **state) {
  (void)state;
  assert_int_equal(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
  nb_tts *t = open_tts(2, 0);
  nb_voice v = voice("en-us");
  for (size_t i = 0; i < 20; i++) /* three chunks: children came and went */
    nb_tts_submit(t, i, "A short sentence to speak.", &v);
  for (size_t i = 0; i < 20; i++)
    collect_ok(t, i);
  nb_tts_close(t);
  struct timespec ts = {0, 300 * 1000 * 1000}; /* time to be orphaned */
  nanosleep(&ts, NULL);
  pid_t r = waitpid(-1, NULL, WNOHANG);
  int err = errno;
  prctl(PR_SET_CHILD_SUBREAPER, 0);
  if (r != -1 || err != ECHILD)
    fail_msg("a process came back to the subreaper: %d", (int)r);
}

static void test_speaks_in_order_with_events(void **state) {
  (void)state;
  nb_tts *t = open_tts(2, 0);
  nb_voice v = voice("en-us");
  /* Short and long segments alternate: a mix-up of ids shows in lengths. */
  for (size_t i = 0; i < 12; i++)
    nb_tts_submit(t, i, i % 2 ? LONG_TEXT : "Yes.", &v);
  size_t prev = 0;
  for (size_t i = 0; i < 12; i++) {
    size_t n = collect_ok(t, i);
    if (i % 2)
      assert_true(n > 8 * prev); /* ~14 s of speech against ~0.5 s */
    else
      assert_true(n < NB_TTS_RATE * 2);
    prev = n;
  }
  nb_tts_close(t);
  assert_no_children();
}

static void test_word_events_match_text(void **state) {
  (void)state;
  nb_tts *t = open_tts(1, 0);
  nb_voice v = voice("en-us");
  nb_tts_submit(t, 0, "One two three four five.", &v);
  nb_tts_audio a;
  nb_err e;
  assert_int_equal(collect(t, 0, &a, &e), NB_OK);
  size_t words = 0;
  for (size_t i = 0; i < a.n_events; i++)
    if (a.events[i].type == NB_TTS_WORD) {
      /* Positions are 1-based characters: words start at 1, 5, 9, 15, 20. */
      static const uint32_t pos[] = {1, 5, 9, 15, 20};
      assert_true(words < 5);
      assert_int_equal(a.events[i].text_pos, pos[words]);
      words++;
    }
  assert_int_equal(words, 5);
  nb_tts_audio_release(t, &a);
  nb_tts_close(t);
}

/* eSpeak 1.51 fact: "U." x90 (no spaces) aborts it.  Raw, it costs one
 * segment; the worker is replaced and the next segment is fine.  Through
 * nb_tts_submit (sanitized), it is spoken. */
static void test_raw_crash_fails_one_segment(void **state) {
  (void)state;
  nb_tts *t = open_tts(1, 0);
  nb_voice v = voice("en-us");
  pid_t before = nb__tts_worker_pid(t, 0);
  char *bad = repeat("U.", 90);
  nb__tts_submit_raw(t, 0, bad, &v, 0);
  nb_tts_submit(t, 1, "The next segment still works.", &v);
  nb_tts_submit(t, 2, bad, &v);
  nb_tts_audio a;
  nb_err e;
  assert_int_equal(collect(t, 0, &a, &e), NB_TTS);
  assert_non_null(strstr(e.msg, "synthesizer crashed"));
  assert_null(a.pcm);
  collect_ok(t, 1);
  collect_ok(t, 2);
  assert_true(nb__tts_worker_pid(t, 0) != before);
  assert_true(nb__tts_worker_pid(t, 0) > 0);
  free(bad);
  nb_tts_close(t);
  assert_no_children();
}

static void test_crash_hook_reports_signal(void **state) {
  (void)state;
  nb_tts *t = open_tts(2, 0);
  nb_voice v = voice("en-us");
  nb__tts_submit_raw(t, 0, "crash", &v, NB__TTS_CRASH);
  nb_tts_submit(t, 1, "Fine.", &v);
  nb_tts_audio a;
  nb_err e;
  assert_int_equal(collect(t, 0, &a, &e), NB_TTS);
  assert_string_equal(e.msg, "synthesizer crashed (signal 6)");
  collect_ok(t, 1);
  nb_tts_close(t);
  assert_no_children();
}

static void test_hung_worker_is_killed(void **state) {
  (void)state;
  nb_tts *t = open_tts(1, 300);
  nb_voice v = voice("en-us");
  pid_t before = nb__tts_worker_pid(t, 0);
  nb__tts_submit_raw(t, 0, "hang", &v, NB__TTS_HANG);
  nb_tts_submit(t, 1, "After the hang.", &v);
  nb_tts_audio a;
  nb_err e;
  assert_int_equal(collect(t, 0, &a, &e), NB_TTS);
  assert_string_equal(e.msg, "synthesizer timed out after 300 ms");
  collect_ok(t, 1);
  pid_t after = nb__tts_worker_pid(t, 0);
  assert_true(after != before && after > 0);
  /* The hung one is gone for good, not left as a zombie. */
  assert_int_equal(kill(before, 0), -1);
  nb_tts_close(t);
  assert_no_children();
}

/* A synthesizer that dies after streaming part of a segment: the segment
 * fails whole (no partial audio reaches the caller), the next one is
 * spoken. */
static void test_crash_mid_stream(void **state) {
  (void)state;
  nb_tts *t = open_tts(1, 0);
  nb_voice v = voice("en-us");
  /* About 14 s of speech: several frames go out before the abort. */
  nb__tts_submit_raw(t, 0, LONG_TEXT, &v, NB__TTS_CRASH_LATE);
  nb_tts_submit(t, 1, "Fine.", &v);
  nb_tts_audio a;
  nb_err e;
  assert_int_equal(collect(t, 0, &a, &e), NB_TTS);
  assert_string_equal(e.msg, "synthesizer crashed (signal 6)");
  assert_null(a.pcm);
  assert_int_equal(a.n, 0);
  collect_ok(t, 1);
  nb_tts_close(t);
  assert_no_children();
}

/* Collects id's samples into *out (caller frees). */
static size_t samples_of(nb_tts *t, size_t id, int16_t **out) {
  nb_tts_audio a;
  nb_err e;
  if (collect(t, id, &a, &e) != NB_OK)
    fail_msg("segment %zu: %s", id, e.msg);
  *out = a.pcm;
  a.pcm = NULL;
  size_t n = a.n;
  nb_tts_audio_release(t, &a);
  return n;
}

/* eSpeak carries state from a synthesis to the next, so the samples of a
 * segment depend on what its synthesizer spoke before.  Chunks of
 * NB_TTS_CHUNK ids, each spoken in order by a fresh synthesizer, make them
 * a function of the script alone: the same with one worker or three, and
 * a chunk's first segment the same as the text spoken first by a new
 * synthesizer. */
static void test_samples_depend_on_script_only(void **state) {
  (void)state;
  enum { N = 3 * NB_TTS_CHUNK + 1 };
  char text[N][64];
  for (size_t i = 0; i < N; i++)
    snprintf(text[i], sizeof text[i], "Sentence number %zu of the test.",
             i * 7 + 3);
  nb_voice v = voice("en-us+f3");
  int16_t *one[N], *three[N];
  size_t n_one[N], n_three[N];
  nb_tts *t = open_tts(1, 0);
  for (size_t i = 0; i < N; i++)
    nb_tts_submit(t, i, text[i], &v);
  for (size_t i = 0; i < N; i++)
    n_one[i] = samples_of(t, i, &one[i]);
  nb_tts_close(t);
  t = open_tts(3, 0);
  for (size_t i = 0; i < N; i++)
    nb_tts_submit(t, i, text[i], &v);
  for (size_t i = 0; i < N; i++)
    n_three[i] = samples_of(t, i, &three[i]);
  nb_tts_close(t);
  for (size_t i = 0; i < N; i++) {
    assert_int_equal(n_one[i], n_three[i]);
    assert_memory_equal(one[i], three[i], n_one[i] * sizeof *one[i]);
  }
  /* The second chunk starts fresh. */
  t = open_tts(1, 0);
  nb_tts_submit(t, 0, text[NB_TTS_CHUNK], &v);
  int16_t *fresh;
  size_t n_fresh = samples_of(t, 0, &fresh);
  nb_tts_close(t);
  assert_int_equal(n_fresh, n_one[NB_TTS_CHUNK]);
  assert_memory_equal(fresh, one[NB_TTS_CHUNK], n_fresh * sizeof *fresh);
  free(fresh);
  for (size_t i = 0; i < N; i++) {
    free(one[i]);
    free(three[i]);
  }
  assert_no_children();
}

/* A worker keeps its chunk's next id for itself, waiting for it while it
 * is not submitted; but ids may come with gaps (here 1 never comes): a
 * later id queued means the gap will not fill, and nothing waits forever. */
static void test_gap_in_ids_does_not_stall(void **state) {
  (void)state;
  alarm(60); /* a stall ends the test (SIGALRM) instead of hanging CI */
  nb_tts *t = open_tts(1, 0);
  nb_voice v = voice("en-us");
  nb_tts_submit(t, 0, "First.", &v);
  nb_tts_submit(t, 2, "Third.", &v);
  collect_ok(t, 2);
  collect_ok(t, 0);
  nb_tts_submit(t, NB_TTS_CHUNK + 3, "Far ahead.", &v);
  collect_ok(t, NB_TTS_CHUNK + 3);
  nb_tts_close(t);
  alarm(0);
  assert_no_children();
}

/* eSpeak 1.51 fact: an unknown voice fails, but an unknown variant is
 * silently ignored; both must come back as errors. */
static void test_unknown_voice_and_variant(void **state) {
  (void)state;
  nb_tts *t = open_tts(1, 0);
  nb_voice bad = voice("no-such-voice");
  nb_voice badvar = voice("en-us+nosuchvariant");
  nb_voice good = voice("en-us+f3");
  nb_tts_submit(t, 0, "Hello.", &bad);
  nb_tts_submit(t, 1, "Hello.", &badvar);
  nb_tts_submit(t, 2, "Hello.", &good);
  nb_tts_audio a;
  nb_err e;
  assert_int_equal(collect(t, 0, &a, &e), NB_TTS);
  assert_non_null(strstr(e.msg, "no-such-voice"));
  assert_int_equal(collect(t, 1, &a, &e), NB_TTS);
  assert_non_null(strstr(e.msg, "nosuchvariant"));
  collect_ok(t, 2);
  nb_tts_close(t);
}

/* Word starts (1-based character positions) and sample count of a
 * segment: eSpeak's samples vary by a few from call to call (it is not
 * bit-exact), its words do not. */
typedef struct shape {
  uint32_t pos[32];
  size_t words, n;
} shape;

static shape shape_of(nb_tts *t, size_t id) {
  nb_tts_audio a;
  nb_err e;
  shape s;
  memset(&s, 0, sizeof s);
  if (collect(t, id, &a, &e) != NB_OK)
    fail_msg("segment %zu: %s", id, e.msg);
  for (size_t i = 0; i < a.n_events; i++)
    if (a.events[i].type == NB_TTS_WORD && s.words < 32)
      s.pos[s.words++] = a.events[i].text_pos;
  s.n = a.n;
  nb_tts_audio_release(t, &a);
  return s;
}

static int same_speech(const shape *a, const shape *b) {
  double ratio = (double)a->n / (double)b->n;
  return a->words == b->words &&
         memcmp(a->pos, b->pos, a->words * sizeof *a->pos) == 0 &&
         ratio > 0.98 && ratio < 1.02;
}

/* eSpeak 1.51 fact: 0x01 in plain text starts an embedded command
 * ("\x01Vfr" switches to French).  Sanitized text speaks like the text
 * without the byte. */
static void test_embedded_command_is_inert(void **state) {
  (void)state;
  nb_tts *t = open_tts(1, 0);
  nb_voice v = voice("en-us");
  const char *plain = "Hello there. Vfr bonjour mes amis.";
  const char *evil = "Hello there. \x01Vfr bonjour mes amis.";
  nb_tts_submit(t, 0, plain, &v);
  nb_tts_submit(t, 1, evil, &v);
  nb__tts_submit_raw(t, 2, evil, &v, 0);
  shape s0 = shape_of(t, 0), s1 = shape_of(t, 1), s2 = shape_of(t, 2);
  assert_int_equal(s0.words, 6);
  assert_true(same_speech(&s0, &s1));
  /* Raw, the byte is obeyed: "Vfr" is not spoken and French follows.  If
   * this fails, eSpeak no longer reads embedded commands in plain text:
   * re-check ESPEAK.md. */
  assert_false(same_speech(&s0, &s2));
  nb_tts_close(t);
}

/* SSML in article text is spoken as words: no <audio> fetch, no file read,
 * no shell.  The file named in src exists, so that 1.51 would hand it to
 * system("sox ...") if the text were ever treated as SSML without a URI
 * callback. */
static void test_ssml_in_text_is_words(void **state) {
  (void)state;
  char dir[] = "/tmp/nb-tts-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char cwd[PATH_MAX];
  assert_non_null(getcwd(cwd, sizeof cwd));
  assert_int_equal(chdir(dir), 0);
  int fd = open("x$(touch PWNED).wav", O_WRONLY | O_CREAT, 0644);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, "RIFF0000WAVEfmt ", 16), 16);
  close(fd);

  nb_tts *t = open_tts(1, 0);
  nb_voice v = voice("en-us");
  const char *texts[] = {
      "<audio src=\"x$(touch PWNED).wav\"/>",
      "<speak><audio src=\"x$(touch PWNED).wav\">fallback</audio></speak>",
      "<voice name=\"fr\">bonjour</voice> <prosody rate=\"x-slow\">slow</prosody>",
      "&lt;audio src=&quot;x$(touch PWNED).wav&quot;/&gt; &#x01;",
  };
  size_t n = sizeof texts / sizeof *texts;
  for (size_t i = 0; i < n; i++) {
    nb_tts_submit(t, 2 * i, texts[i], &v);
    nb__tts_submit_raw(t, 2 * i + 1, texts[i], &v, 0);
  }
  for (size_t i = 0; i < 2 * n; i++) {
    /* Spoken, not swallowed as markup: over half a second of speech. */
    size_t samples = collect_ok(t, i);
    assert_true(samples > NB_TTS_RATE / 2);
  }
  nb_tts_close(t);
  struct stat st;
  assert_int_equal(stat("PWNED", &st), -1);
  assert_int_equal(unlink("x$(touch PWNED).wav"), 0);
  assert_int_equal(chdir(cwd), 0);
  assert_int_equal(rmdir(dir), 0);
}

static char *read_data(const char *name) {
  const char *src = getenv("NB_SRC");
  char path[PATH_MAX];
  snprintf(path, sizeof path, "%s/tests/data/espeak-crash/%s",
           src ? src : ".", name);
  char *buf = NULL;
  size_t len = 0;
  nb_err e = {0};
  if (nb_read_file(path, 1 << 20, &buf, &len, &e) != NB_OK)
    fail_msg("%s", e.msg);
  return buf;
}

/* Every upstream crash vector ends in a result.  Sanitized, none crashes;
 * raw, the ones that still crash Debian's 1.51 fail alone. */
static void test_crash_vectors(void **state) {
  (void)state;
  static const struct {
    const char *file;
    int raw_crashes; /* pinned: does raw eSpeak 1.51 die on it? */
  } vec[] = {
      {"cve-2023-49990.txt", 0},
      {"cve-2023-49991.txt", 0},
      {"cve-2023-49992.txt", 0},
      {"cve-2023-49993.txt", 0},
      {"cve-2023-49994.txt", 0},
      {"dotted-abbrev-skipwords-oob.txt", 1},
      {"dotted-abbrev-stack-oob.txt", 1},
      {"lookupdict-boundary.txt", 0},
      {"phoneme-table-switch-appendvowel.txt", 0},
      {"phoneme-table-switch-condition.txt", 0},
      {"phoneme-table-switch-latin.txt", 0},
      {"phoneme-table-switch-nextvowel.txt", 0},
      {"phoneme-table-switch-otherlang.txt", 0},
      {"phoneme-table-switch-stress.txt", 0},
  };
  size_t n = sizeof vec / sizeof *vec;
  nb_tts *t = open_tts(2, 10000);
  nb_voice v = voice("en-us");
  size_t id = 0;
  for (size_t i = 0; i < n; i++) {
    char *text = read_data(vec[i].file);
    nb_tts_submit(t, id++, text, &v);
    /* Raw text still goes through the same plain-text path: the CVE
     * vectors' 0x01 bytes are embedded commands there, which is what
     * Debian's patches are pinned against. */
    nb__tts_submit_raw(t, id++, text, &v, 0);
    free(text);
  }
  id = 0;
  for (size_t i = 0; i < n; i++) {
    nb_tts_audio a;
    nb_err e;
    nb_status st = collect(t, id++, &a, &e);
    if (st != NB_OK)
      fail_msg("%s, sanitized: %s", vec[i].file, e.msg);
    nb_tts_audio_release(t, &a);
    st = collect(t, id++, &a, &e);
    if (vec[i].raw_crashes && st == NB_OK)
      fail_msg("%s no longer crashes raw eSpeak: re-check ESPEAK.md",
               vec[i].file);
    if (!vec[i].raw_crashes && st != NB_OK)
      fail_msg("%s raw: %s", vec[i].file, e.msg);
    if (st != NB_OK)
      assert_non_null(strstr(e.msg, "synthesizer crashed"));
    nb_tts_audio_release(t, &a);
  }
  nb_tts_close(t);
  assert_no_children();
}

/* The crash shapes of ESPEAK.md inside ordinary text: raw they crash
 * (pinned), sanitized they are spoken. */
static void test_crash_shapes_in_article(void **state) {
  (void)state;
  static const struct {
    const char *unit;
    size_t n;
  } shapes[] = {{"U.", 90}, {"a . ", 100}, {"s'", 70}, {"\xc3\xa9 . ", 60}};
  nb_tts *t = open_tts(2, 10000);
  nb_voice v = voice("en-us");
  size_t n = sizeof shapes / sizeof *shapes;
  for (size_t i = 0; i < n; i++) {
    char *run = repeat(shapes[i].unit, shapes[i].n);
    nb_buf b = {0};
    nb_buf_printf(&b, "The minister said on Friday that %s was all.", run);
    nb_tts_submit(t, 2 * i, b.ptr, &v);
    nb__tts_submit_raw(t, 2 * i + 1, run, &v, 0);
    nb_buf_release(&b);
    free(run);
  }
  for (size_t i = 0; i < n; i++) {
    collect_ok(t, 2 * i);
    nb_tts_audio a;
    nb_err e;
    if (collect(t, 2 * i + 1, &a, &e) == NB_OK)
      fail_msg("\"%s\" x%zu no longer crashes raw eSpeak: re-check ESPEAK.md",
               shapes[i].unit, shapes[i].n);
  }
  nb_tts_close(t);
  assert_no_children();
}

static void test_collect_misuse(void **state) {
  (void)state;
  nb_tts *t = open_tts(1, 0);
  nb_tts_audio a;
  nb_err e;
  assert_int_equal(collect(t, 5, &a, &e), NB_USAGE);
  nb_voice v = voice("en");
  nb_tts_submit(t, 0, "", &v);
  /* Empty text is a segment of (almost) no audio, not an error. */
  assert_int_equal(collect(t, 0, &a, &e), NB_OK);
  nb_tts_audio_release(t, &a);
  assert_int_equal(collect(t, 0, &a, &e), NB_USAGE);
  /* Closing with segments still queued or running reaps everything. */
  for (size_t i = 1; i < 6; i++)
    nb_tts_submit(t, i, LONG_TEXT, &v);
  nb_tts_close(t);
  nb_tts_close(NULL);
  assert_no_children();
}

static void test_list_voices(void **state) {
  (void)state;
  nb_buf b = {0};
  nb_err e = {0};
  assert_int_equal(nb_tts_list_voices(&b, &e), NB_OK);
  assert_non_null(strstr(b.ptr, "\ten-us\t"));
  assert_non_null(strstr(b.ptr, "\tfr-fr\t"));
  nb_buf_release(&b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_close_leaves_no_orphans),
      cmocka_unit_test(test_speaks_in_order_with_events),
      cmocka_unit_test(test_word_events_match_text),
      cmocka_unit_test(test_raw_crash_fails_one_segment),
      cmocka_unit_test(test_crash_hook_reports_signal),
      cmocka_unit_test(test_hung_worker_is_killed),
      cmocka_unit_test(test_crash_mid_stream),
      cmocka_unit_test(test_samples_depend_on_script_only),
      cmocka_unit_test(test_gap_in_ids_does_not_stall),
      cmocka_unit_test(test_unknown_voice_and_variant),
      cmocka_unit_test(test_embedded_command_is_inert),
      cmocka_unit_test(test_ssml_in_text_is_words),
      cmocka_unit_test(test_crash_vectors),
      cmocka_unit_test(test_crash_shapes_in_article),
      cmocka_unit_test(test_collect_misuse),
      cmocka_unit_test(test_list_voices),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

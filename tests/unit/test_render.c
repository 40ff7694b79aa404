/* test_render.c: nb_render end to end (eSpeak workers to files) on a script
 * built by hand.  Checks what a listener or a podcast host would: format,
 * rate, channels, length against the timeline, silence exactly where the
 * pauses are, loudness and true peak measured by libebur128, metadata, and
 * that a failed or interrupted run leaves nothing behind.  Never bytes of
 * audio: eSpeak versions differ. */
#include "sink/render.h"
#include "sink/sink.h"

#include <ebur128.h>
#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "render_helpers.h"

static const nb_voice narrator = {"narrator", "en-us", 175, 50, 50, 100, 300};
static const nb_voice quote = {"quote", "en-us+f3", 160, 70, 50, 100, 300};
static const nb_voice bad = {"bad", "zz-no-such-voice", 160, 70, 50, 100, 300};

static nb_segment segs[] = {
    {NB_ROLE_INTRO, "Here is your briefing.", NULL, &narrator, -1, 500},
    {NB_ROLE_LEAD,
     "A spokesman for the White House stated on Friday that the United "
     "States does not support a ceasefire.",
     NULL, &narrator, 0, 300},
    {NB_ROLE_ATTRIBUTION,
     "National Security Council spokesman John Kirby told reporters", NULL,
     &narrator, 0, 300},
    {NB_ROLE_QUOTE, "We do not support calls for a ceasefire at this time.",
     "John Kirby", &quote, 0, 700},
    {NB_ROLE_OUTRO, "That was your briefing.", NULL, &narrator, -1, 200},
};
#define NSEG (sizeof segs / sizeof segs[0])
static const char *titles[] = {"The White House on a ceasefire"};
static nb_script script = {segs, NSEG, NSEG, titles, 1, NULL, NULL};

static char *slurp(const char *p) {
  FILE *f = fopen(p, "rb");
  assert_non_null(f);
  char *b = calloc(1, 1 << 20);
  size_t n = fread(b, 1, (1 << 20) - 1, f);
  b[n] = 0;
  fclose(f);
  return b;
}

/* start_sample/end_sample of each segment, read from --segments JSON. */
static void read_bounds(const char *json, long long *st, long long *en) {
  const char *p = json;
  for (size_t i = 0; i < NSEG; i++) {
    p = strstr(p, "\"start_sample\": ");
    assert_non_null(p);
    assert_int_equal(sscanf(p, "\"start_sample\": %lld, \"end_sample\": %lld",
                            &st[i], &en[i]),
                     2);
    p++;
  }
}

static nb_render_opts opts(void) {
  nb_render_opts o = {0};
  o.jobs = 2;
  return o;
}

/* 22,050 Hz mono, no loudness processing: the file is eSpeak's samples and
 * the inserted silence, so the timeline can be checked sample by sample. */
static void test_wav_timeline(void **state) {
  (void)state;
  nb_render_opts o = opts();
  o.output = path_in("plain.wav");
  o.segments = path_in("plain.json");
  o.chapters = path_in("plain.chapters.json");
  o.transcript = path_in("plain.vtt");
  o.rate = 22050;
  o.loudness_off = 1;
  nb_render_result r = {0};
  nb_err e = {0};
  assert_int_equal(nb_render(&script, &o, &r, &e), NB_OK);
  assert_int_equal(r.n_segments, NSEG);
  assert_int_equal(r.n_failed, 0);

  SF_INFO info = {0};
  SNDFILE *sf = sf_open(o.output, SFM_READ, &info);
  assert_non_null(sf);
  assert_int_equal(info.samplerate, 22050);
  assert_int_equal(info.channels, 1);
  assert_int_equal(info.format, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
  short *x = malloc((size_t)info.frames * sizeof *x);
  assert_int_equal(sf_readf_short(sf, x, info.frames), info.frames);
  sf_close(sf);
  /* a few seconds of speech, and the duration is the file's length */
  assert_true(info.frames > 22050 * 5 && info.frames < 22050 * 30);
  assert_true(fabs(r.duration - info.frames / 22050.0) < 1e-9);

  char *json = slurp(o.segments);
  assert_non_null(strstr(json, "{\"sample_rate\": 22050, \"duration\": "));
  long long st[NSEG], en[NSEG];
  read_bounds(json, st, en);
  assert_int_equal(st[0], 0);
  for (size_t i = 0; i < NSEG; i++) {
    /* each segment holds speech ... */
    assert_true(en[i] - st[i] > 22050 / 2);
    int loud = 0;
    for (long long k = st[i]; k < en[i]; k++)
      loud |= abs(x[k]) > 1000;
    assert_true(loud);
    /* ... and is followed by exactly its pause, in silence */
    long long next = i + 1 < NSEG ? st[i + 1] : info.frames;
    assert_int_equal(next - en[i], (long long)segs[i].pause_ms * 22050 / 1000);
    for (long long k = en[i]; k < next; k++)
      assert_int_equal(x[k], 0);
  }
  free(json);
  free(x);

  char *vtt = slurp(o.transcript);
  assert_true(strncmp(vtt, "WEBVTT\n\n1\n00:00:00.000 --> ", 27) == 0);
  assert_non_null(strstr(vtt, "<v John Kirby>We do not support calls for a "
                              "ceasefire at this time.</v>"));
  free(vtt);
  char *ch = slurp(o.chapters);
  assert_non_null(strstr(ch, "{\"version\": \"1.2.0\", \"chapters\": [\n"
                             "  {\"startTime\": 0.000000, \"title\": \"Here is "
                             "your briefing.\"},\n  {\"startTime\": "));
  assert_non_null(strstr(ch, "\"title\": \"The White House on a ceasefire\"}"));
  free(ch);
}

/* Integrated loudness and true peak of a file, measured by libebur128. */
static void measure(const char *p, int *rate, int *channels, double *lufs,
                    double *tp) {
  SF_INFO info = {0};
  SNDFILE *sf = sf_open(p, SFM_READ, &info);
  assert_non_null(sf);
  *rate = info.samplerate;
  *channels = info.channels;
  ebur128_state *st = ebur128_init((unsigned)info.channels,
                                   (unsigned long)info.samplerate,
                                   EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK);
  float buf[4096 * 2];
  sf_count_t k;
  while ((k = sf_readf_float(sf, buf, 4096 / info.channels)) > 0)
    ebur128_add_frames_float(st, buf, (size_t)k);
  sf_close(sf);
  ebur128_loudness_global(st, lufs);
  *tp = -HUGE_VAL;
  for (int c = 0; c < info.channels; c++) {
    double v;
    ebur128_true_peak(st, (unsigned)c, &v);
    if (20 * log10(v) > *tp)
      *tp = 20 * log10(v);
  }
  ebur128_destroy(&st);
}

static void loud_case(const char *name, unsigned channels, int want_rate,
                      double want_lufs) {
  nb_render_opts o = opts();
  o.output = path_in(name);
  o.channels = channels;
  o.title = "Morning Briefing";
  nb_render_result r = {0};
  nb_err e = {0};
  assert_int_equal(nb_render(&script, &o, &r, &e), NB_OK);
  int rate, ch;
  double lufs, tp;
  measure(o.output, &rate, &ch, &lufs, &tp);
  print_message("%s: %d Hz, %d ch, %.2f LUFS, %.2f dBTP\n", name, rate, ch,
                lufs, tp);
  assert_int_equal(rate, want_rate);
  assert_int_equal(ch, channels ? (int)channels : 1);
  assert_true(fabs(lufs - want_lufs) <= 1.0);
  assert_true(tp <= -1.0);
  SNDFILE *sf = sf_open(o.output, SFM_READ, &(SF_INFO){0});
  const char *t = sf_get_string(sf, SF_STR_TITLE);
  assert_non_null(t);
  assert_string_equal(t, "Morning Briefing");
  sf_close(sf);
}

static void test_loudness_formats(void **state) {
  (void)state;
  loud_case("mono.wav", 0, 44100, -19);
  /* the same with the spool spilling to a file after one second */
  nb__spool_mem = 22050;
  loud_case("spilled.wav", 0, 44100, -19);
  nb__spool_mem = (size_t)8 << 20;
  /* and the spill file is gone */
  DIR *d = opendir(dir);
  struct dirent *de;
  while ((de = readdir(d)))
    assert_null(strstr(de->d_name, "spool"));
  closedir(d);
  loud_case("stereo.flac", 2, 44100, -16);
  loud_case("mono.opus", 0, 48000, -19);
  loud_case("mono.mp3", 0, 44100, -19);
  loud_case("mono.ogg", 0, 44100, -19);
}

/* The resampled file is as long as the timeline says, at its own rate. */
static void test_resampled_length(void **state) {
  (void)state;
  nb_render_opts o = opts();
  o.output = path_in("len.wav");
  o.segments = path_in("len.json");
  nb_render_result r = {0};
  nb_err e = {0};
  assert_int_equal(nb_render(&script, &o, &r, &e), NB_OK);
  SF_INFO info = {0};
  SNDFILE *sf = sf_open(o.output, SFM_READ, &info);
  sf_close(sf);
  assert_int_equal(info.samplerate, 44100);
  assert_true(fabs(info.frames - r.duration * 44100) <= 1);
  char *json = slurp(o.segments);
  assert_non_null(strstr(json, "{\"sample_rate\": 44100, "));
  free(json);
}

static void test_bad_options(void **state) {
  (void)state;
  int before = entries();
  nb_render_opts o = opts();
  nb_err e = {0};
  o.output = path_in("out.aiff");
  assert_int_equal(nb_render(&script, &o, NULL, &e), NB_USAGE);
  assert_non_null(strstr(e.msg, "out.aiff: unknown audio format"));
  o.output = path_in("out.wav");
  o.transcript = path_in("t.txt");
  assert_int_equal(nb_render(&script, &o, NULL, &e), NB_USAGE);
  o.transcript = NULL;
  o.channels = 3;
  assert_int_equal(nb_render(&script, &o, NULL, &e), NB_USAGE);
  o.channels = 0;
  o.output = "/nonexistent-dir/out.wav";
  assert_int_equal(nb_render(&script, &o, NULL, &e), NB_IO);
  assert_non_null(strstr(e.msg, "/nonexistent-dir/out.wav: "));
  assert_int_equal(entries(), before);
}

/* Interrupted: NB_INTERRUPTED, the older file untouched, no temporary or
 * spool file left, no timeline written. */
static void test_interrupted_keeps_old(void **state) {
  (void)state;
  const char *p = path_in("keep.wav");
  FILE *f = fopen(p, "w");
  fputs("older episode", f);
  fclose(f);
  int before = entries();
  volatile sig_atomic_t stop = 1;
  nb_render_opts o = opts();
  o.output = p;
  o.segments = path_in("keep.json");
  o.interrupted = &stop;
  nb_err e = {0};
  assert_int_equal(nb_render(&script, &o, NULL, &e), NB_INTERRUPTED);
  assert_int_equal(entries(), before);
  char *b = slurp(p);
  assert_string_equal(b, "older episode");
  free(b);
}

static char warned[1024];
static void on_diag(void *ud, nb_level level, const char *msg) {
  (void)ud;
  if (level == NB_WARN)
    snprintf(warned, sizeof warned, "%s", msg);
}

/* A segment the synthesizer cannot speak is skipped with a warning that
 * names it; the rest of the briefing is written. */
static void test_failed_segment(void **state) {
  (void)state;
  nb_segment s2[NSEG];
  memcpy(s2, segs, sizeof segs);
  s2[3].voice = &bad;
  nb_script sc = {s2, NSEG, NSEG, titles, 1, NULL, NULL};
  nb_diag d = {on_diag, NULL};
  nb_render_opts o = opts();
  o.output = path_in("partial.wav");
  o.diag = &d;
  nb_render_result r = {0};
  nb_err e = {0};
  assert_int_equal(nb_render(&sc, &o, &r, &e), NB_OK);
  assert_int_equal(r.n_failed, 1);
  assert_int_equal(r.n_segments, NSEG);
  assert_true(strncmp(warned, "story 1, segment 3 (quote): ", 28) == 0);
  assert_non_null(strstr(warned, "; skipped"));
  assert_int_equal(access(o.output, F_OK), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_wav_timeline),
      cmocka_unit_test(test_loudness_formats),
      cmocka_unit_test(test_resampled_length),
      cmocka_unit_test(test_bad_options),
      cmocka_unit_test(test_interrupted_keeps_old),
      cmocka_unit_test(test_failed_segment),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}

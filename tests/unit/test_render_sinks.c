/* test_render_sinks.c: the audio sinks on synthetic signals (sine bursts),
 * without the synthesizer: file formats and metadata, atomic output and
 * write failures, resampling, the loudness meter and the true-peak limiter.
 * Files are read back with libsndfile and measured with libebur128
 * directly, not through the code under test. */
#include "sink/sink.h"

#include <ebur128.h>
#include <math.h>
#include <signal.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "render_helpers.h"

/* A tone of `hz` at amplitude a for n samples at `rate`. */
static float *tone(unsigned rate, double hz, double a, size_t n) {
  float *x = malloc(n * sizeof *x);
  for (size_t i = 0; i < n; i++)
    x[i] = (float)(a * sin(2 * M_PI * hz * (double)i / rate));
  return x;
}

static void test_kind_of(void **state) {
  (void)state;
  nb__file_kind k;
  nb_err e = {0};
  assert_int_equal(nb__file_kind_of("a.wav", &k, &e), NB_OK);
  assert_int_equal(k, NB__FILE_WAV);
  assert_int_equal(nb__file_kind_of("dir.x/A.MP3", &k, &e), NB_OK);
  assert_int_equal(k, NB__FILE_MP3);
  assert_int_equal(nb__file_kind_of("b.opus", &k, &e), NB_OK);
  assert_int_equal(nb__file_default_rate(k), 48000);
  assert_int_equal(nb__file_kind_of("b.flac", &k, &e), NB_OK);
  assert_int_equal(nb__file_kind_of("b.ogg", &k, &e), NB_OK);
  assert_int_equal(nb__file_kind_of("out.aiff", &k, &e), NB_USAGE);
  assert_non_null(strstr(e.msg, "out.aiff: unknown audio format"));
  assert_int_equal(nb__file_kind_of("dir.wav/out", &k, &e), NB_USAGE);
}

/* Each format: right rate, channels and length, and the title read back. */
static void check_format(const char *name, unsigned rate, unsigned channels,
                         int exact_len) {
  nb_err e = {0};
  nb__file_sink *f = NULL;
  nb__file_meta meta = {.title = "Morning Briefing", .artist = "newsbrief"};
  const char *p = path_in(name);
  assert_int_equal(nb__file_open(p, rate, channels, 0, &meta, &f, &e), NB_OK);
  size_t n = rate; /* one second */
  float *x = tone(rate, 440, 0.5, n);
  assert_int_equal(nb__file_write(f, x, n, &e), NB_OK); /* mono in */
  assert_int_equal(nb__file_commit(f, &e), NB_OK);
  SF_INFO info = {0};
  SNDFILE *sf = sf_open(p, SFM_READ, &info);
  assert_non_null(sf);
  assert_int_equal(info.samplerate, (int)rate);
  assert_int_equal(info.channels, (int)channels);
  if (exact_len) { /* lossless: every channel is the mono signal */
    float *back = malloc(n * channels * sizeof *back);
    assert_int_equal(sf_readf_float(sf, back, (sf_count_t)n), (sf_count_t)n);
    for (size_t i = 0; i < n; i++)
      for (unsigned c = 0; c < channels; c++)
        assert_true(fabsf(back[i * channels + c] - x[i]) <= 1.0f / 32768);
    free(back);
    sf_seek(sf, 0, SEEK_SET);
  }
  free(x);
  if (exact_len)
    assert_int_equal(info.frames, (sf_count_t)n);
  else /* lossy codecs pad to whole frames */
    assert_true(llabs((long long)info.frames - (long long)n) < (long long)rate / 10);
  const char *title = sf_get_string(sf, SF_STR_TITLE);
  assert_non_null(title);
  assert_string_equal(title, "Morning Briefing");
  sf_close(sf);
}

static void test_formats(void **state) {
  (void)state;
  check_format("a.wav", 44100, 1, 1);
  check_format("a.flac", 44100, 2, 1);
  check_format("a.ogg", 44100, 1, 0);
  check_format("a.opus", 48000, 1, 0);
  check_format("a.mp3", 44100, 1, 0);
  /* Opus refuses eSpeak's own rate: a usage error, and nothing written. */
  nb_err e = {0};
  nb__file_sink *f = NULL;
  assert_int_equal(nb__file_open(path_in("b.opus"), 22050, 1, 0, NULL, &f, &e),
                   NB_USAGE);
  assert_null(f);
  assert_int_equal(access(path_in("b.opus"), F_OK), -1);
}

/* Without gain, int16 -> float (/32768) -> file gives back the same ints. */
static void test_wav_exact(void **state) {
  (void)state;
  nb_err e = {0};
  nb__file_sink *f = NULL;
  assert_int_equal(nb__file_open(path_in("x.wav"), 22050, 1, 0, NULL, &f, &e),
                   NB_OK);
  float x[65536 + 2];
  int16_t want[65536 + 2];
  for (int i = 0; i < 65536; i++) {
    want[i] = (int16_t)(i - 32768);
    x[i] = want[i] / 32768.0f;
  }
  assert_int_equal(nb__file_write(f, x, 65536, &e), NB_OK);
  assert_int_equal(nb__file_commit(f, &e), NB_OK);
  SF_INFO info = {0};
  SNDFILE *sf = sf_open(path_in("x.wav"), SFM_READ, &info);
  assert_non_null(sf);
  int16_t got[65536];
  assert_int_equal(sf_read_short(sf, got, 65536), 65536);
  sf_close(sf);
  for (int i = 0; i < 65536; i++)
    assert_int_equal(got[i], want[i]);
}

/* The sink turns float into 16 bits itself for WAV (big blocks, one write
 * each): x 32768, rounded to nearest (ties to even), clamped.  Checked
 * against that formula in double precision and against libsndfile's own
 * conversion for FLAC, which is the same; ties, clipping and tiny values
 * included.  And 16-bit input goes out unchanged, to every channel. */
static void test_s16_rounding(void **state) {
  (void)state;
  enum { N = 120000 };
  float *x = malloc(N * sizeof *x);
  unsigned r = 12345;
  for (int i = 0; i < N; i++) {
    r = r * 1103515245u + 12345u;
    float u = (float)((r >> 8) & 0xffff) / 65536.0f; /* [0, 1) */
    switch (i % 5) {
    case 0: x[i] = u * 2.4f - 1.2f; break;                  /* past full scale */
    case 1: x[i] = ((float)(int)(u * 65536) - 32768 + 0.5f) / 32768; break; /* ties */
    case 2: x[i] = (float)(i % 7 - 3) * (i % 3 ? 1e-7f : 0.25f / 32768); break; /* tiny */
    case 3: x[i] = (i % 10 == 3) ? 1.0f : -1.0f; break;     /* the ends */
    default: /* just inside and outside the ends */
      x[i] = (i % 10 == 4 ? 1 : -1) * (32766.0f + u * 3) / 32768;
      break;
    }
  }
  nb_err e = {0};
  nb__file_sink *f = NULL;
  assert_int_equal(nb__file_open(path_in("ours.wav"), 44100, 1, 0, NULL, &f, &e),
                   NB_OK);
  assert_int_equal(nb__file_write(f, x, N, &e), NB_OK);
  assert_int_equal(nb__file_commit(f, &e), NB_OK);
  SF_INFO info = {.samplerate = 44100, .channels = 1,
                  .format = SF_FORMAT_FLAC | SF_FORMAT_PCM_16};
  SNDFILE *sf = sf_open(path_in("theirs.flac"), SFM_WRITE, &info);
  assert_non_null(sf);
  sf_command(sf, SFC_SET_CLIPPING, NULL, SF_TRUE);
  assert_int_equal(sf_writef_float(sf, x, N), N);
  sf_close(sf);
  int16_t *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b);
  const char *names[2] = {"ours.wav", "theirs.flac"};
  int16_t *bufs[2] = {a, b};
  for (int k = 0; k < 2; k++) {
    SF_INFO in = {0};
    sf = sf_open(path_in(names[k]), SFM_READ, &in);
    assert_non_null(sf);
    assert_int_equal(sf_readf_short(sf, bufs[k], N), N);
    sf_close(sf);
  }
  for (int i = 0; i < N; i++) {
    double v = rint((double)x[i] * 32768);
    int want = v > 32767 ? 32767 : v < -32768 ? -32768 : (int)v;
    if (a[i] != want || b[i] != want)
      fail_msg("sample %d (%.9g): ours %d, libsndfile's FLAC %d, want %d", i,
               x[i], a[i], b[i], want);
  }
  /* 16-bit frames to a stereo FLAC: both channels, unchanged. */
  for (int i = 0; i < N; i++)
    a[i] = (int16_t)(i * 7 - 32768);
  assert_int_equal(nb__file_open(path_in("s16.flac"), 22050, 2, 0, NULL, &f, &e),
                   NB_OK);
  assert_int_equal(nb__file_write_s16(f, a, N, &e), NB_OK);
  assert_int_equal(nb__file_commit(f, &e), NB_OK);
  SF_INFO in = {0};
  sf = sf_open(path_in("s16.flac"), SFM_READ, &in);
  assert_non_null(sf);
  assert_int_equal(in.channels, 2);
  int16_t *st = malloc(2 * N * sizeof *st);
  assert_int_equal(sf_readf_short(sf, st, N), N);
  sf_close(sf);
  for (int i = 0; i < N; i++) {
    assert_int_equal(st[2 * i], a[i]);
    assert_int_equal(st[2 * i + 1], a[i]);
  }
  free(st);
  free(a);
  free(b);
  free(x);
}

/* ID3v2 helpers for the tests: big-endian and syncsafe numbers. */
static uint32_t get_be32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static uint32_t get_ss(const unsigned char *p) {
  return (uint32_t)p[0] << 21 | (uint32_t)p[1] << 14 | (uint32_t)p[2] << 7 | p[3];
}
/* Finds frame id in [p, end): its body and size, or NULL. */
static const unsigned char *find_frame(const unsigned char *p,
                                       const unsigned char *end,
                                       const char *id, uint32_t *size) {
  while (p + 10 <= end && p[0]) {
    uint32_t n = get_ss(p + 4);
    if (memcmp(p, id, 4) == 0) {
      *size = n;
      return p + 10;
    }
    p += 10 + n;
  }
  return NULL;
}

/* An MP3 gets an ID3v2.4 tag at its head: UTF-8 title and artist, and a
 * CTOC with one CHAP per chapter (start and end in ms, a TIT2 each); the
 * audio after it still decodes to the length written. */
static void test_mp3_tag(void **state) {
  (void)state;
  nb_err e = {0};
  nb__file_sink *f = NULL;
  nb__file_meta meta = {.title = "Caf\xC3\xA9 briefing", .artist = "newsbrief"};
  const char *p = path_in("tag.mp3");
  assert_int_equal(nb__file_open(p, 44100, 1, 0, &meta, &f, &e), NB_OK);
  float *x = tone(44100, 440, 0.3, 3 * 44100);
  assert_int_equal(nb__file_write(f, x, 3 * 44100, &e), NB_OK);
  free(x);
  nb__chapter ch[3] = {{0, "Intro"}, {22050, "Na\xC3\xAFve story"}, {44100, "Last"}};
  nb__file_set_chapters(f, ch, 3, 66150, 22050); /* 3 s at 22,050 Hz */
  assert_int_equal(nb__file_commit(f, &e), NB_OK);
  FILE *fp = fopen(p, "rb");
  assert_non_null(fp);
  unsigned char *d = malloc(NB__ID3_ROOM);
  assert_int_equal(fread(d, 1, NB__ID3_ROOM, fp), NB__ID3_ROOM);
  fclose(fp);
  assert_memory_equal(d, "ID3\x04\x00", 5);
  assert_int_equal(get_ss(d + 6), NB__ID3_ROOM - 10);
  const unsigned char *end = d + NB__ID3_ROOM;
  uint32_t n;
  const unsigned char *t = find_frame(d + 10, end, "TIT2", &n);
  assert_non_null(t);
  assert_int_equal(t[0], 3); /* UTF-8 */
  assert_int_equal(n, 1 + strlen(meta.title));
  assert_memory_equal(t + 1, meta.title, strlen(meta.title));
  const unsigned char *toc = find_frame(d + 10, end, "CTOC", &n);
  assert_non_null(toc);
  assert_string_equal((const char *)toc, "toc");
  assert_int_equal(toc[4], 3); /* top level, ordered */
  assert_int_equal(toc[5], 3); /* three chapters */
  assert_string_equal((const char *)toc + 6, "ch0");
  static const uint32_t want[3][2] = {{0, 1000}, {1000, 2000}, {2000, 3000}};
  const unsigned char *q = d + 10;
  for (int i = 0; i < 3; i++) {
    const unsigned char *c = find_frame(q, end, "CHAP", &n);
    assert_non_null(c);
    char id[8];
    snprintf(id, sizeof id, "ch%d", i);
    assert_string_equal((const char *)c, id);
    const unsigned char *v = c + strlen(id) + 1;
    assert_int_equal(get_be32(v), want[i][0]);
    assert_int_equal(get_be32(v + 4), want[i][1]);
    assert_int_equal(get_be32(v + 8), 0xffffffffu);
    uint32_t tn;
    const unsigned char *tt = find_frame(v + 16, c + n, "TIT2", &tn);
    assert_non_null(tt);
    assert_int_equal(tn, 1 + strlen(ch[i].title));
    assert_memory_equal(tt + 1, ch[i].title, strlen(ch[i].title));
    q = c + n; /* the next CHAP comes after this one */
  }
  free(d);
  SF_INFO info = {0};
  SNDFILE *sf = sf_open(p, SFM_READ, &info);
  assert_non_null(sf);
  assert_true(llabs((long long)info.frames - 3 * 44100) < 44100 / 10);
  sf_close(sf);
  /* Too little room: whole chapters only, and the tag stays well formed. */
  unsigned char small[200];
  assert_int_equal(nb__id3_tag(small, sizeof small, &meta, ch, 3, 66150, 22050),
                   sizeof small);
  assert_int_equal(get_ss(small + 6), sizeof small - 10);
  const unsigned char *c0 = find_frame(small + 10, small + sizeof small, "CHAP", &n);
  assert_non_null(c0);
  assert_true(c0 + n <= small + sizeof small);
  assert_null(find_frame(c0 + n, small + sizeof small, "CHAP", &n));
  /* 300 chapters with long titles: whole chapters while they fit (255 at
   * most), titles cut at a character boundary, and the last one kept ends
   * where the audio ends. */
  enum { M = 300 };
  nb__chapter *many = calloc(M, sizeof *many);
  char long_title[301];
  for (int i = 0; i < 100; i++)
    memcpy(long_title + 3 * i, "\xE2\x80\xA6", 3); /* 100 ellipses */
  long_title[300] = 0;
  for (int i = 0; i < M; i++) {
    many[i].start = (uint64_t)i * 22050;
    many[i].title = long_title;
  }
  unsigned char *big = malloc(NB__ID3_ROOM);
  nb__id3_tag(big, NB__ID3_ROOM, &meta, many, M, (uint64_t)M * 22050, 22050);
  const unsigned char *bend = big + NB__ID3_ROOM;
  toc = find_frame(big + 10, bend, "CTOC", &n);
  assert_non_null(toc);
  int kept = toc[5];
  assert_true(kept > 100 && kept <= 255);
  const unsigned char *c = big + 10, *last = NULL;
  int count = 0;
  while ((c = find_frame(c, bend, "CHAP", &n))) {
    uint32_t tn;
    const char *id = (const char *)c;
    const unsigned char *tt = find_frame(c + strlen(id) + 1 + 16, c + n, "TIT2", &tn);
    assert_non_null(tt);
    assert_true(tn - 1 <= 96 && (tn - 1) % 3 == 0); /* whole characters */
    last = c;
    count++;
    c += n;
  }
  assert_int_equal(count, kept);
  const unsigned char *lv = last + strlen((const char *)last) + 1;
  assert_int_equal(get_be32(lv + 4), (uint32_t)M * 1000); /* ends at the end */
  free(big);
  free(many);
}

static void test_abort_keeps_old(void **state) {
  (void)state;
  const char *p = path_in("old.wav");
  FILE *fp = fopen(p, "w");
  fputs("an older good file", fp);
  fclose(fp);
  int before = entries();
  nb_err e = {0};
  nb__file_sink *f = NULL;
  assert_int_equal(nb__file_open(p, 44100, 1, 0, NULL, &f, &e), NB_OK);
  float *x = tone(44100, 300, 0.3, 44100);
  assert_int_equal(nb__file_write(f, x, 44100, &e), NB_OK);
  free(x);
  assert_int_equal(entries(), before + 1); /* the temporary file */
  nb__file_abort(f);
  assert_int_equal(entries(), before);
  char buf[64] = {0};
  fp = fopen(p, "r");
  assert_non_null(fgets(buf, sizeof buf, fp));
  fclose(fp);
  assert_string_equal(buf, "an older good file");
}

static void test_unwritable_dir(void **state) {
  (void)state;
  nb_err e = {0};
  nb__file_sink *f = NULL;
  assert_int_equal(
      nb__file_open("/nonexistent-dir/out.wav", 44100, 1, 0, NULL, &f, &e), NB_IO);
  assert_non_null(strstr(e.msg, "/nonexistent-dir/out.wav: "));
}

/* A file size limit (as a full disk would) stops the write: an error that
 * names the file and the system's reason, no partial file, the old one
 * kept.  Runs in a child so the limit does not outlive the test. */
static void test_write_limit(void **state) {
  (void)state;
  const char *p = path_in("big.wav");
  FILE *fp = fopen(p, "w");
  fputs("old", fp);
  fclose(fp);
  int before = entries();
  int fds[2];
  assert_int_equal(pipe(fds), 0);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit rl = {100000, 100000};
    setrlimit(RLIMIT_FSIZE, &rl);
    nb_err e = {0};
    nb__file_sink *f = NULL;
    nb_status st = nb__file_open(p, 44100, 1, 0, NULL, &f, &e);
    float *x = tone(44100, 300, 0.3, 44100 * 4);
    if (!st)
      st = nb__file_write(f, x, 44100 * 4, &e);
    if (!st)
      st = nb__file_commit(f, &e);
    else
      nb__file_abort(f);
    free(x);
    dprintf(fds[1], "%d %s", (int)st, e.msg);
    _exit(0);
  }
  close(fds[1]);
  char msg[600] = {0};
  assert_true(read(fds[0], msg, sizeof msg - 1) > 0);
  close(fds[0]);
  waitpid(pid, NULL, 0);
  assert_int_equal(atoi(msg), NB_IO);
  assert_non_null(strstr(msg, "big.wav: File too large"));
  assert_int_equal(entries(), before);
  char buf[16] = {0};
  fp = fopen(p, "r");
  assert_non_null(fgets(buf, sizeof buf, fp));
  fclose(fp);
  assert_string_equal(buf, "old");
}

/* Counts upward zero crossings: a tone's frequency survives resampling. */
static size_t crossings(const float *x, size_t n) {
  size_t c = 0;
  for (size_t i = 1; i < n; i++)
    if (x[i - 1] < 0 && x[i] >= 0)
      c++;
  return c;
}

static void resample_case(unsigned out_rate) {
  nb_err e = {0};
  nb__resampler *r = NULL;
  assert_int_equal(nb__resampler_new(22050, out_rate, &r, &e), NB_OK);
  size_t n = 22050 * 2; /* two seconds of 1 kHz, fed in uneven pieces */
  float *x = tone(22050, 1000, 0.5, n);
  float *all = malloc((out_rate * 3) * sizeof *all);
  size_t total = 0, cap = 0, got = 0;
  float *out = NULL;
  for (size_t off = 0; off < n;) {
    size_t k = off % 7 == 0 ? 1000 : 3333;
    if (k > n - off)
      k = n - off;
    assert_int_equal(nb__resampler_run(r, x + off, k, &out, &cap, &got, &e),
                     NB_OK);
    memcpy(all + total, out, got * sizeof *out);
    total += got;
    off += k;
  }
  assert_int_equal(nb__resampler_flush(r, &out, &cap, &got, &e), NB_OK);
  memcpy(all + total, out, got * sizeof *out);
  total += got;
  /* 2 s in, 2 s out: n * out / in samples */
  assert_int_equal(total, (size_t)out_rate * 2);
  size_t c = crossings(all, total);
  assert_true(c >= 1998 && c <= 2001);
  /* amplitude kept: the middle of the tone peaks near 0.5 */
  float peak = 0;
  for (size_t i = total / 4; i < total * 3 / 4; i++)
    peak = fabsf(all[i]) > peak ? fabsf(all[i]) : peak;
  assert_true(peak > 0.49f && peak < 0.51f);
  free(out);
  free(all);
  free(x);
  nb__resampler_free(r);
}

static void test_resample(void **state) {
  (void)state;
  resample_case(44100);
  resample_case(48000);
}

/* R 128: a 997 Hz sine at 0 dBFS in one channel measures -3.01 LUFS, so
 * amplitude 0.1 (-20 dB) gives -23.01; dual mono adds 3.01 dB. */
static void test_meter(void **state) {
  (void)state;
  float *x = tone(48000, 997, 0.1, 48000 * 5);
  nb__meter *m = nb__meter_new(48000, 1, 1);
  nb__meter_add(m, x, 48000 * 5);
  assert_true(fabs(nb__meter_loudness(m) - -23.01) < 0.05);
  assert_true(fabs(nb__meter_true_peak(m) - -20.0) < 0.05);
  nb__meter_free(m);
  m = nb__meter_new(48000, 2, 0);
  nb__meter_add(m, x, 48000 * 5);
  assert_true(fabs(nb__meter_loudness(m) - -20.0) < 0.05);
  nb__meter_free(m);
  free(x);
}

/* A loud burst between quiet ones, +6 dB of gain: the limiter must keep the
 * true peak (measured by libebur128 itself) under -1.5 dBTP, keep every
 * sample, and leave the quiet parts at exactly the gain. */
static void test_limiter(void **state) {
  (void)state;
  unsigned rate = 44100;
  size_t n = rate * 3;
  float *x = tone(rate, 2000, 0.1, n);
  for (size_t i = rate; i < 2 * rate; i++)
    x[i] *= 9; /* 0.9: doubled, it would reach 1.8 */
  double gain = 2.0;
  nb__limiter *l = nb__limiter_new(rate, gain, -1.5);
  float *out = NULL, *all = malloc(n * sizeof *all);
  size_t cap = 0, got = 0, total = 0;
  for (size_t off = 0; off < n; off += 1000) {
    size_t k = n - off < 1000 ? n - off : 1000;
    nb__limiter_push(l, x + off, k, &out, &cap, &got);
    memcpy(all + total, out, got * sizeof *out);
    total += got;
  }
  nb__limiter_finish(l, &out, &cap, &got);
  memcpy(all + total, out, got * sizeof *out);
  total += got;
  assert_int_equal(total, n);
  ebur128_state *st = ebur128_init(1, rate, EBUR128_MODE_TRUE_PEAK);
  ebur128_add_frames_float(st, all, n);
  double tp;
  ebur128_true_peak(st, 0, &tp);
  ebur128_destroy(&st);
  assert_true(20 * log10(tp) <= -1.5 + 0.05);
  /* the loud part is limited to near the ceiling, not crushed */
  assert_true(20 * log10(tp) > -2.5);
  /* far from the burst the signal is exactly x * gain, in time */
  for (size_t i = rate / 10; i < rate / 2; i++)
    assert_true(fabsf(all[i] - (float)(x[i] * gain)) < 1e-6f);
  /* after the burst the gain recovers (a 60 ms release): within 0.1 %
   * half a second later */
  for (size_t i = 2 * rate + rate / 2; i < n; i++)
    assert_true(fabsf(all[i] - (float)(x[i] * gain)) < 2e-4f);
  free(out);
  free(all);
  free(x);
  nb__limiter_free(l);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_kind_of),
      cmocka_unit_test(test_formats),
      cmocka_unit_test(test_wav_exact),
      cmocka_unit_test(test_s16_rounding),
      cmocka_unit_test(test_mp3_tag),
      cmocka_unit_test(test_abort_keeps_old),
      cmocka_unit_test(test_unwritable_dir),
      cmocka_unit_test(test_write_limit),
      cmocka_unit_test(test_resample),
      cmocka_unit_test(test_meter),
      cmocka_unit_test(test_limiter),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}

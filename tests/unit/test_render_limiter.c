/* test_render_limiter.c: the true-peak limiter's fast path (quiet
 * stretches skip the peak detector) against the full per-sample loop, on
 * speech-like signals pushed in random block sizes: the output must be the
 * same, bit for bit, and the true peak (measured by libebur128 itself)
 * under the ceiling.  Also: the gain returns to exactly 1 after a peak. */
#include "sink/sink.h"

#include <ebur128.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

static uint32_t rnd_state;

static uint32_t rnd(void) { /* a fixed LCG: the same signal every run */
  rnd_state = rnd_state * 1664525u + 1013904223u;
  return rnd_state >> 8;
}

static double unit(void) {
  return (double)rnd() / (double)(1u << 24);
}

/* Voiced "syllables" (a pitch with a few harmonics under an envelope) of
 * random loudness, separated by silences and a little noise: like eSpeak's
 * output, mostly quiet with peaks near full scale now and then. */
static float *speechlike(unsigned rate, size_t n, uint32_t seed) {
  rnd_state = seed;
  float *x = calloc(n, sizeof *x);
  size_t i = 0;
  while (i < n) {
    size_t len = rate / 20 + rnd() % (rate / 4);
    double f0 = 90 + 120 * unit(), amp = 0.1 + 1.1 * unit();
    if (rnd() % 4 == 0)
      amp = 0.02; /* a whisper */
    for (size_t k = 0; k < len && i + k < n; k++) {
      double t = (double)k / rate, env = sin(M_PI * k / len);
      double v = 0;
      for (int h = 1; h <= 5; h++)
        v += sin(2 * M_PI * f0 * h * t + h) / h;
      x[i + k] = (float)(amp * env * v / 2.3 + 0.002 * (unit() - 0.5));
    }
    i += len;
    if (rnd() % 3 == 0)
      i += rnd() % rate; /* a pause between words or segments */
  }
  return x;
}

/* The limiter's whole output for x, pushed in random-sized blocks. */
static float *limit(const float *x, size_t n, unsigned rate, double gain,
                    int fast, uint32_t seed) {
  nb__limiter_fast = fast;
  rnd_state = seed;
  nb__limiter *l = nb__limiter_new(rate, gain, -1.5);
  float *all = malloc(n * sizeof *all), *out = NULL;
  size_t cap = 0, got = 0, total = 0;
  for (size_t off = 0; off < n;) {
    size_t k = 1 + rnd() % 6000;
    if (k > n - off)
      k = n - off;
    nb__limiter_push(l, x + off, k, &out, &cap, &got);
    assert_true(total + got <= n);
    memcpy(all + total, out, got * sizeof *out);
    total += got;
    off += k;
  }
  nb__limiter_finish(l, &out, &cap, &got);
  assert_int_equal(total + got, n);
  memcpy(all + total, out, got * sizeof *out);
  free(out);
  nb__limiter_free(l);
  nb__limiter_fast = 1;
  return all;
}

static double true_peak_db(const float *x, size_t n, unsigned rate) {
  ebur128_state *st = ebur128_init(1, rate, EBUR128_MODE_TRUE_PEAK);
  ebur128_add_frames_float(st, x, n);
  double tp = 0;
  ebur128_true_peak(st, 0, &tp);
  ebur128_destroy(&st);
  return 20 * log10(tp);
}

static void same_case(unsigned rate, double gain, uint32_t seed) {
  size_t n = (size_t)rate * 20;
  float *x = speechlike(rate, n, seed);
  float *slow = limit(x, n, rate, gain, 0, seed + 1);
  float *fast = limit(x, n, rate, gain, 1, seed + 2); /* other block sizes */
  size_t diff = 0;
  for (size_t i = 0; i < n; i++)
    diff += slow[i] != fast[i];
  assert_int_equal(diff, 0);
  /* the signal did need limiting, and got it */
  double in_tp = true_peak_db(x, n, rate) + 20 * log10(gain);
  assert_true(in_tp > -1.0);
  assert_true(true_peak_db(fast, n, rate) <= -1.5 + 0.05);
  free(x);
  free(slow);
  free(fast);
}

static void test_fast_same_44k(void **state) {
  (void)state;
  same_case(44100, 1.4, 1);
  same_case(44100, 3.0, 2);
}

static void test_fast_same_other_rates(void **state) {
  (void)state;
  same_case(22050, 1.3, 3);
  same_case(48000, 2.0, 4);
  same_case(192000, 1.5, 5); /* the slowest release per sample */
}

/* A peak, then a second of quiet: once the release is over the gain is
 * exactly 1 again (the output is x * gain, bit for bit), with the fast
 * path and without.  (The release used to stall just under 1 in float
 * arithmetic, a permanent -0.0007 dB that also kept the limiter busy.) */
static void test_release_ends(void **state) {
  (void)state;
  unsigned rate = 192000;
  size_t n = (size_t)rate * 2;
  float *x = calloc(n, sizeof *x);
  for (size_t i = 0; i < n; i++)
    x[i] = (float)(0.1 * sin(2 * M_PI * 440.0 * i / rate));
  for (size_t i = rate / 10; i < rate / 5; i++)
    x[i] *= 9.5f; /* 0.95 at +6 dB: limited hard */
  for (int fast = 0; fast <= 1; fast++) {
    float *y = limit(x, n, rate, 2.0, fast, 7);
    float top = 0;
    for (size_t i = 0; i < n; i++)
      top = fabsf(y[i]) > top ? fabsf(y[i]) : top;
    assert_true(top < 0.85f && top > 0.8f); /* limited, not crushed */
    for (size_t i = rate + rate / 5; i < n; i++)
      assert_true(y[i] == (float)(x[i] * 2.0));
    free(y);
  }
  free(x);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_fast_same_44k),
      cmocka_unit_test(test_fast_same_other_rates),
      cmocka_unit_test(test_release_ends),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

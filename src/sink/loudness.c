/* loudness.c: podcast loudness for file renderings.  The first pass measures
 * EBU R 128 integrated loudness with libebur128 (the only file that
 * includes it); the second applies the gain to the target through a
 * look-ahead true-peak limiter, because eSpeak's peaks sit near -1.6 dBFS
 * and the +2 dB or so that -19 LUFS needs would clip them. */
#include "sink/sink.h"

#include <ebur128.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- measurement --------------------------------------------------------- */

struct nb__meter {
  ebur128_state *st;
};

nb__meter *nb__meter_new(unsigned rate, unsigned channels, int true_peak) {
  int mode = EBUR128_MODE_I | (true_peak ? EBUR128_MODE_TRUE_PEAK : 0);
  ebur128_state *st = ebur128_init(1, rate, mode);
  if (!st)
    nb_oom();
  /* A mono signal written to both channels of a stereo file carries twice
   * the power: R 128 counts it as "dual mono". */
  if (channels >= 2)
    ebur128_set_channel(st, 0, EBUR128_DUAL_MONO);
  nb__meter *m = nb_xcalloc(1, sizeof *m);
  m->st = st;
  return m;
}

void nb__meter_add(nb__meter *m, const float *mono, size_t n) {
  if (n && ebur128_add_frames_float(m->st, mono, n) != EBUR128_SUCCESS)
    nb_oom(); /* its only failure is an allocation */
}

double nb__meter_loudness(nb__meter *m) {
  double l = -HUGE_VAL;
  if (ebur128_loudness_global(m->st, &l) != EBUR128_SUCCESS)
    return -HUGE_VAL;
  return l;
}

double nb__meter_true_peak(nb__meter *m) {
  double p = 0;
  if (ebur128_true_peak(m->st, 0, &p) != EBUR128_SUCCESS || p <= 0)
    return -HUGE_VAL;
  return 20 * log10(p);
}

void nb__meter_free(nb__meter *m) {
  if (!m)
    return;
  ebur128_destroy(&m->st);
  free(m);
}

/* ---- the limiter --------------------------------------------------------- *
 *
 * For each sample i the detector estimates the true peak around it (the
 * sample and three points between it and the next, by 4x windowed-sinc
 * interpolation) and the gain r[i] <= 1 that keeps it under the ceiling.
 * The gain applied to sample p is the mean, over the L+1 samples after p,
 * of the minimum of r over the L+1 samples before each: every one of those
 * minima includes r[p], so the mean is <= r[p] and the peak stays under
 * the ceiling, while the gain ramps smoothly over L samples (5 ms) instead
 * of jumping.  A release stage lets it recover over about 60 ms.  Output
 * lags input by L + H samples; finish flushes the tail. */

#define TP_H 8 /* interpolation half-length, in samples */
/* The release ends, the gain returning to exactly 1, when the reduction
 * is under this (0.0009 dB): a step far below a 16-bit sample's size once
 * the ring's mean has smoothed it, and it lets the limiter go idle, which
 * is what the fast path needs.  The reduction is kept as 1 - s, not s:
 * near 1, a float s cannot take the release's last small steps (it stuck
 * at 0.99992, so the limiter never went idle after its first peak). */
#define NB_REL_END 1e-4f

struct nb__limiter {
  double gain;
  float ceil;
  float thresh; /* below this, inter-sample peaks cannot reach the ceiling */
  float coef[3][2 * TP_H];
  size_t L;
  float keep; /* the release: the reduction 1 - s shrinks by this */
  /* input after gain, from absolute index x0 on */
  float *xs;
  size_t xs_n, xs_cap;
  uint64_t x0;
  uint64_t received; /* real samples pushed */
  uint64_t avail;    /* samples in xs counting the zero padding at finish */
  uint64_t next;     /* next index whose r is computed */
  /* monotonic deque for the sliding minimum of r */
  uint64_t *dq_i;
  float *dq_r;
  size_t dq_cap, dq_head, dq_n;
  /* the last L+1 values of s for the mean */
  float *ring;
  double sum;
  size_t n_low; /* entries of ring below 1 */
  float d_prev; /* 1 - s of the last sample: the reduction releasing */
};

nb__limiter *nb__limiter_new(unsigned rate, double gain, double ceiling_db) {
  nb__limiter *l = nb_xcalloc(1, sizeof *l);
  l->gain = gain;
  l->ceil = (float)pow(10, ceiling_db / 20);
  l->thresh = l->ceil * 0.5f;
  l->L = rate / 200 + 1;
  l->keep = (float)exp(-1.0 / (0.06 * rate));
  for (int k = 1; k <= 3; k++) {
    double t = k / 4.0;
    for (int j = -TP_H + 1; j <= TP_H; j++) {
      double u = t - j;
      double sinc = sin(M_PI * u) / (M_PI * u);
      double w = 0.5 * (1 + cos(M_PI * u / TP_H));
      l->coef[k - 1][j + TP_H - 1] = (float)(sinc * w);
    }
  }
  l->dq_cap = 1;
  while (l->dq_cap < l->L + 2)
    l->dq_cap *= 2;
  l->dq_i = nb_xmalloc(l->dq_cap * sizeof *l->dq_i);
  l->dq_r = nb_xmalloc(l->dq_cap * sizeof *l->dq_r);
  l->ring = nb_xmalloc((l->L + 1) * sizeof *l->ring);
  for (size_t i = 0; i <= l->L; i++)
    l->ring[i] = 1;
  l->sum = (double)(l->L + 1);
  return l;
}

int nb__limiter_fast = 1;

static float x_at(const nb__limiter *l, int64_t i) {
  if (i < (int64_t)l->x0 || i >= (int64_t)l->avail)
    return 0;
  return l->xs[(uint64_t)i - l->x0];
}

static void append(nb__limiter *l, const float *in, size_t n, double g) {
  if (l->xs_n + n > l->xs_cap) {
    l->xs_cap = (l->xs_n + n) * 2;
    l->xs = nb_xrealloc(l->xs, l->xs_cap * sizeof *l->xs);
  }
  /* Two plain loops rather than a test inside one: they vectorize. */
  float *dst = l->xs + l->xs_n;
  if (in)
    for (size_t i = 0; i < n; i++)
      dst[i] = (float)(in[i] * g);
  else
    memset(dst, 0, n * sizeof *dst);
  l->xs_n += n;
  l->avail += n;
}

/* One step of the smoothing: s enters the ring of the last L+1 values and
 * the gain is their mean (1 in the common case, nothing to limit in the
 * window).  n_low counts ring entries below 1; when none is, the sum is
 * reset to exactly L+1 so rounding never builds up.  Inline: it runs once
 * per sample in both of run's loops. */
static inline float smooth(float s, float *ring, size_t *slot, size_t L1,
                           double *sum, size_t *n_low) {
  float g = 1;
  if (s < 1 || *n_low) {
    *sum += (double)s - ring[*slot];
    g = (float)(*sum / (double)L1);
    if (g > 1)
      g = 1;
  }
  if (ring[*slot] < 1)
    (*n_low)--;
  if (s < 1)
    (*n_low)++;
  ring[*slot] = s;
  if (*n_low == 0)
    *sum = (double)L1;
  if (++*slot == L1)
    *slot = 0;
  return g;
}

static void run(nb__limiter *l, float **out, size_t *out_cap, size_t *out_n) {
  *out_n = 0;
  if (l->next + TP_H >= l->avail)
    return;
  /* At most one output per index processed: make room once. */
  size_t most = (size_t)(l->avail - l->next);
  if (*out_cap < most) {
    *out_cap = most;
    *out = nb_xrealloc(*out, most * sizeof **out);
  }
  float *o_ptr = *out;
  size_t on = 0;
  const size_t L1 = l->L + 1, L = l->L;
  const size_t mask = l->dq_cap - 1; /* dq_cap is a power of two */
  /* The state lives in locals for the loop: stores through o_ptr could
   * alias l's fields, which would keep the compiler from registers. */
  uint64_t next = l->next;
  const uint64_t avail = l->avail, received = l->received, x0 = l->x0;
  size_t dq_head = l->dq_head, dq_n = l->dq_n, n_low = l->n_low;
  uint64_t *dq_i = l->dq_i;
  float *dq_r = l->dq_r, *ring = l->ring;
  const float *xs = l->xs;
  float d_prev = l->d_prev;
  const float ceil = l->ceil, thresh = l->thresh, k_rel = l->keep;
  const int fast = nb__limiter_fast;
  double sum = l->sum;
  size_t slot = (size_t)(next % L1);
  while (next + TP_H < avail) {
    /* i >= x0 and i + 1 < avail always hold here: no bounds checks */
    const float *xi = xs + (next - x0);
    if (fast && fabsf(xi[0]) <= thresh) {
      /* The fast path, for most of a speech signal: a run of quiet
       * samples (this one and the next under thresh, so r is exactly 1
       * with no interpolation) while no gain reduction is left in the
       * look-ahead window (the deque's minimum is 1).  Then m is 1
       * throughout the run: the deque work and the detector can be
       * skipped, and only the release and the ring's mean remain, in the
       * same operations as the loop below, so the output is the same bit
       * for bit (the unit test compares the two).  Once the limiter is
       * idle (s is 1, the ring all ones) the gain is exactly 1 and the
       * rest of the run is a copy. */
      while (dq_n && dq_i[dq_head] + L < next) {
        dq_head = (dq_head + 1) & mask;
        dq_n--;
      }
      if (dq_n == 0 || dq_r[dq_head] >= 1) {
        size_t lim = (size_t)(avail - TP_H - next), b = 0;
        while (b < lim && fabsf(xi[b + 1]) <= thresh)
          b++;
        if (b > 0) {
          const uint64_t stop = next + b;
          const uint64_t out_end = received + L; /* outputs for j < this */
          while (next < stop && (d_prev > 0 || n_low)) {
            float d = d_prev;
            if (d > 0) {
              d *= k_rel;
              if (d < NB_REL_END)
                d = 0;
            }
            d_prev = d;
            float g = smooth(1 - d, ring, &slot, L1, &sum, &n_low);
            if (next >= L && next < out_end)
              o_ptr[on++] = xs[next - L - x0] * g;
            next++;
          }
          if (next < stop) { /* idle: the gain is exactly 1 */
            uint64_t lo = next > L ? next : L, hi = stop;
            if (hi > out_end)
              hi = out_end;
            if (hi > lo) {
              memcpy(o_ptr + on, xs + (lo - L - x0),
                     (size_t)(hi - lo) * sizeof *o_ptr);
              on += (size_t)(hi - lo);
            }
            slot = (size_t)((slot + (stop - next)) % L1);
            next = stop;
          }
          dq_i[dq_head] = stop - 1; /* the deque: the run's last r, 1 */
          dq_r[dq_head] = 1;
          dq_n = 1;
          continue;
        }
      }
    }
    int64_t i = (int64_t)next;
    float p = fabsf(xi[0]);
    float q = fabsf(xi[1]);
    float peak = p > q ? p : q;
    if (peak > thresh) {
      float win[2 * TP_H];
      const float *w = xi - TP_H + 1;
      if (i - TP_H + 1 < (int64_t)x0) { /* only at the very start */
        for (int j = 0; j < 2 * TP_H; j++)
          win[j] = x_at(l, i - TP_H + 1 + j);
        w = win;
      }
      for (int k = 0; k < 3; k++) {
        float v = 0;
        for (int j = 0; j < 2 * TP_H; j++)
          v += l->coef[k][j] * w[j];
        if (fabsf(v) > peak)
          peak = fabsf(v);
      }
    }
    float r = peak > ceil ? ceil / peak : 1.0f;
    /* sliding minimum of r over [i-L, i] */
    while (dq_n && dq_r[(dq_head + dq_n - 1) & mask] >= r)
      dq_n--;
    dq_i[(dq_head + dq_n) & mask] = next;
    dq_r[(dq_head + dq_n) & mask] = r;
    dq_n++;
    while (dq_i[dq_head] + L < next) {
      dq_head = (dq_head + 1) & mask;
      dq_n--;
    }
    float m = dq_r[dq_head];
    float d = d_prev;
    if (d > 0) {
      d *= k_rel;
      if (d < NB_REL_END)
        d = 0;
    }
    float s = 1 - d;
    if (m < s) {
      s = m;
      d = 1 - m;
    }
    d_prev = d;
    float g = smooth(s, ring, &slot, L1, &sum, &n_low);
    if (next >= L && next - L < received)
      o_ptr[on++] = xs[next - L - x0] * g;
    next++;
  }
  l->next = next;
  l->dq_head = dq_head;
  l->dq_n = dq_n;
  l->n_low = n_low;
  l->d_prev = d_prev;
  l->sum = sum;
  *out_n = on;
  /* Drop what neither the detector nor the output needs any more. */
  uint64_t keep = l->next > l->L + TP_H ? l->next - l->L - TP_H : 0;
  if (keep > l->x0) {
    size_t drop = (size_t)(keep - l->x0);
    if (drop > l->xs_n)
      drop = l->xs_n;
    memmove(l->xs, l->xs + drop, (l->xs_n - drop) * sizeof *l->xs);
    l->xs_n -= drop;
    l->x0 += drop;
  }
}

void nb__limiter_push(nb__limiter *l, const float *in, size_t n, float **out,
                      size_t *out_cap, size_t *out_n) {
  append(l, in, n, l->gain);
  l->received += n;
  run(l, out, out_cap, out_n);
}

void nb__limiter_finish(nb__limiter *l, float **out, size_t *out_cap,
                        size_t *out_n) {
  append(l, NULL, l->L + TP_H + 1, 0);
  run(l, out, out_cap, out_n);
}

void nb__limiter_free(nb__limiter *l) {
  if (!l)
    return;
  free(l->xs);
  free(l->dq_i);
  free(l->dq_r);
  free(l->ring);
  free(l);
}

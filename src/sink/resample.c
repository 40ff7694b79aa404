/* resample.c: eSpeak's 22,050 Hz to the file's rate (44,100 or 48,000 Hz)
 * with libsoxr (the only file that includes it), streaming, so a long
 * briefing never sits in memory whole. */
#include "sink/sink.h"

#include <soxr.h>
#include <stdlib.h>

struct nb__resampler {
  soxr_t soxr;
  double ratio;
};

nb_status nb__resampler_new(unsigned in_rate, unsigned out_rate,
                            nb__resampler **out, nb_err *e) {
  soxr_error_t err = NULL;
  soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
  soxr_quality_spec_t q = soxr_quality_spec(SOXR_HQ, 0);
  soxr_t s = soxr_create(in_rate, out_rate, 1, &err, &io, &q, NULL);
  if (!s || err)
    return nb_err_set(e, NB_AUDIO, "resampler: %u Hz to %u Hz: %s", in_rate,
                      out_rate, err ? err : "cannot start");
  nb__resampler *r = nb_xcalloc(1, sizeof *r);
  r->soxr = s;
  r->ratio = (double)out_rate / in_rate;
  *out = r;
  return NB_OK;
}

static nb_status process(nb__resampler *r, const float *in, size_t n,
                         float **out, size_t *out_cap, size_t *out_n,
                         nb_err *e) {
  size_t done_total = 0;
  size_t used_total = 0;
  for (;;) {
    size_t want = (size_t)((double)(n - used_total) * r->ratio) + 1024;
    if (*out_cap < done_total + want) {
      *out_cap = done_total + want;
      *out = nb_xrealloc(*out, *out_cap * sizeof **out);
    }
    size_t used = 0, done = 0;
    soxr_error_t err =
        soxr_process(r->soxr, in ? in + used_total : NULL, n - used_total,
                     &used, *out + done_total, *out_cap - done_total, &done);
    if (err)
      return nb_err_set(e, NB_AUDIO, "resampler: %s", err);
    used_total += used;
    done_total += done;
    /* Input all taken and the output not filled: nothing more to come. */
    if (used_total >= n && done < *out_cap - (done_total - done))
      break;
  }
  *out_n = done_total;
  return NB_OK;
}

nb_status nb__resampler_run(nb__resampler *r, const float *in, size_t n,
                            float **out, size_t *out_cap, size_t *out_n,
                            nb_err *e) {
  if (n == 0) {
    *out_n = 0;
    return NB_OK;
  }
  return process(r, in, n, out, out_cap, out_n, e);
}

nb_status nb__resampler_flush(nb__resampler *r, float **out, size_t *out_cap,
                              size_t *out_n, nb_err *e) {
  /* A NULL input tells soxr the stream has ended: it drains its filter. */
  return process(r, NULL, 0, out, out_cap, out_n, e);
}

void nb__resampler_free(nb__resampler *r) {
  if (!r)
    return;
  soxr_delete(r->soxr);
  free(r);
}

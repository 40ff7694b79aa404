/* test_pitch.c: the default profile marks quotes by pitch.  Renders the
 * seed briefing's lead segments and quote segments separately, estimates
 * the fundamental frequency of every voiced 40 ms frame by normalized
 * autocorrelation, and checks that the medians differ by at least 10%
 * (issue 4).  Prints the figures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "nb.h"
#include "input/input.h"
#include "prosody/prosody.h"
#include "sink/render.h"
#include "summarize/summarize.h"

#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* Median F0 (Hz) over voiced frames of a mono file; 0 when none. */
static double median_f0(const char *path) {
  SF_INFO info = {0};
  SNDFILE *f = sf_open(path, SFM_READ, &info);
  assert_non_null(f);
  assert_int_equal(info.channels, 1);
  float *x = malloc((size_t)info.frames * sizeof *x);
  assert_int_equal(sf_readf_float(f, x, info.frames), info.frames);
  sf_close(f);
  int rate = info.samplerate, frame = rate / 25;
  int lo = rate / 400, hi = rate / 60; /* 60..400 Hz */
  size_t cap = (size_t)info.frames / (size_t)(frame / 2) + 1, n = 0;
  double *f0 = malloc(cap * sizeof *f0);
  for (sf_count_t start = 0; start + frame + hi < info.frames;
       start += frame / 2) {
    const float *s = x + start;
    double energy = 0;
    for (int i = 0; i < frame; i++)
      energy += (double)s[i] * s[i];
    if (energy / frame < 1e-4)
      continue; /* silence or a whisper of noise */
    double best = 0;
    int best_lag = 0;
    for (int lag = lo; lag <= hi; lag++) {
      double num = 0, e2 = 0;
      for (int i = 0; i < frame; i++) {
        num += (double)s[i] * s[i + lag];
        e2 += (double)s[i + lag] * s[i + lag];
      }
      double r = num / sqrt(energy * e2 + 1e-12);
      if (r > best) {
        best = r;
        best_lag = lag;
      }
    }
    if (best > 0.6 && n < cap) /* voiced */
      f0[n++] = (double)rate / best_lag;
  }
  qsort(f0, n, sizeof *f0, cmp_double);
  double m = n ? f0[n / 2] : 0;
  free(f0);
  free(x);
  return m;
}

static double render_role(const nb_script *all, nb_role role,
                          const char *path) {
  nb_script part = *all;
  part.segs = calloc(all->n, sizeof *part.segs);
  part.n = 0;
  for (size_t i = 0; i < all->n; i++)
    if (all->segs[i].role == role)
      part.segs[part.n++] = all->segs[i];
  assert_true(part.n > 0);
  nb_render_opts o = {0};
  o.output = path;
  o.rate = 22050;
  o.channels = 1;
  o.loudness_off = 1;
  o.jobs = 1;
  nb_render_result r = {0};
  nb_err e = {0};
  nb_status st = nb_render(&part, &o, &r, &e);
  if (st != NB_OK)
    fail_msg("render: %s", e.msg);
  free(part.segs);
  return median_f0(path);
}

static void test_quote_pitch_differs(void **state) {
  (void)state;
  const char *src = getenv("NB_SRC");
  char path[1024];
  snprintf(path, sizeof path, "%s/tests/corpus/seed/article.txt",
           src ? src : ".");
  nb_article_list l = {0};
  nb_err e = {0};
  assert_int_equal(nb_input_read(path, NULL, &l, &e), NB_OK);
  nb_summary_opts so = {1, 2, NULL};
  nb_story *st = nb_summarize(l.items[0], &so);
  nb_profile p;
  assert_int_equal(nb_profile_load("newsroom", &p, &e), NB_OK);
  nb_script *s = nb_script_build(&st, 1, &p, NULL);
  char dir[] = "/tmp/nb-pitch-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char lead[1100], quote[1100], attr[1100];
  snprintf(lead, sizeof lead, "%s/lead.wav", dir);
  snprintf(quote, sizeof quote, "%s/quote.wav", dir);
  snprintf(attr, sizeof attr, "%s/attribution.wav", dir);
  double f_lead = render_role(s, NB_ROLE_LEAD, lead);
  double f_quote = render_role(s, NB_ROLE_QUOTE, quote);
  double f_attr = render_role(s, NB_ROLE_ATTRIBUTION, attr);
  double diff = fabs(f_quote - f_lead) / f_lead;
  print_message("median F0: lead %.1f Hz, attribution %.1f Hz, quote %.1f Hz "
                "(quote %.0f%% from lead)\n",
                f_lead, f_attr, f_quote, diff * 100);
  assert_true(f_lead > 60 && f_quote > 60 && f_attr > 60);
  assert_true(diff >= 0.10);
  /* the attribution is set apart from the narration too: lower */
  assert_true(f_attr < f_lead * 0.97);
  unlink(lead);
  unlink(quote);
  unlink(attr);
  rmdir(dir);
  nb_script_free(s);
  nb_profile_release(&p);
  nb_story_free(st);
  nb_article_list_release(&l);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_quote_pitch_differs),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

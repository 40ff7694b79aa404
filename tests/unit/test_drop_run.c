/* test_drop_run.c: nb_drop_run's decisions, with feeds read from files:
 * the lock, an interrupted run, all sources failing, the same story from
 * two sources, the max_stories cap and "nothing new". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "publish/drop.h"
#include "publish/publish.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64], ini[128], out[128];

static void put(const char *name, const char *text) {
  char p[256];
  snprintf(p, sizeof p, "%s/%s", dir, name);
  FILE *f = fopen(p, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

static int exists(const char *name) {
  char p[256];
  struct stat st;
  snprintf(p, sizeof p, "%s/%s", out, name);
  return stat(p, &st) == 0;
}

/* Stories 1 to 3, each with its own words: leads that differ only in a
 * number would be one story to the drop's duplicate check. */
static void item(char *buf, size_t n, int k) {
  static const char *const what[] = {"canal lock", "harbour wall",
                                     "station roof"};
  static const char *const day[] = {"Thursday", "Monday", "Friday"};
  snprintf(buf, n,
           "<item><title>Story %d about the %s</title>"
           "<link>http://news.invalid/%d</link>"
           "<description>Workers finished the %s repairs on %s, the council "
           "said in a statement.</description></item>",
           k, what[k - 1], k, what[k - 1], day[k - 1]);
}

static void feed(const char *name, int a, int b) {
  char ia[512], ib[512] = "", text[1400];
  item(ia, sizeof ia, a);
  if (b)
    item(ib, sizeof ib, b);
  snprintf(text, sizeof text,
           "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
           "<title>T</title>%s%s</channel></rss>\n",
           ia, ib);
  put(name, text);
}

static int setup(void **state) {
  (void)state;
  strcpy(dir, "/tmp/nb-droprun-XXXXXX");
  assert_non_null(mkdtemp(dir));
  snprintf(ini, sizeof ini, "%s/b.ini", dir);
  snprintf(out, sizeof out, "%s/out", dir);
  return 0;
}

static int teardown(void **state) {
  (void)state;
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  assert_int_equal(system(cmd), 0);
  return 0;
}

static void config(const char *extra, const char *sources) {
  char text[1024];
  snprintf(text, sizeof text,
           "[briefing]\ntitle = Run test\noutput = out\nformat = wav\n"
           "transcript = no\nchapters = no\n%s\n%s",
           extra, sources);
  put("b.ini", text);
}

static void test_busy(void **state) {
  (void)state;
  feed("a.rss", 1, 0);
  config("", "[source.a]\npath = a.rss\n");
  assert_int_equal(mkdir(out, 0755), 0);
  char lock[256];
  snprintf(lock, sizeof lock, "%s/.newsbrief.lock", out);
  int fd;
  nb_err e = {0};
  assert_int_equal(nb_lock_acquire(lock, &fd, &e), NB_OK);
  nb_drop_opts o = {.config = ini, .now = "2023-03-17T06:00"};
  nb_drop_result r;
  assert_int_equal(nb_drop_run(&o, &r, &e), NB_BUSY);
  assert_non_null(strstr(e.msg, "another drop is running"));
  nb_lock_release(fd);
  assert_false(exists("feed.xml"));
  assert_false(exists(".newsbrief-state.sqlite")); /* nothing touched */
}

static void test_interrupted(void **state) {
  (void)state;
  feed("a.rss", 1, 0);
  config("", "[source.a]\npath = a.rss\n");
  volatile sig_atomic_t stop = 1;
  nb_drop_opts o = {.config = ini, .now = "2023-03-17T06:00", .interrupted = &stop};
  nb_drop_result r;
  nb_err e = {0};
  assert_int_equal(nb_drop_run(&o, &r, &e), NB_INTERRUPTED);
  assert_false(exists("feed.xml"));
  assert_string_equal(r.episode, "");
}

static void test_all_sources_fail(void **state) {
  (void)state;
  config("", "[source.a]\npath = missing-a.rss\n[source.b]\npath = missing-b.rss\n");
  nb_drop_opts o = {.config = ini, .now = "2023-03-17"};
  nb_drop_result r;
  nb_err e = {0};
  assert_int_not_equal(nb_drop_run(&o, &r, &e), NB_OK);
  assert_non_null(strstr(e.msg, "all 2 sources failed"));
  assert_non_null(strstr(e.msg, "missing-b.rss"));
  assert_int_equal(r.n_sources_failed, 2);
  assert_false(exists("feed.xml"));
}

static void test_bad_now(void **state) {
  (void)state;
  feed("a.rss", 1, 0);
  config("", "[source.a]\npath = a.rss\n");
  nb_drop_opts o = {.config = ini, .now = "yesterday"};
  nb_drop_result r;
  nb_err e = {0};
  assert_int_equal(nb_drop_run(&o, &r, &e), NB_USAGE);
  assert_non_null(strstr(e.msg, "yesterday"));
}

static void test_dedup_and_cap(void **state) {
  (void)state;
  /* story 1 is in both feeds (same link); max_stories lets one through */
  feed("a.rss", 1, 2);
  feed("b.rss", 1, 0);
  config("max_stories = 1", "[source.a]\npath = a.rss\n[source.b]\npath = b.rss\n");
  nb_drop_opts o = {.config = ini, .now = "2023-03-17T06:00"};
  nb_drop_result r;
  nb_err e = {0};
  assert_int_equal(nb_drop_run(&o, &r, &e), NB_OK);
  assert_int_equal(r.n_new, 1);
  assert_int_equal(r.n_sources_failed, 0);
  char want[256];
  snprintf(want, sizeof want, "%s/briefing-2023-03-17.wav", out);
  assert_string_equal(r.episode, want);
  assert_true(exists("briefing-2023-03-17.wav"));
  assert_true(exists("feed.xml"));
  assert_false(exists("briefing-2023-03-17.vtt")); /* transcript = no */

  char db[256];
  snprintf(db, sizeof db, "%s/.newsbrief-state.sqlite", out);
  nb_state *s;
  assert_int_equal(nb_state_open(db, &s, &e), NB_OK);
  /* story 2 was left out by the cap, but is remembered as seen */
  assert_true(nb_state_seen(s, "http://news.invalid/1", NULL));
  assert_true(nb_state_seen(s, "http://news.invalid/2", NULL));
  nb_episode *eps;
  size_t n;
  assert_int_equal(nb_state_episodes(s, &eps, &n, &e), NB_OK);
  assert_int_equal(n, 1);
  assert_string_equal(eps[0].description, "In this briefing: Story 1 about the canal lock.");
  assert_string_equal(eps[0].type, "audio/wav");
  struct stat st;
  assert_int_equal(stat(want, &st), 0);
  assert_int_equal(eps[0].bytes, (int64_t)st.st_size);
  assert_true(eps[0].duration > 1);
  nb_state_episodes_free(eps, n);
  nb_state_close(s);

  /* the same feeds again: nothing new */
  o.now = "2023-03-17T09:00";
  assert_int_equal(nb_drop_run(&o, &r, &e), NB_EMPTY);
  assert_string_equal(e.msg, "nothing new since Fri, 17 Mar 2023 06:00:00 +0000");
  assert_int_equal(r.n_new, 0);
  assert_string_equal(r.episode, "");
}

int main(void) {
  /* the drop reads times as local time: make them UTC for the messages */
  setenv("TZ", "UTC", 1);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_busy, setup, teardown),
      cmocka_unit_test_setup_teardown(test_interrupted, setup, teardown),
      cmocka_unit_test_setup_teardown(test_all_sources_fail, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bad_now, setup, teardown),
      cmocka_unit_test_setup_teardown(test_dedup_and_cap, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

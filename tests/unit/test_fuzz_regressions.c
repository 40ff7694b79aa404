/* test_fuzz_regressions.c: replays the fuzz targets' committed inputs
 * (tests/fuzz/seeds/TARGET and tests/fuzz/regression/TARGET) through the
 * same invariant checks the fuzzers use, in every ordinary build, so that a
 * bug a fuzzer found stays fixed without clang or libFuzzer.  The check
 * code is compiled in from tests/fuzz (one copy); a broken invariant aborts
 * with a message naming it, after the line naming the input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../fuzz/check.c"
#include "../fuzz/fuzz_feed.c"
#include "../fuzz/fuzz_html.c"
#include "../fuzz/fuzz_speakable.c"
#include "../fuzz/fuzz_summarize.c"
#include "../fuzz/fuzz_text.c"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

typedef int (*fuzz_fn)(const uint8_t *data, size_t size);

static int by_name(const void *x, const void *y) {
  return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Runs every file of NB_SRC/tests/fuzz/SUB/TARGET; returns how many. */
static size_t replay_dir(const char *sub, const char *target, fuzz_fn fn) {
  const char *src = getenv("NB_SRC");
  assert_non_null(src);
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/tests/fuzz/%s/%s", src, sub, target);
  DIR *d = opendir(dir);
  if (!d)
    return 0; /* no regression inputs for this target yet */
  char **names = NULL;
  size_t n = 0;
  struct dirent *ent;
  while ((ent = readdir(d))) {
    if (ent->d_name[0] == '.')
      continue;
    names = nb_xrealloc(names, (n + 1) * sizeof *names);
    names[n++] = nb_xstrdup(ent->d_name);
  }
  closedir(d);
  if (n)
    qsort(names, n, sizeof *names, by_name);
  for (size_t i = 0; i < n; i++) {
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    char *data = NULL;
    size_t len = 0;
    nb_err e = {0};
    if (nb_read_file(path, (size_t)1 << 26, &data, &len, &e) != NB_OK)
      fail_msg("%s", e.msg);
    /* An exact-size copy: AddressSanitizer builds then see any read past
     * the end, as the fuzzer would. */
    uint8_t *exact = nb_xmalloc(len ? len : 1);
    memcpy(exact, data, len);
    free(data);
    fprintf(stderr, "replay %s: %s/%s\n", target, sub, names[i]);
    fn(exact, len);
    free(exact);
    free(names[i]);
  }
  free(names);
  return n;
}

static void replay(const char *target, fuzz_fn fn) {
  size_t n = replay_dir("seeds", target, fn);
  assert_true(n > 0); /* the seeds are committed: a missing folder is a bug */
  n += replay_dir("regression", target, fn);
  fprintf(stderr, "replay %s: %zu inputs passed\n", target, n);
}

static void test_text(void **state) {
  (void)state;
  replay("text", nb_fuzz_text);
}

static void test_html(void **state) {
  (void)state;
  replay("html", nb_fuzz_html);
}

static void test_feed(void **state) {
  (void)state;
  replay("feed", nb_fuzz_feed);
}

static void test_summarize(void **state) {
  (void)state;
  replay("summarize", nb_fuzz_summarize);
}

static void test_speakable(void **state) {
  (void)state;
  replay("speakable", nb_fuzz_speakable);
}

/* The checks themselves must bite: clean text passes, and each shape they
 * exist to catch aborts (run in a child process). */
static void test_checks_accept_clean(void **state) {
  (void)state;
  const char *ok = "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d";
  nb_fuzz_check_clean("ok", ok, strlen(ok));
  nb_fuzz_check_para("ok", "One space between words.");
  const char *x = "<speak><s>AT&amp;T</s><break time=\"300ms\"/></speak>";
  nb_fuzz_check_ssml(x, strlen(x));
}

static int aborts(void (*fn)(void)) {
  fflush(stderr);
  pid_t pid = fork();
  if (pid == 0) {
    fn();
    _exit(0);
  }
  int st = 0;
  waitpid(pid, &st, 0);
  return WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT;
}

static void bad_control(void) {
  nb_fuzz_check_clean("bad", "plan \001Vfr", 10);
}
static void bad_c1(void) {
  nb_fuzz_check_clean("bad", "a\xc2\x85" "b", 4);
}
static void bad_utf8(void) {
  nb_fuzz_check_clean("bad", "Caf&\xb2m", 6);
}
static void bad_space(void) {
  nb_fuzz_check_para("bad", "two  spaces");
}
static void bad_audio(void) {
  const char *x = "<speak><audio src=\"x.wav\"/></speak>";
  nb_fuzz_check_ssml(x, strlen(x));
}
static void bad_xml(void) {
  const char *x = "<speak>AT&T</speak>";
  nb_fuzz_check_ssml(x, strlen(x));
}
static void bad_chain(void) {
  nb_buf b = {0};
  for (int i = 0; i < 90; i++)
    nb_buf_puts(&b, "U. ");
  nb_buf_puts(&b, "end");
  check_speakable(b.ptr, b.ptr); /* as if nb_speakable had let it through */
  nb_buf_release(&b);
}

static void test_checks_catch(void **state) {
  (void)state;
  assert_true(aborts(bad_control));
  assert_true(aborts(bad_c1));
  assert_true(aborts(bad_utf8));
  assert_true(aborts(bad_space));
  assert_true(aborts(bad_audio));
  assert_true(aborts(bad_xml));
  assert_true(aborts(bad_chain));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_checks_accept_clean),
      cmocka_unit_test(test_checks_catch),
      cmocka_unit_test(test_text),
      cmocka_unit_test(test_html),
      cmocka_unit_test(test_feed),
      cmocka_unit_test(test_summarize),
      cmocka_unit_test(test_speakable),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_drop_state.c: the SQLite state and the run lock of `newsbrief drop`:
 * what one drop records, the next one sees; a rolled-back drop records
 * nothing; a lock is held against a second taker and dies with its holder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "publish/publish.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[64], db[128], lockp[128];

static int setup(void **state) {
  (void)state;
  strcpy(dir, "/tmp/nb-state-XXXXXX");
  assert_non_null(mkdtemp(dir));
  snprintf(db, sizeof db, "%s/state.sqlite", dir);
  snprintf(lockp, sizeof lockp, "%s/drop.lock", dir);
  return 0;
}

static int teardown(void **state) {
  (void)state;
  unlink(db);
  unlink(lockp);
  rmdir(dir);
  return 0;
}

static nb_episode episode(const char *file, int64_t date) {
  static char guid[64];
  snprintf(guid, sizeof guid, "guid-%s", file);
  nb_episode ep = {.guid = guid, .file = (char *)file, .title = "T",
                   .description = "D", .type = "audio/mpeg", .date = date,
                   .duration = 61.5, .bytes = 1234, .transcript = "x.vtt"};
  return ep;
}

static void test_record_and_reopen(void **state) {
  (void)state;
  nb_state *s;
  nb_err e = {0};
  assert_int_equal(nb_state_open(db, &s, &e), NB_OK);
  assert_int_equal(nb_state_last_drop(s), 0);
  assert_false(nb_state_seen(s, "https://example.org/a", NULL));

  assert_int_equal(nb_state_begin(s, &e), NB_OK);
  nb_episode ep = episode("b-1.mp3", 1000);
  assert_int_equal(nb_state_add_episode(s, &ep, &e), NB_OK);
  assert_true(ep.id > 0);
  assert_int_equal(nb_state_add_story(s, "https://example.org/a", "A", "world",
                                      1000, ep.id, &e),
                   NB_OK);
  assert_int_equal(nb_state_add_story(s, "hash:1", "B", "world", 1000, 0, &e),
                   NB_OK);
  assert_int_equal(nb_state_commit(s, &e), NB_OK);
  nb_state_close(s);

  /* A second drop (a new process) sees it all */
  assert_int_equal(nb_state_open(db, &s, &e), NB_OK);
  int64_t when = 0;
  assert_true(nb_state_seen(s, "https://example.org/a", &when));
  assert_int_equal(when, 1000);
  assert_true(nb_state_seen(s, "hash:1", NULL));
  assert_false(nb_state_seen(s, "hash:2", NULL));
  assert_int_equal(nb_state_last_drop(s), 1000);
  assert_true(nb_state_file_used(s, "b-1.mp3"));
  assert_false(nb_state_file_used(s, "b-2.mp3"));
  nb_episode *eps;
  size_t n;
  assert_int_equal(nb_state_episodes(s, &eps, &n, &e), NB_OK);
  assert_int_equal(n, 1);
  assert_string_equal(eps[0].file, "b-1.mp3");
  assert_string_equal(eps[0].transcript, "x.vtt");
  assert_null(eps[0].chapters);
  assert_int_equal(eps[0].bytes, 1234);
  assert_true(eps[0].duration > 61.4 && eps[0].duration < 61.6);
  nb_state_episodes_free(eps, n);
  nb_state_close(s);
}

static void test_rollback_and_prune(void **state) {
  (void)state;
  nb_state *s;
  nb_err e = {0};
  assert_int_equal(nb_state_open(db, &s, &e), NB_OK);
  assert_int_equal(nb_state_begin(s, &e), NB_OK);
  nb_episode a = episode("a.mp3", 100);
  assert_int_equal(nb_state_add_episode(s, &a, &e), NB_OK);
  assert_int_equal(nb_state_add_story(s, "k1", "A", "w", 100, a.id, &e), NB_OK);
  assert_int_equal(nb_state_commit(s, &e), NB_OK);

  /* a drop that fails before its commit leaves no trace */
  assert_int_equal(nb_state_begin(s, &e), NB_OK);
  nb_episode b = episode("b.mp3", 200);
  assert_int_equal(nb_state_add_episode(s, &b, &e), NB_OK);
  assert_int_equal(nb_state_add_story(s, "k2", "B", "w", 200, b.id, &e), NB_OK);
  nb_state_rollback(s);
  assert_false(nb_state_seen(s, "k2", NULL));
  assert_false(nb_state_file_used(s, "b.mp3"));
  assert_int_equal(nb_state_last_drop(s), 100);

  /* pruning an episode keeps its stories as seen */
  assert_int_equal(nb_state_begin(s, &e), NB_OK);
  assert_int_equal(nb_state_delete_episode(s, a.id, &e), NB_OK);
  assert_int_equal(nb_state_commit(s, &e), NB_OK);
  assert_true(nb_state_seen(s, "k1", NULL));
  nb_episode *eps;
  size_t n;
  assert_int_equal(nb_state_episodes(s, &eps, &n, &e), NB_OK);
  assert_int_equal(n, 0);
  nb_state_episodes_free(eps, n);
  nb_state_close(s);
}

static void test_not_a_database(void **state) {
  (void)state;
  FILE *f = fopen(db, "w");
  assert_non_null(f);
  fputs("this is not sqlite, but long enough to look like a header......"
        "................................................................",
        f);
  fclose(f);
  nb_state *s = NULL;
  nb_err e = {0};
  assert_int_equal(nb_state_open(db, &s, &e), NB_IO);
  assert_null(s);
  assert_non_null(strstr(e.msg, db));
}

static void test_lock(void **state) {
  (void)state;
  int fd = -1, fd2 = -1;
  nb_err e = {0};
  assert_int_equal(nb_lock_acquire(lockp, &fd, &e), NB_OK);
  /* flock locks belong to the open file: a second open conflicts even in
   * this process, as a second drop would */
  assert_int_equal(nb_lock_acquire(lockp, &fd2, &e), NB_BUSY);
  char want[256];
  snprintf(want, sizeof want,
           "another drop is running (lock %s held by pid %ld)", lockp,
           (long)getpid());
  assert_string_equal(e.msg, want);
  nb_lock_release(fd);
  assert_int_equal(nb_lock_acquire(lockp, &fd2, &e), NB_OK);
  nb_lock_release(fd2);
}

static void test_lock_dies_with_holder(void **state) {
  (void)state;
  int ready[2];
  assert_int_equal(pipe(ready), 0);
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    int fd;
    if (nb_lock_acquire(lockp, &fd, NULL) != NB_OK)
      _exit(1);
    if (write(ready[1], "x", 1) != 1)
      _exit(1);
    for (;;)
      pause();
  }
  char c;
  assert_int_equal(read(ready[0], &c, 1), 1);
  int fd;
  nb_err e = {0};
  assert_int_equal(nb_lock_acquire(lockp, &fd, &e), NB_BUSY);
  char want[64];
  snprintf(want, sizeof want, "held by pid %ld)", (long)pid);
  assert_non_null(strstr(e.msg, want));
  kill(pid, SIGKILL);
  waitpid(pid, NULL, 0);
  assert_int_equal(nb_lock_acquire(lockp, &fd, &e), NB_OK);
  nb_lock_release(fd);
  close(ready[0]);
  close(ready[1]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_record_and_reopen, setup, teardown),
      cmocka_unit_test_setup_teardown(test_rollback_and_prune, setup, teardown),
      cmocka_unit_test_setup_teardown(test_not_a_database, setup, teardown),
      cmocka_unit_test_setup_teardown(test_lock, setup, teardown),
      cmocka_unit_test_setup_teardown(test_lock_dies_with_holder, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

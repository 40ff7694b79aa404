/* test_espeak_init.c: pins an eSpeak NG 1.51 fact (Debian build) and our
 * answer to it.  espeak_ng_InitializeOutput opens a sound device even in
 * synchronous mode: pcaudiolib connects to PulseAudio (a thread, a
 * ~/.config/pulse folder, messages on stderr when that fails) before ALSA.
 * newsbrief never plays through eSpeak, so starting the synthesizer must
 * leave HOME untouched and the caller's PULSE_SERVER as it was. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "nb.h"
#include "tts/tts.h"

#include <espeak-ng/espeak_ng.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int exists(const char *dir, const char *rel) {
  char p[512];
  snprintf(p, sizeof p, "%s/%s", dir, rel);
  struct stat st;
  return stat(p, &st) == 0;
}

/* The fact itself, in a child so its side effects stay there: a bare
 * synchronous initialization reaches for PulseAudio. */
static void test_bare_init_probes_pulse(void **state) {
  (void)state;
  char home[] = "/tmp/nb-home-XXXXXX";
  assert_non_null(mkdtemp(home));
  pid_t pid = fork();
  if (pid == 0) {
    setenv("HOME", home, 1);
    unsetenv("PULSE_SERVER");
    freopen("/dev/null", "w", stderr);
    espeak_ng_InitializePath(NULL);
    espeak_ng_ERROR_CONTEXT ctx = NULL;
    if (espeak_ng_Initialize(&ctx) != ENS_OK)
      _exit(2);
    espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 100, NULL);
    _exit(0);
  }
  int status;
  assert_int_equal(waitpid(pid, &status, 0), pid);
  assert_int_equal(WEXITSTATUS(status), 0);
  assert_true(exists(home, ".config/pulse"));
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", home);
  assert_int_equal(system(cmd), 0);
}

static void test_newsbrief_init_leaves_home_alone(void **state) {
  (void)state;
  char home[] = "/tmp/nb-home-XXXXXX";
  assert_non_null(mkdtemp(home));
  setenv("HOME", home, 1);
  setenv("PULSE_SERVER", "tcp:example.invalid", 1);
  nb_tts_opts o = {1, 0, NULL};
  nb_tts *t = NULL;
  nb_err e = {0};
  assert_int_equal(nb_tts_open(&o, &t, &e), NB_OK);
  nb_voice v = {"narrator", "en-us", 170, 50, 50, 100, 0};
  nb_tts_submit(t, 0, "Nothing to see here.", &v);
  nb_tts_audio a;
  assert_int_equal(nb_tts_collect(t, 0, &a, &e), NB_OK);
  assert_true(a.n > 1000);
  nb_tts_audio_release(t, &a);
  nb_tts_close(t);
  assert_false(exists(home, ".config/pulse"));
  assert_false(exists(home, ".config"));
  assert_string_equal(getenv("PULSE_SERVER"), "tcp:example.invalid");
  rmdir(home);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_bare_init_probes_pulse),
      cmocka_unit_test(test_newsbrief_init_leaves_home_alone),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

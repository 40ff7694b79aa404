/* test_dl.c: optional libraries loaded at first use (base/dl.h): what a
 * user sees when one is missing, and that nothing half-loaded is left. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/dl.h"

#include <math.h>
#include <string.h>

static void test_loads_and_resolves(void **state) {
  (void)state;
  static void *lib;
  double (*my_cos)(double) = NULL;
  nb_dl_sym syms[] = {{"cos", (void **)&my_cos}};
  nb_err e = {0};
  assert_int_equal(nb_dl_load(&lib, "libm.so.6", "a test", syms, 1, &e),
                   NB_OK);
  assert_non_null(lib);
  assert_non_null(my_cos);
  assert_true(my_cos(0.0) == 1.0);
  /* Loaded once: a second call finds the handle and changes nothing. */
  my_cos = NULL;
  assert_int_equal(nb_dl_load(&lib, "libm.so.6", "a test", syms, 1, &e),
                   NB_OK);
  assert_null(my_cos);
}

static void test_missing_library_names_it(void **state) {
  (void)state;
  void *lib = NULL;
  void *slot = NULL;
  nb_dl_sym syms[] = {{"anything", &slot}};
  nb_err e = {0};
  assert_int_equal(nb_dl_load(&lib, "libnewsbrief-nosuch.so.9", "live playback",
                              syms, 1, &e),
                   NB_IO);
  assert_null(lib);
  assert_null(slot);
  /* One line that says what needs which library. */
  assert_non_null(strstr(e.msg, "live playback needs libnewsbrief-nosuch.so.9: "));
  assert_null(strchr(e.msg, '\n'));
}

static void test_missing_function_leaves_slots_alone(void **state) {
  (void)state;
  void *lib = NULL;
  void *sin_slot = NULL, *bad_slot = NULL;
  nb_dl_sym syms[] = {{"sin", &sin_slot}, {"nb_no_such_function", &bad_slot}};
  nb_err e = {0};
  assert_int_equal(nb_dl_load(&lib, "libm.so.6", "a test", syms, 2, &e), NB_IO);
  assert_null(lib);
  assert_null(sin_slot);
  assert_null(bad_slot);
  assert_string_equal(e.msg,
                      "a test needs libm.so.6: no function nb_no_such_function");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_loads_and_resolves),
      cmocka_unit_test(test_missing_library_names_it),
      cmocka_unit_test(test_missing_function_leaves_slots_alone),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

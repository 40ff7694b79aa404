/* test_sentences.c: the sentence splitter that every later summarizer step
 * builds on: abbreviations, initials, decimals, ellipses, closing quotes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "summarize/summarize.h"
#include "summarize/sum.h"

/* Splits text and compares with the expected sentences (NULL-terminated). */
static void expect(const char *text, const char *const *want) {
  nb_sentence *s;
  size_t n = nb_sentences(text, strlen(text), &s);
  size_t k = 0;
  while (want[k])
    k++;
  if (n != k) {
    for (size_t i = 0; i < n; i++)
      print_error("got [%.*s]\n", (int)s[i].len, text + s[i].start);
  }
  assert_int_equal(n, k);
  for (size_t i = 0; i < n; i++) {
    assert_int_equal(s[i].len, strlen(want[i]));
    assert_memory_equal(text + s[i].start, want[i], s[i].len);
  }
  free(s);
}

static void test_titles(void **state) {
  (void)state;
  expect("Mr. Kirby spoke to Mrs. Smith and Dr. Jones. St. Paul agreed.",
         (const char *const[]){"Mr. Kirby spoke to Mrs. Smith and Dr. Jones.",
                               "St. Paul agreed.", NULL});
}

static void test_acronyms(void **state) {
  (void)state;
  expect("U.S. President Joe Biden met U.K. officials. They talked.",
         (const char *const[]){"U.S. President Joe Biden met U.K. officials.",
                               "They talked.", NULL});
  /* the stop of "U.S." also ends a sentence before a typical opener */
  expect("The team flew to the U.S. The President later allowed it.",
         (const char *const[]){"The team flew to the U.S.",
                               "The President later allowed it.", NULL});
}

static void test_times_dates_numbers(void **state) {
  (void)state;
  expect("It opens at 9 a.m. Monday and costs 3.5 dollars. On Jan. 5 it "
         "closes at No. 10 Main St.",
         (const char *const[]){"It opens at 9 a.m. Monday and costs 3.5 dollars.",
                               "On Jan. 5 it closes at No. 10 Main St.", NULL});
}

static void test_initials(void **state) {
  (void)state;
  expect("John F. Kennedy spoke. He left.",
         (const char *const[]){"John F. Kennedy spoke.", "He left.", NULL});
}

static void test_ellipsis(void **state) {
  (void)state;
  expect("If an infant is not fed ... growth stops. Then what?",
         (const char *const[]){"If an infant is not fed ... growth stops.",
                               "Then what?", NULL});
}

static void test_quotes(void **state) {
  (void)state;
  expect("\xE2\x80\x9CWe stay.\xE2\x80\x9D The team left. \"Why?\" she asked. "
         "\"Because.\" He nodded.",
         (const char *const[]){"\xE2\x80\x9CWe stay.\xE2\x80\x9D",
                               "The team left.",
                               "\"Why?\" she asked.", "\"Because.\"",
                               "He nodded.", NULL});
}

static void test_empty_and_unterminated(void **state) {
  (void)state;
  nb_sentence *s;
  assert_int_equal(nb_sentences("", 0, &s), 0);
  free(s);
  assert_int_equal(nb_sentences("   ", 3, &s), 0);
  free(s);
  expect("no stop at the end", (const char *const[]){"no stop at the end", NULL});
}

/* The full stops an attribution clause reads through ("said Dr. Leila
 * Haddad", "U.S. District Judge ... told"), and the ones that end it. */
static void test_abbrev_stop(void **state) {
  (void)state;
  const char *t = "said Dr. Lena Roth";
  assert_true(nb__abbrev_stop(t, 7));
  t = "U.S. District Judge";
  assert_true(nb__abbrev_stop(t, 1)); /* the U of U.S. */
  assert_true(nb__abbrev_stop(t, 3)); /* U.S. */
  t = "John F. Kennedy";
  assert_true(nb__abbrev_stop(t, 6));
  t = "the court said. Then";
  assert_false(nb__abbrev_stop(t, 14));
  t = "the U.N.H.C.R.";
  assert_true(nb__abbrev_stop(t, 13));
  t = "told Reuters.";
  assert_false(nb__abbrev_stop(t, 12));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_titles),
      cmocka_unit_test(test_acronyms),
      cmocka_unit_test(test_times_dates_numbers),
      cmocka_unit_test(test_initials),
      cmocka_unit_test(test_ellipsis),
      cmocka_unit_test(test_quotes),
      cmocka_unit_test(test_empty_and_unterminated),
      cmocka_unit_test(test_abbrev_stop),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

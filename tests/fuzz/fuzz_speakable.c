/* fuzz_speakable.c: nb_speakable, the last gate before eSpeak, on arbitrary
 * bytes.  What comes out must be plain text that eSpeak NG 1.51 can neither
 * take as a command nor crash on (ESPEAK.md). */
#include "nbfuzz.h"
#include "sink/render.h"

#include <stdlib.h>
#include <string.h>

/* eSpeak 1.51 aborts on chains of single letters joined by dots or
 * apostrophes from about 57 letters on ("é . " x57; "U." x85, "a . " x85,
 * "s'" x68).  The sanitizer keeps at most 10; anything above this bound is a
 * chain it failed to break. */
#define CHAIN_LIMIT 40
/* Longest run of non-space characters allowed to reach eSpeak (the
 * sanitizer splits words at 40 characters; this leaves it some room). */
#define WORD_LIMIT 64

static int letter(uint32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
    return 1;
  /* Above Latin-1 punctuation, count everything outside the general
   * punctuation and symbol blocks as a letter (eSpeak's view is wider). */
  return c >= 0xC0 && c != 0xD7 && c != 0xF7 &&
         !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F) &&
         !(c >= 0xFF00 && c <= 0xFF0F) && !(c >= 0xFF1A && c <= 0xFF20);
}

static int digit(uint32_t c) {
  return c >= '0' && c <= '9';
}

static int joiner(uint32_t c) {
  return c == '.' || c == '\'' || c == 0x2018 || c == 0x2019 ||
         c == 0x02BC || c == 0x2024 || c == 0xFF0E;
}

static void check_speakable(const char *in, const char *out) {
  size_t n = strlen(out);
  nb_fuzz_check_clean("speakable", out, n);
  if (n && (out[0] == ' ' || out[n - 1] == ' '))
    nb_fuzz_fail("speakable: leading or trailing space");
  if (strstr(out, "  "))
    nb_fuzz_fail("speakable: doubled space");
  /* Each input byte gives at most a code point and a space: a sanitizer
   * that grows text without bound would be a denial of service. */
  if (n > 2 * strlen(in) + 1)
    nb_fuzz_fail("speakable: %zu bytes out of %zu in", n, strlen(in));

  /* Decode once, then scan for the shapes that crash eSpeak. */
  uint32_t *c = malloc((n + 1) * sizeof *c);
  size_t m = 0;
  for (size_t i = 0; i < n;)
    i += nb_utf8_decode(out + i, n - i, &c[m++]);
  size_t word = 0, chain = 0;
  int joined = 0, have = 0;
  for (size_t i = 0; i < m; i++) {
    if (c[i] == 0xFEFF || (c[i] >= 0xFDD0 && c[i] <= 0xFDEF) ||
        (c[i] & 0xFFFE) == 0xFFFE || c[i] == 0x2028 || c[i] == 0x2029)
      nb_fuzz_fail("speakable: U+%04X at character %zu", (unsigned)c[i], i);
    word = c[i] == ' ' ? 0 : word + 1;
    if (word > WORD_LIMIT)
      nb_fuzz_fail("speakable: a word of more than %d characters",
                   WORD_LIMIT);
    int alnum = letter(c[i]) || digit(c[i]);
    if (!alnum) {
      if (joiner(c[i]))
        joined = 1;
      continue;
    }
    int single = letter(c[i]) && (i == 0 || !(letter(c[i - 1]) || digit(c[i - 1]))) &&
                 (i + 1 == m || !(letter(c[i + 1]) || digit(c[i + 1])));
    if (!single) {
      have = 0;
      chain = 0;
      joined = 0;
      continue;
    }
    chain = have && joined ? chain + 1 : 1;
    if (chain > CHAIN_LIMIT)
      nb_fuzz_fail("speakable: %zu single letters joined by dots or "
                   "apostrophes (eSpeak 1.51 crashes on such chains)",
                   chain);
    have = 1;
    joined = 0;
  }
  free(c);
}

int nb_fuzz_speakable(const uint8_t *data, size_t size) {
  /* nb_speakable takes a C string: stop at the first NUL, as a caller's
   * string would. */
  char *in = malloc(size + 1);
  if (!in)
    return 0;
  memcpy(in, data, size);
  in[size] = 0;
  char *out = nb_speakable(in);
  if (!out)
    nb_fuzz_fail("speakable: NULL");
  check_speakable(in, out);
  free(out);
  free(in);
  return 0;
}

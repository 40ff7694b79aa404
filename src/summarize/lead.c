/* lead.c: what in an article is news and what is packaging: datelines,
 * bylines, dates, captions and site furniture are recognized here so that
 * they never become the lead or a quote. */
#include "sum.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* ---- furniture ----------------------------------------------------------- */

/* Lines that open with one of these labels are packaging, not news. */
static const char *const furniture_prefix[] = {
    "also read",   "read more",      "read also",     "see also",
    "related:",    "related stories", "related articles", "related coverage",
    "image:",      "images:",        "photo:",        "photos:",
    "photograph:", "picture:",       "pictured:",     "credit:",
    "caption:",    "video:",         "watch:",        "listen:",
    "advertisement", "sponsored",    "follow us",     "follow me",
    "share this",  "share on",       "sign up",       "subscribe",
    "click here",  "copyright",      "\xC2\xA9",      "all rights reserved",
    "download the", "get the app",   "newsletter",    "recommended:",
    "more:",       "trending:",      "most read",     "follow our",
    "follow @",    "like us on",     "join us on",    NULL};

static const char *const weekdays[] = {"monday", "tuesday", "wednesday",
                                       "thursday", "friday", "saturday",
                                       "sunday", "mon", "tue", "wed", "thu",
                                       "fri", "sat", "sun", NULL};
static const char *const months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", NULL};

/* "Friday, July 21, 2017", "21 July 2017", "2017-07-21", "Updated: ..." */
static int date_only(const char *p) {
  size_t n = strlen(p);
  if (n == 0 || n > 60)
    return 0;
  int has_month = 0, has_digit = 0;
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)p[i];
    if (isalpha(c)) {
      size_t j = i;
      while (j < n && isalpha((unsigned char)p[j]))
        j++;
      if (nb__word_in(p + i, j - i, months))
        has_month = 1;
      else if (!nb__word_in(p + i, j - i, weekdays) &&
               !nb__word_eq(p + i, j - i, "updated") &&
               !nb__word_eq(p + i, j - i, "published") &&
               !nb__word_eq(p + i, j - i, "am") &&
               !nb__word_eq(p + i, j - i, "pm") &&
               !nb__word_eq(p + i, j - i, "utc") &&
               !nb__word_eq(p + i, j - i, "gmt") &&
               !nb__word_eq(p + i, j - i, "th") &&
               !nb__word_eq(p + i, j - i, "st") &&
               !nb__word_eq(p + i, j - i, "nd") &&
               !nb__word_eq(p + i, j - i, "rd"))
        return 0;
      i = j;
    } else if (isdigit(c)) {
      has_digit = 1;
      i++;
    } else if (c == ',' || c == ' ' || c == '-' || c == '/' || c == ':' ||
               c == '.') {
      i++;
    } else
      return 0;
  }
  return has_digit && (has_month || n >= 8);
}

/* "By Jane Doe", "By Jane Doe and John Roe, Reuters" */
static int byline(const char *p) {
  size_t n = strlen(p);
  if (n < 4 || n > 80 || strncasecmp(p, "by ", 3) != 0)
    return 0;
  if (nb__ends_sentence(p, n) && p[n - 1] != '.')
    return 0;
  size_t i = 3, words = 0;
  while (i < n) {
    while (i < n && (p[i] == ' ' || p[i] == ','))
      i++;
    size_t j = i;
    while (j < n && p[j] != ' ' && p[j] != ',')
      j++;
    if (j == i)
      break;
    uint32_t c = nb__cp_at(p, n, i, NULL);
    if (!nb__is_upper_cp(c) && !nb__word_eq(p + i, j - i, "and") &&
        !nb__word_eq(p + i, j - i, "in") && !nb__word_eq(p + i, j - i, "de") &&
        !nb__word_eq(p + i, j - i, "van"))
      return 0;
    words++;
    i = j;
  }
  return words >= 1 && words <= 8;
}

/* A caption that ends with its credit: "... Image: Nick Moreau." */
static int credited_caption(const char *p) {
  static const char *const credits[] = {" Image: ", " Photo: ", " Picture: ",
                                        " Credit: ", " Photograph: ",
                                        " Image credit: ", NULL};
  size_t n = strlen(p);
  for (const char *const *c = credits; *c; c++) {
    const char *hit = strstr(p, *c);
    if (hit && (size_t)(p + n - hit) < 100)
      return 1;
  }
  return 0;
}

int nb_is_furniture(const char *para) {
  if (!para)
    return 0;
  while (*para == ' ')
    para++;
  size_t n = strlen(para);
  if (n == 0)
    return 1;
  for (const char *const *f = furniture_prefix; *f; f++) {
    size_t fl = strlen(*f);
    if (n >= fl && strncasecmp(para, *f, fl) == 0) {
      /* "Advertisement" alone, or a label followed by its content; not a
       * sentence that merely opens with the word ("Subscribers said...") */
      if (n == fl || !isalpha((unsigned char)para[fl]) || (*f)[fl - 1] == ':')
        return 1;
    }
  }
  return byline(para) || date_only(para) || credited_caption(para);
}

/* ---- datelines ----------------------------------------------------------- */

static const char *const not_places[] = {
    "image", "photo", "update", "updated", "note", "editor", "related",
    "advertisement", "watch", "read", "source", "credit", "caption", "video",
    "listen", "breaking", "exclusive", "opinion", "analysis", "warning",
    "yesterday", "today", "meanwhile", "however", "also", "but", "and",
    "the", "a", "an", "in", "on", "at", "this", "that", "it", "he", "she",
    "they", "we", "i", "q", NULL};

/* Words of a place: capitalized ("New", "York", "D.C."), all-caps, or small
 * joining words ("de", "of"); returns the end of the run. */
static size_t place_run(const char *p, size_t n, size_t i, int *allcaps,
                        size_t *words) {
  size_t end = i;
  *allcaps = 1;
  *words = 0;
  while (i < n) {
    size_t j = i, cl;
    while (j < n) {
      uint32_t c = nb__cp_at(p, n, j, &cl);
      if (nb__is_letter_cp(c) || c == '.' || c == '\'' || c == 0x2019 ||
          c == '-')
        j += cl;
      else
        break;
    }
    if (j == i)
      break;
    uint32_t c0 = nb__cp_at(p, n, i, NULL);
    int cap = nb__is_upper_cp(c0);
    int small = nb__word_eq(p + i, j - i, "of") || nb__word_eq(p + i, j - i, "de") ||
                nb__word_eq(p + i, j - i, "el") || nb__word_eq(p + i, j - i, "al");
    if (!cap && !small)
      break;
    if (*words == 0 && nb__word_in(p + i, j - i, not_places))
      return i;
    for (size_t q = i; q < j; q++)
      if (islower((unsigned char)p[q]))
        *allcaps = 0;
    (*words)++;
    end = j;
    i = j;
    if (i < n && p[i] == ' ' && *words < 4)
      i++;
    else
      break;
  }
  return end;
}

static size_t skip_spaces(const char *p, size_t n, size_t i) {
  size_t cl;
  while (i < n && nb__is_space_cp(nb__cp_at(p, n, i, &cl)))
    i += cl;
  return i;
}

size_t nb_dateline_split(const char *para, const char **name,
                         size_t *name_len) {
  if (!para)
    return 0;
  size_t n = strlen(para), cl;
  int allcaps;
  size_t words;
  size_t e = place_run(para, n, 0, &allcaps, &words);
  if (words == 0 || e > 40)
    return 0;
  size_t place_end = e;
  /* "Washington: A spokesman ..." */
  if (e < n && para[e] == ':' && words <= 3) {
    size_t k = skip_spaces(para, n, e + 1);
    if (k < n && k > e + 1 &&
        (nb__is_upper_cp(nb__cp_at(para, n, k, NULL)) ||
         nb__is_quote_cp(nb__cp_at(para, n, k, NULL)))) {
      *name = para;
      *name_len = place_end;
      return k;
    }
    return 0;
  }
  /* "KABUL, Afghanistan —", "LONDON, March 3 (Reuters) -", "WASHINGTON (AP) —" */
  size_t i = e;
  int extra = 0;
  for (int round = 0; round < 4 && i < n; round++) {
    if (para[i] == ',') {
      size_t k = skip_spaces(para, n, i + 1);
      int ac2;
      size_t w2;
      size_t e2 = place_run(para, n, k, &ac2, &w2);
      if (w2 == 0) {
        /* the year of a press release: "CAMBRIDGE, England, June 2, 2026 –" */
        size_t k3 = k;
        while (k3 < n && isdigit((unsigned char)para[k3]))
          k3++;
        if (k3 - k != 4 || !extra)
          return 0;
        i = k3;
        continue;
      }
      i = e2;
      /* a date: "March 3" */
      size_t k2 = skip_spaces(para, n, i);
      while (k2 < n && isdigit((unsigned char)para[k2]))
        k2++;
      if (k2 > i + 1 && isdigit((unsigned char)para[k2 - 1]))
        i = k2;
      extra = 1;
    } else if (para[i] == ' ' && i + 1 < n && para[i + 1] == '(') {
      const char *close = memchr(para + i, ')', n - i < 40 ? n - i : 40);
      if (!close)
        return 0;
      i = (size_t)(close - para) + 1;
      extra = 1;
    } else
      break;
  }
  size_t k = skip_spaces(para, n, i);
  if (k == i)
    return 0;
  uint32_t d = nb__cp_at(para, n, k, &cl);
  size_t after;
  if (nb__is_dash_cp(d)) {
    after = k + cl;
    if (d == '-' && after < n && para[after] == '-')
      after++;
  } else
    return 0;
  size_t start = skip_spaces(para, n, after);
  if (start == after || start >= n)
    return 0;
  /* A lone capitalized word before a dash may be anything ("Yesterday —");
   * a dateline is in capitals or has its country or agency with it. */
  if (!allcaps && !extra)
    return 0;
  if (allcaps && words == 1 && place_end < 3 && !extra)
    return 0;
  *name = para;
  *name_len = place_end;
  return start;
}

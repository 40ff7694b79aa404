/* fuzz_summarize.c: article text -> nb_summarize -> nb_script_build ->
 * nb_script_ssml, checking the story's spans, the script's text and that
 * the SSML parses back as XML with no element the article put there.
 *
 * The first two bytes pick the options (as cmark's fuzzer does):
 *   byte 0: bits 0-1 lead sentences - 1, bits 2-4 max quotes, bit 5 --full,
 *           bit 6 quote style words, bit 7 the "clear" profile
 *   byte 1: bits 0-1 frame (0 auto, 1 never, 2-3 always), bit 2 a title
 *           from the first line, bit 3 a briefing title and date
 * The rest is one article per form feed (0x0C, at most 4), one paragraph
 * per line.  Articles are built directly, as a reader would, from valid
 * UTF-8 without control bytes: the summarizer's input contract. */
#include "nbfuzz.h"
#include "prosody/prosody.h"
#include "summarize/summarize.h"

#include <stdlib.h>
#include <string.h>

#define MAX_ARTICLES 4

static const nb_profile *profile(int clear) {
  static nb_profile p[2];
  static int loaded[2];
  if (!loaded[clear]) {
    nb_err e = {0};
    if (nb_profile_load(clear ? "clear" : "newsroom", &p[clear], &e) !=
        NB_OK)
      nb_fuzz_fail("cannot load the voice profile: %s", e.msg);
    loaded[clear] = 1;
  }
  return &p[clear];
}

/* One article from text: lines are paragraphs, control bytes dropped. */
static nb_article *article(const char *p, size_t n, int title) {
  nb_article *a = nb_article_new("fuzz.txt");
  nb_buf line = {0};
  int first = 1;
  for (size_t i = 0; i <= n; i++) {
    if (i == n || p[i] == '\n') {
      if (first && title && line.len) {
        a->title = nb_article_str(a, line.ptr);
      } else if (line.len) {
        nb_article_add_para(a, line.ptr, line.len);
      }
      first = 0;
      nb_buf_clear(&line);
      continue;
    }
    unsigned char c = (unsigned char)p[i];
    if (c < 0x20 || c == 0x7F)
      continue;
    if (c == 0xC2 && i + 1 < n && (unsigned char)p[i + 1] <= 0x9F) {
      i++; /* a C1 control */
      continue;
    }
    nb_buf_putc(&line, (char)c);
  }
  nb_buf_release(&line);
  return a;
}

int nb_fuzz_summarize(const uint8_t *data, size_t size) {
  if (size < 2)
    return 0;
  unsigned b0 = data[0], b1 = data[1];
  const char *text = (const char *)data + 2;
  size_t len = size - 2;
  size_t bad;
  if (!nb_utf8_valid(text, len, &bad))
    return 0;

  nb_summary_opts so = {0};
  so.lead_sentences = 1 + (b0 & 3);
  so.max_quotes = (b0 >> 2) & 7;
  nb_script_opts po = {0};
  po.full = (b0 >> 5) & 1;
  po.quote_style = (b0 >> 6) & 1 ? NB_QUOTES_WORDS : NB_QUOTES_VOICE;
  po.frame = (b1 & 3) == 0 ? -1 : (b1 & 3) == 1 ? 0 : 1;
  if ((b1 >> 3) & 1) {
    po.title = "the <fuzz> & \"briefing\"";
    po.date = "Friday, March 17, 2023";
  }
  const nb_profile *prof = profile((b0 >> 7) & 1);

  nb_article *arts[MAX_ARTICLES];
  nb_story *stories[MAX_ARTICLES];
  size_t n = 0, start = 0;
  for (size_t i = 0; i <= len; i++) {
    if (i < len && (text[i] != '\f' || n == MAX_ARTICLES - 1))
      continue; /* the last article takes the rest */
    arts[n] = article(text + start, i - start, (b1 >> 2) & 1);
    nb_fuzz_check_article(arts[n]);
    stories[n] = nb_summarize(arts[n], &so);
    nb_fuzz_check_story(stories[n], arts[n], so.lead_sentences,
                        so.max_quotes);
    n++;
    start = i + 1;
  }

  nb_script *s = nb_script_build(stories, n, prof, &po);
  nb_fuzz_check_script(s, n);
  nb_buf ssml = {0};
  nb_script_ssml(s, &ssml);
  if (!ssml.ptr)
    nb_fuzz_fail("ssml: nothing written");
  nb_fuzz_check_ssml(ssml.ptr, ssml.len);
  nb_buf_release(&ssml);
  nb_script_free(s);
  for (size_t i = 0; i < n; i++) {
    nb_story_free(stories[i]);
    nb_article_free(arts[i]);
  }
  return 0;
}

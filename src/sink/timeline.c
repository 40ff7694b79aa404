/* timeline.c: what render.c learned about where each segment landed, turned
 * into text for people and tools: WebVTT and SRT transcripts, Podcasting 2.0
 * JSON chapters and the --segments JSON.  Every time comes from a sample
 * count, so it is exact to the sample.  libc only. */
#include "sink/sink.h"
#include "tts/tts.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void nb__timeline_release(nb__timeline *t) {
  for (size_t i = 0; i < t->n; i++)
    free(t->segs[i].events);
  free(t->segs);
  t->segs = NULL;
  t->n = 0;
}

nb_status nb__transcript_check(const char *path, int *srt, nb_err *e) {
  const char *dot = strrchr(path, '.');
  if (dot && strcasecmp(dot, ".vtt") == 0) {
    *srt = 0;
    return NB_OK;
  }
  if (dot && strcasecmp(dot, ".srt") == 0) {
    *srt = 1;
    return NB_OK;
  }
  return nb_err_set(e, NB_USAGE,
                    "%s: unknown transcript format (use .vtt or .srt)", path);
}

/* ---- cues ---------------------------------------------------------------- */

typedef struct cue {
  uint64_t start, end;
  const char *text;
  size_t len;
  const nb_segment *seg;
} cue;

/* Where sentences end in a segment's text: after . ? ! (and any closing
 * quote or bracket) followed by a space and a capital letter, a digit or an
 * opening quote, unless the word before is a short capitalized abbreviation
 * such as "Mr." or "Dr.".  Used only when the count agrees with eSpeak's
 * sentence events, so a disagreement costs a split, never a wrong time. */
static size_t split_sentences(const char *s, size_t *ends, size_t max) {
  size_t n = 0, len = strlen(s);
  for (size_t i = 0; i < len && n + 1 < max; i++) {
    if (s[i] != '.' && s[i] != '?' && s[i] != '!')
      continue;
    size_t j = i + 1;
    while (j < len && strchr("\"')]", s[j]))
      j++;
    /* closing curly quotes: U+2019, U+201D (E2 80 99 / E2 80 9D) */
    while (j + 2 < len && (unsigned char)s[j] == 0xE2 &&
           (unsigned char)s[j + 1] == 0x80 &&
           ((unsigned char)s[j + 2] == 0x99 || (unsigned char)s[j + 2] == 0x9D))
      j += 3;
    if (j >= len || s[j] != ' ')
      continue;
    size_t k = j;
    while (k < len && s[k] == ' ')
      k++;
    if (k >= len)
      continue;
    unsigned char c = (unsigned char)s[k];
    if (!(isupper(c) || isdigit(c) || c == '"' || c == 0xE2))
      continue;
    if (s[i] == '.') {
      size_t w = i;
      while (w > 0 && s[w - 1] != ' ')
        w--;
      if (i - w <= 3 && isupper((unsigned char)s[w]))
        continue;
    }
    ends[n++] = j;
  }
  ends[n++] = len;
  return n;
}

static void trim(const char **p, size_t *n) {
  while (*n && isspace((unsigned char)**p)) {
    (*p)++;
    (*n)--;
  }
  while (*n && isspace((unsigned char)(*p)[*n - 1]))
    (*n)--;
}

/* Cues in order: one per sentence (when eSpeak's sentence events match the
 * text's sentences) or one per segment.  Caller frees. */
static cue *make_cues(const nb__timeline *t, size_t *n_out) {
  size_t n = 0, cap = 0;
  cue *cues = NULL;
  for (size_t i = 0; i < t->n; i++) {
    const nb__tl_seg *ts = &t->segs[i];
    const nb_segment *seg = ts->seg;
    if (ts->failed || !seg->text || !*seg->text || ts->end <= ts->start)
      continue;
    size_t ends[64];
    size_t k = split_sentences(seg->text, ends, 64);
    /* Sentence starts from eSpeak, within this segment; eSpeak may or may
     * not report the first one at the segment's start. */
    uint64_t starts[64];
    size_t m = 0;
    for (size_t j = 0; j < ts->n_events && m < 64; j++)
      if (ts->events[j].type == NB_TTS_SENTENCE)
        starts[m++] = ts->events[j].sample;
    if (m == k - 1 || (m > 0 && m == k && starts[0] > ts->start)) {
      memmove(starts + 1, starts, m * sizeof *starts);
      starts[0] = ts->start;
      m++;
    }
    if (m != k)
      k = 1; /* disagreement: the whole segment is one cue */
    size_t from = 0;
    for (size_t j = 0; j < k; j++) {
      size_t to = k == 1 ? strlen(seg->text) : ends[j];
      cue c = {.start = k == 1 ? ts->start : starts[j],
               .end = (k == 1 || j + 1 == k) ? ts->end : starts[j + 1],
               .text = seg->text + from,
               .len = to - from,
               .seg = seg};
      if (c.start < ts->start)
        c.start = ts->start;
      if (c.end > ts->end || c.end <= c.start)
        c.end = ts->end;
      trim(&c.text, &c.len);
      from = to;
      if (!c.len)
        continue;
      if (n == cap) {
        cap = cap ? cap * 2 : 32;
        cues = nb_xrealloc(cues, cap * sizeof *cues);
      }
      cues[n++] = c;
    }
  }
  *n_out = n;
  return cues;
}

static void put_time(nb_buf *b, uint64_t sample, unsigned rate, char sep) {
  uint64_t ms = (sample * 1000 + rate / 2) / rate;
  nb_buf_printf(b, "%02llu:%02llu:%02llu%c%03llu",
                (unsigned long long)(ms / 3600000),
                (unsigned long long)(ms / 60000 % 60),
                (unsigned long long)(ms / 1000 % 60), sep,
                (unsigned long long)(ms % 1000));
}

/* Cue text: & < > escaped (WebVTT needs it; SRT players show tags too). */
static void put_cue_text(nb_buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '&')
      nb_buf_puts(b, "&amp;");
    else if (c == '<')
      nb_buf_puts(b, "&lt;");
    else if (c == '>')
      nb_buf_puts(b, "&gt;");
    else if (c == '\n' || c == '\r')
      nb_buf_putc(b, ' ');
    else
      nb_buf_putc(b, c);
  }
}

void nb__timeline_vtt(const nb__timeline *t, nb_buf *out) {
  size_t n;
  cue *cues = make_cues(t, &n);
  nb_buf_puts(out, "WEBVTT\n");
  for (size_t i = 0; i < n; i++) {
    nb_buf_printf(out, "\n%zu\n", i + 1);
    put_time(out, cues[i].start, t->in_rate, '.');
    nb_buf_puts(out, " --> ");
    put_time(out, cues[i].end, t->in_rate, '.');
    nb_buf_putc(out, '\n');
    const nb_segment *seg = cues[i].seg;
    if (seg->role == NB_ROLE_QUOTE && seg->speaker && *seg->speaker) {
      nb_buf_puts(out, "<v ");
      put_cue_text(out, seg->speaker, strlen(seg->speaker));
      nb_buf_puts(out, ">");
      put_cue_text(out, cues[i].text, cues[i].len);
      nb_buf_puts(out, "</v>\n");
    } else {
      put_cue_text(out, cues[i].text, cues[i].len);
      nb_buf_putc(out, '\n');
    }
  }
  free(cues);
}

void nb__timeline_srt(const nb__timeline *t, nb_buf *out) {
  size_t n;
  cue *cues = make_cues(t, &n);
  for (size_t i = 0; i < n; i++) {
    if (i)
      nb_buf_putc(out, '\n');
    nb_buf_printf(out, "%zu\n", i + 1);
    put_time(out, cues[i].start, t->in_rate, ',');
    nb_buf_puts(out, " --> ");
    put_time(out, cues[i].end, t->in_rate, ',');
    nb_buf_putc(out, '\n');
    const nb_segment *seg = cues[i].seg;
    if (seg->role == NB_ROLE_QUOTE && seg->speaker && *seg->speaker) {
      put_cue_text(out, seg->speaker, strlen(seg->speaker));
      nb_buf_puts(out, ": ");
    }
    put_cue_text(out, cues[i].text, cues[i].len);
    nb_buf_putc(out, '\n');
  }
  free(cues);
}

/* ---- JSON ---------------------------------------------------------------- */

static void put_seconds(nb_buf *b, uint64_t sample, unsigned rate) {
  /* Six decimals keep sample precision (one sample is 45 us at 22,050 Hz). */
  nb_buf_printf(b, "%.6f", (double)sample / rate);
}

/* A chapter title from the story's first spoken words, when the script has
 * no title for it: up to about 60 bytes, cut at a space, with an ellipsis. */
static char *title_from_text(const char *s) {
  size_t n = strlen(s);
  if (n <= 60)
    return nb_xstrdup(s);
  size_t cut = 60;
  while (cut > 20 && s[cut] != ' ')
    cut--;
  while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
    cut--; /* no space to cut at: at least a character boundary */
  while (cut > 0 && (s[cut - 1] == ',' || s[cut - 1] == ' '))
    cut--;
  nb_buf b = {0};
  nb_buf_put(&b, s, cut);
  nb_buf_puts(&b, "\xE2\x80\xA6");
  return nb_buf_detach(&b);
}

nb__chapter *nb__timeline_chapter_list(const nb__timeline *t, size_t *n_out) {
  nb__chapter *ch = nb_xcalloc(t->n + 1, sizeof *ch);
  size_t n = 0;
  /* An intro before the first story is a chapter of its own. */
  for (size_t i = 0; i < t->n; i++) {
    const nb_segment *seg = t->segs[i].seg;
    if (seg->story >= 0)
      break;
    if (seg->role == NB_ROLE_INTRO && seg->text && *seg->text) {
      ch[n].start = t->segs[i].start;
      ch[n++].title = title_from_text(seg->text);
      break;
    }
  }
  int last_story = -1;
  for (size_t i = 0; i < t->n; i++) {
    const nb_segment *seg = t->segs[i].seg;
    if (seg->story < 0 || seg->story <= last_story)
      continue;
    last_story = seg->story;
    const char *title = NULL;
    if (t->script->story_titles && (size_t)seg->story < t->script->n_stories)
      title = t->script->story_titles[seg->story];
    ch[n].start = t->segs[i].start;
    if (title && *title) {
      ch[n].title = nb_xstrdup(title);
    } else {
      /* the story's lead (or its first segment) stands in for a title */
      const char *text = seg->text;
      for (size_t j = i; j < t->n && t->segs[j].seg->story == seg->story; j++)
        if (t->segs[j].seg->role == NB_ROLE_LEAD ||
            t->segs[j].seg->role == NB_ROLE_HEADLINE) {
          text = t->segs[j].seg->text;
          break;
        }
      if (text && *text) {
        ch[n].title = title_from_text(text);
      } else {
        nb_buf b = {0};
        nb_buf_printf(&b, "Story %d", seg->story + 1);
        ch[n].title = nb_buf_detach(&b);
      }
    }
    n++;
  }
  *n_out = n;
  return ch;
}

void nb__chapters_free(nb__chapter *ch, size_t n) {
  for (size_t i = 0; ch && i < n; i++)
    free(ch[i].title);
  free(ch);
}

void nb__timeline_chapters(const nb__timeline *t, nb_buf *out) {
  size_t n;
  nb__chapter *ch = nb__timeline_chapter_list(t, &n);
  nb_buf_puts(out, "{\"version\": \"1.2.0\", \"chapters\": [");
  for (size_t i = 0; i < n; i++) {
    nb_buf_puts(out, i ? ",\n  " : "\n  ");
    nb_buf_puts(out, "{\"startTime\": ");
    put_seconds(out, ch[i].start, t->in_rate);
    nb_buf_puts(out, ", \"title\": ");
    nb_json_str(out, ch[i].title);
    nb_buf_puts(out, "}");
  }
  nb_buf_puts(out, "\n]}\n");
  nb__chapters_free(ch, n);
}

void nb__timeline_segments(const nb__timeline *t, nb_buf *out) {
  nb_buf_printf(out, "{\"sample_rate\": %u, \"duration\": ", t->out_rate);
  put_seconds(out, t->total, t->in_rate);
  nb_buf_puts(out, ", \"segments\": [");
  for (size_t i = 0; i < t->n; i++) {
    const nb__tl_seg *ts = &t->segs[i];
    const nb_segment *seg = ts->seg;
    nb_buf_puts(out, i ? ",\n  " : "\n  ");
    nb_buf_printf(out, "{\"role\": \"%s\", \"text\": ", nb_role_name(seg->role));
    nb_json_str(out, seg->text);
    nb_buf_puts(out, ", \"voice\": ");
    nb_json_str(out, seg->voice ? seg->voice->name : NULL);
    if (seg->story >= 0)
      nb_buf_printf(out, ", \"story\": %d", seg->story);
    else
      nb_buf_puts(out, ", \"story\": null");
    if (seg->speaker) {
      nb_buf_puts(out, ", \"speaker\": ");
      nb_json_str(out, seg->speaker);
    }
    nb_buf_puts(out, ", \"start\": ");
    put_seconds(out, ts->start, t->in_rate);
    nb_buf_puts(out, ", \"end\": ");
    put_seconds(out, ts->end, t->in_rate);
    /* The same instants as sample indices in the written file. */
    nb_buf_printf(out, ", \"start_sample\": %llu, \"end_sample\": %llu",
                  (unsigned long long)((ts->start * t->out_rate + t->in_rate / 2) /
                                       t->in_rate),
                  (unsigned long long)((ts->end * t->out_rate + t->in_rate / 2) /
                                       t->in_rate));
    /* Where each word starts, from eSpeak's word events: for
     * highlighting along with the speech. */
    nb_buf_puts(out, ", \"words\": [");
    int nw = 0;
    for (size_t j = 0; j < ts->n_events; j++)
      if (ts->events[j].type == NB_TTS_WORD) {
        if (nw++)
          nb_buf_puts(out, ", ");
        put_seconds(out, ts->events[j].sample, t->in_rate);
      }
    nb_buf_puts(out, "]");
    if (ts->failed)
      nb_buf_puts(out, ", \"failed\": true");
    nb_buf_puts(out, "}");
  }
  nb_buf_puts(out, "\n]}\n");
}

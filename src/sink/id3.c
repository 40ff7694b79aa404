/* id3.c: the ID3v2.4 tag at the head of an MP3 file: title, artist, album,
 * date, comment and the software as UTF-8 text frames, and the chapters
 * (CTOC and CHAP frames, from the ID3v2 Chapter Frame Addendum) that podcast
 * players show.  libsndfile's LAME writer gives an MP3 only an ID3v1 tag at
 * its end (30 Latin-1 characters of title, no chapters), so the file sink
 * reserves room at the start and fills it here when the audio is done.
 * libc only. */
#include "sink/sink.h"

#include <string.h>

#define META_MAX 1024 /* bytes of each text: the tag has 32 KB in all */
#define TITLE_MAX 96  /* bytes of a chapter title: 255 of them fit */

static void be32(nb_buf *b, uint32_t v) {
  unsigned char c[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
                        (unsigned char)(v >> 8), (unsigned char)v};
  nb_buf_put(b, c, 4);
}

/* ID3v2.4 sizes are "syncsafe": 7 bits a byte. */
static void syncsafe(unsigned char out[4], uint32_t v) {
  for (int i = 3; i >= 0; i--, v >>= 7)
    out[i] = v & 0x7f;
}

static void frame(nb_buf *b, const char id[4], const nb_buf *body) {
  unsigned char h[10] = {0};
  memcpy(h, id, 4);
  syncsafe(h + 4, (uint32_t)body->len);
  nb_buf_put(b, h, 10);
  nb_buf_put(b, body->ptr, body->len);
}

/* At most max bytes of s, cut at a character boundary. */
static size_t utf8_cut(const char *s, size_t max) {
  size_t n = strlen(s);
  if (n <= max)
    return n;
  while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
    max--;
  return max;
}

/* A text frame: encoding 3 (UTF-8), the text (at most max bytes).  Nothing
 * for empty text. */
static void text_frame(nb_buf *b, const char id[4], const char *text,
                       size_t max) {
  if (!text || !*text)
    return;
  nb_buf body = {0};
  nb_buf_putc(&body, 3);
  nb_buf_put(&body, text, utf8_cut(text, max));
  frame(b, id, &body);
  nb_buf_release(&body);
}

static void meta_frames(nb_buf *b, const nb__file_meta *m) {
  if (!m)
    return;
  text_frame(b, "TIT2", m->title, META_MAX);
  text_frame(b, "TPE1", m->artist, META_MAX);
  text_frame(b, "TALB", m->album, META_MAX);
  text_frame(b, "TDRC", m->date, 32);
  if (m->comment && *m->comment) { /* COMM: encoding, language, "", text */
    nb_buf body = {0};
    nb_buf_putc(&body, 3);
    nb_buf_put(&body, "eng", 3);
    nb_buf_putc(&body, 0);
    nb_buf_put(&body, m->comment, utf8_cut(m->comment, META_MAX));
    frame(b, "COMM", &body);
    nb_buf_release(&body);
  }
  text_frame(b, "TSSE", "newsbrief " NB_VERSION, META_MAX);
}

static uint32_t ms_of(uint64_t sample, unsigned rate) {
  uint64_t ms = (sample * 1000 + rate / 2) / rate;
  return ms > 0xfffffffe ? 0xfffffffe : (uint32_t)ms;
}

/* One CHAP frame: id "chI", start and end in ms, no byte offsets, the
 * title as an embedded TIT2. */
static void chap_frame(nb_buf *b, size_t i, uint32_t start, uint32_t end,
                       const char *title) {
  nb_buf body = {0}, sub = {0};
  nb_buf_printf(&body, "ch%zu", i);
  nb_buf_putc(&body, 0);
  be32(&body, start);
  be32(&body, end);
  be32(&body, 0xffffffff);
  be32(&body, 0xffffffff);
  text_frame(&sub, "TIT2", title, TITLE_MAX);
  nb_buf_put(&body, sub.ptr, sub.len);
  frame(b, "CHAP", &body);
  nb_buf_release(&body);
  nb_buf_release(&sub);
}

/* A CTOC and one CHAP per chapter, as many as fit in room bytes (whole
 * chapters, in order; the last kept one ends at total, so every moment of
 * the audio is in a chapter). */
static void chapter_frames(nb_buf *b, const nb__chapter *ch, size_t n,
                           uint64_t total, unsigned rate, size_t room) {
  size_t kept = 0, used = 10 + 4 + 2; /* the CTOC's header, id, flags */
  for (; kept < n; kept++) {
    nb_buf one = {0};
    chap_frame(&one, kept, 0, 0, ch[kept].title); /* times do not change
                                                     the size */
    size_t need = one.len + 8; /* and its "chI\0" in the CTOC */
    nb_buf_release(&one);
    if (used + need > room)
      break;
    used += need;
  }
  if (!kept)
    return;
  nb_buf toc = {0};
  nb_buf_puts(&toc, "toc");
  nb_buf_putc(&toc, 0);
  nb_buf_putc(&toc, 3); /* top-level, ordered */
  nb_buf_putc(&toc, (char)kept);
  for (size_t i = 0; i < kept; i++) {
    nb_buf_printf(&toc, "ch%zu", i);
    nb_buf_putc(&toc, 0);
  }
  frame(b, "CTOC", &toc);
  nb_buf_release(&toc);
  for (size_t i = 0; i < kept; i++)
    chap_frame(b, i, ms_of(ch[i].start, rate),
               ms_of(i + 1 < kept ? ch[i + 1].start : total, rate), ch[i].title);
}

size_t nb__id3_tag(unsigned char *out, size_t size, const nb__file_meta *m,
                   const nb__chapter *ch, size_t n, uint64_t total,
                   unsigned rate) {
  if (size < 64)
    return 0;
  nb_buf frames = {0};
  meta_frames(&frames, m);
  if (frames.len + 10 > size) /* the text alone does not fit: no tag */
    frames.len = 0;
  if (ch && n && rate)
    chapter_frames(&frames, ch, n > 255 ? 255 : n, total, rate,
                   size - 10 - frames.len);
  memset(out, 0, size); /* what the frames leave is padding */
  memcpy(out, "ID3\x04\x00\x00", 6);
  syncsafe(out + 6, (uint32_t)(size - 10));
  if (frames.len)
    memcpy(out + 10, frames.ptr, frames.len);
  nb_buf_release(&frames);
  return size;
}

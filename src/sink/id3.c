/* id3.c: the ID3v2.4 tag at the head of an MP3 file: title, artist, album,
 * date, comment and the software as UTF-8 text frames, and the chapters
 * (CTOC and CHAP frames, from the ID3v2 Chapter Frame Addendum) that podcast
 * players show.  libsndfile's LAME writer gives an MP3 only an ID3v1 tag at
 * its end (30 Latin-1 characters of title, no chapters), so the file sink
 * reserves room at the start and fills it here when the audio is done.
 * libc only. */
#include "sink/sink.h"

#include <string.h>

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

/* A text frame: encoding 3 (UTF-8), the text.  Nothing for empty text. */
static void text_frame(nb_buf *b, const char id[4], const char *text) {
  if (!text || !*text)
    return;
  nb_buf body = {0};
  nb_buf_putc(&body, 3);
  nb_buf_puts(&body, text);
  frame(b, id, &body);
  nb_buf_release(&body);
}

static void meta_frames(nb_buf *b, const nb__file_meta *m) {
  if (!m)
    return;
  text_frame(b, "TIT2", m->title);
  text_frame(b, "TPE1", m->artist);
  text_frame(b, "TALB", m->album);
  text_frame(b, "TDRC", m->date);
  if (m->comment && *m->comment) { /* COMM: encoding, language, "", text */
    nb_buf body = {0};
    nb_buf_putc(&body, 3);
    nb_buf_put(&body, "eng", 3);
    nb_buf_putc(&body, 0);
    nb_buf_puts(&body, m->comment);
    frame(b, "COMM", &body);
    nb_buf_release(&body);
  }
  text_frame(b, "TSSE", "newsbrief " NB_VERSION);
}

static uint32_t ms_of(uint64_t sample, unsigned rate) {
  uint64_t ms = (sample * 1000 + rate / 2) / rate;
  return ms > 0xfffffffe ? 0xfffffffe : (uint32_t)ms;
}

/* CTOC then one CHAP per chapter, while they fit in room bytes. */
static void chapter_frames(nb_buf *b, const nb__chapter *ch, size_t n,
                           uint64_t total, unsigned rate, size_t room) {
  nb_buf chaps = {0};
  size_t kept = 0;
  for (size_t i = 0; i < n; i++) {
    nb_buf body = {0}, sub = {0};
    nb_buf_printf(&body, "ch%zu", i);
    nb_buf_putc(&body, 0);
    be32(&body, ms_of(ch[i].start, rate));
    be32(&body, ms_of(i + 1 < n ? ch[i + 1].start : total, rate));
    be32(&body, 0xffffffff); /* byte offsets: not given */
    be32(&body, 0xffffffff);
    text_frame(&sub, "TIT2", ch[i].title);
    nb_buf_put(&body, sub.ptr, sub.len);
    size_t before = chaps.len;
    frame(&chaps, "CHAP", &body);
    nb_buf_release(&body);
    nb_buf_release(&sub);
    /* the CTOC grows by the id too: "chN\0" */
    if (chaps.len + 10 + 2 + 4 + (kept + 1) * 8 > room) {
      chaps.len = before; /* the rest do not fit: stop at a whole chapter */
      break;
    }
    kept++;
  }
  if (kept) {
    nb_buf toc = {0};
    nb_buf_puts(&toc, "toc");
    nb_buf_putc(&toc, 0);
    nb_buf_putc(&toc, 3); /* top-level, ordered */
    nb_buf_putc(&toc, (char)(kept > 255 ? 255 : kept));
    for (size_t i = 0; i < kept && i < 255; i++) {
      nb_buf_printf(&toc, "ch%zu", i);
      nb_buf_putc(&toc, 0);
    }
    frame(b, "CTOC", &toc);
    nb_buf_release(&toc);
    nb_buf_put(b, chaps.ptr, chaps.len);
  }
  nb_buf_release(&chaps);
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

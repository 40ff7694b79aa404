/* sndfile.c: the audio file sink, the last step of a file rendering: float
 * samples in, WAV/FLAC/Ogg Vorbis/Ogg Opus/MP3 out through libsndfile (the
 * only file that includes it), written to a temporary name beside the
 * target and renamed over it only when complete. */
#include "sink/sink.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

struct nb__file_sink {
  SNDFILE *sf;
  nb_atomic tmp;
  unsigned channels;
  nb__file_kind kind;
  /* MP3: the metadata (copied) and chapters for the ID3v2 tag written
   * into the room kept at the head of the file */
  nb__file_meta meta;
  const nb__chapter *ch;
  size_t n_ch;
  uint64_t ch_total;
  unsigned ch_rate;
  int16_t *s16; /* frames on their way out, as 16 bits... */
  float *f32;   /* ...or as float */
  size_t s16_cap, f32_cap; /* in samples */
};

/* Frames per write: 16-bit frames go to a WAV file in one write(2) each
 * (libsndfile's own float conversion goes through an 8 KB buffer, a
 * system call per 4,096 samples: 50,000 calls for 40 minutes). */
#define BLOCK 32768

static const struct {
  const char *ext;
  nb__file_kind kind;
  int format;
  unsigned rate;
} kinds[] = {
    {".wav", NB__FILE_WAV, SF_FORMAT_WAV | SF_FORMAT_PCM_16, 44100},
    {".flac", NB__FILE_FLAC, SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 44100},
    {".ogg", NB__FILE_OGG, SF_FORMAT_OGG | SF_FORMAT_VORBIS, 44100},
    {".oga", NB__FILE_OGG, SF_FORMAT_OGG | SF_FORMAT_VORBIS, 44100},
    /* Opus only takes 8, 12, 16, 24 or 48 kHz. */
    {".opus", NB__FILE_OPUS, SF_FORMAT_OGG | SF_FORMAT_OPUS, 48000},
    {".mp3", NB__FILE_MP3, SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III, 44100},
};

nb_status nb__file_kind_of(const char *path, nb__file_kind *kind, nb_err *e) {
  const char *dot = strrchr(path, '.');
  const char *slash = strrchr(path, '/');
  if (dot && (!slash || dot > slash))
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
      if (strcasecmp(dot, kinds[i].ext) == 0) {
        *kind = kinds[i].kind;
        return NB_OK;
      }
  return nb_err_set(e, NB_USAGE,
                    "%s: unknown audio format (use .wav, .flac, .ogg, .opus "
                    "or .mp3)",
                    path);
}

unsigned nb__file_default_rate(nb__file_kind kind) {
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (kinds[i].kind == kind)
      return kinds[i].rate;
  return 44100;
}

static int format_of(nb__file_kind kind) {
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (kinds[i].kind == kind)
      return kinds[i].format;
  return 0;
}

/* libsndfile reports a failed write(2) as a generic error; the errno it
 * left behind says what really happened ("No space left on device"). */
static nb_status sf_fail(nb_err *e, const char *path, SNDFILE *sf, int err) {
  if (err)
    return nb_err_set(e, NB_IO, "%s: %s", path, strerror(err));
  return nb_err_set(e, NB_IO, "%s: %s", path, sf_strerror(sf));
}

static char *dup_or_null(const char *s) { return s ? nb_xstrdup(s) : NULL; }

static void file_free(nb__file_sink *f) {
  free(f->s16);
  free(f->f32);
  free((char *)f->meta.title);
  free((char *)f->meta.artist);
  free((char *)f->meta.album);
  free((char *)f->meta.date);
  free((char *)f->meta.comment);
  free(f);
}

/* Writes the tag (chapters once known) into the room at the head of the
 * file: the same size every time, so the audio after it never moves. */
static nb_status id3_write(nb__file_sink *f, nb_err *e) {
  unsigned char *tag = nb_xmalloc(NB__ID3_ROOM);
  nb__id3_tag(tag, NB__ID3_ROOM, &f->meta, f->ch, f->n_ch, f->ch_total,
              f->ch_rate);
  size_t done = 0;
  while (done < NB__ID3_ROOM) {
    ssize_t w = pwrite(f->tmp.fd, tag + done, NB__ID3_ROOM - done, (off_t)done);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0) {
      free(tag);
      return nb_err_set(e, NB_IO, "%s: %s", f->tmp.path,
                        strerror(w < 0 ? errno : EIO));
    }
    done += (size_t)w;
  }
  free(tag);
  return NB_OK;
}

static nb_status id3_begin(nb__file_sink *f, const nb__file_meta *m,
                           nb_err *e) {
  if (m) {
    f->meta.title = dup_or_null(m->title);
    f->meta.artist = dup_or_null(m->artist);
    f->meta.album = dup_or_null(m->album);
    f->meta.date = dup_or_null(m->date);
    f->meta.comment = dup_or_null(m->comment);
  }
  nb_status st = id3_write(f, e);
  if (!st && lseek(f->tmp.fd, (off_t)NB__ID3_ROOM, SEEK_SET) < 0)
    st = nb_err_set(e, NB_IO, "%s: %s", f->tmp.path, strerror(errno));
  return st;
}

void nb__file_set_chapters(nb__file_sink *f, const nb__chapter *ch, size_t n,
                           uint64_t total, unsigned rate) {
  f->ch = ch;
  f->n_ch = n;
  f->ch_total = total;
  f->ch_rate = rate;
}

nb_status nb__file_open(const char *path, unsigned rate, unsigned channels,
                        int durable, const nb__file_meta *meta,
                        nb__file_sink **out, nb_err *e) {
  nb__file_kind kind;
  nb_status st = nb__file_kind_of(path, &kind, e);
  if (st)
    return st;
  SF_INFO info = {.samplerate = (int)rate,
                  .channels = (int)channels,
                  .format = format_of(kind)};
  /* libsndfile accepts these and then fails to open: say why up front. */
  if (kind == NB__FILE_OPUS && rate != 8000 && rate != 12000 &&
      rate != 16000 && rate != 24000 && rate != 48000)
    return nb_err_set(e, NB_USAGE,
                      "%s: Opus takes 8000, 12000, 16000, 24000 or 48000 Hz, "
                      "not %u",
                      path, rate);
  if (kind == NB__FILE_MP3 && rate != 8000 && rate != 11025 && rate != 12000 &&
      rate != 16000 && rate != 22050 && rate != 24000 && rate != 32000 &&
      rate != 44100 && rate != 48000)
    return nb_err_set(e, NB_USAGE, "%s: MP3 cannot be written at %u Hz", path,
                      rate);
  if (!sf_format_check(&info))
    return nb_err_set(e, NB_USAGE,
                      "%s: this format cannot be written at %u Hz, %u "
                      "channel%s",
                      path, rate, channels, channels == 1 ? "" : "s");
  nb__file_sink *f = nb_xcalloc(1, sizeof *f);
  f->channels = channels;
  f->kind = kind;
  st = nb_atomic_open(&f->tmp, path, e);
  if (st) {
    free(f);
    return st;
  }
  f->tmp.no_sync = !durable;
  if (kind == NB__FILE_MP3 && (st = id3_begin(f, meta, e))) {
    nb_atomic_abort(&f->tmp);
    file_free(f);
    return st;
  }
  /* libsndfile writes from where the descriptor stands (after the room
   * for the tag) and seeks relative to it. */
  f->sf = sf_open_fd(f->tmp.fd, SFM_WRITE, &info, 0);
  if (!f->sf) {
    nb_err_set(e, NB_IO, "%s: %s", path, sf_strerror(NULL));
    nb_atomic_abort(&f->tmp);
    file_free(f);
    return e ? e->status : NB_IO;
  }
  /* Float input beyond full scale must clip, not wrap around. */
  sf_command(f->sf, SFC_SET_CLIPPING, NULL, SF_TRUE);
  if (kind == NB__FILE_OGG || kind == NB__FILE_OPUS || kind == NB__FILE_MP3) {
    double q = 0.5; /* speech: a middle quality is plenty */
    sf_command(f->sf, SFC_SET_COMPRESSION_LEVEL, &q, sizeof q);
  }
  /* Every format but WAV needs its metadata before the first sample.  MP3
   * has its own tag (id3.c): libsndfile's LAME writer would add a second
   * ID3v2.3 tag after it, in Latin-1, for any text over 30 bytes. */
  if (meta && kind != NB__FILE_MP3) {
    const struct {
      int id;
      const char *v;
    } tags[] = {{SF_STR_TITLE, meta->title},
                {SF_STR_ARTIST, meta->artist},
                {SF_STR_ALBUM, meta->album},
                {SF_STR_DATE, meta->date},
                {SF_STR_COMMENT, meta->comment},
                {SF_STR_SOFTWARE, "newsbrief " NB_VERSION}};
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
      if (tags[i].v && *tags[i].v)
        sf_set_string(f->sf, tags[i].id, tags[i].v);
  }
  *out = f;
  return NB_OK;
}

/* Float to 16 bits: scaled by 32768 (eSpeak's int16 / 32768 comes back
 * exactly), rounded to nearest, clamped: what libsndfile does for FLAC,
 * and for WAV in releases after 1.2.2 (1.2.0 rounds WAV samples down, half
 * a step of bias).  Done here because libsndfile converts through an 8 KB
 * buffer: one write(2) per 4,096 samples. */
static int16_t to_s16(float x) {
  float v = x * 32768.0f;
  v = v > -32768.0f ? v : -32768.0f; /* (NaN too) */
  v = v < 32767.0f ? v : 32767.0f;
  /* lrintf without the library call (this loop is hot): adding and taking
   * away 2^23 rounds to the nearest integer, ties to even, as lrintf does
   * in the default rounding mode. */
  float big = copysignf(8388608.0f, v);
  return (int16_t)((v + big) - big);
}

static void *room(void *p, size_t *cap, size_t n, size_t size) {
  if (n > *cap) {
    *cap = n;
    p = nb_xrealloc(p, n * size);
  }
  return p;
}

/* One block of mono frames (float, or 16 bits when f32 is NULL) out in the
 * file's channel count: 16 bits go to WAV and FLAC as they are, float to
 * WAV through to_s16, float to the other formats through libsndfile. */
static nb_status put_block(nb__file_sink *f, const float *f32,
                           const int16_t *s16, size_t n, nb_err *e) {
  unsigned ch = f->channels;
  sf_count_t w;
  errno = 0;
  if (f32 ? f->kind == NB__FILE_WAV
          : f->kind == NB__FILE_WAV || f->kind == NB__FILE_FLAC) {
    if (f32 || ch > 1) {
      int16_t *y = f->s16 = room(f->s16, &f->s16_cap, n * ch, sizeof *y);
      if (f32) {
        for (size_t i = 0; i < n; i++) /* a plain loop: it vectorizes */
          y[i] = to_s16(f32[i]);
        s16 = y;
      }
      for (size_t i = n; ch > 1 && i-- > 0;) /* mono to every channel */
        for (unsigned c = 0; c < ch; c++)
          y[i * ch + c] = s16[i];
      s16 = y;
    }
    w = sf_writef_short(f->sf, s16, (sf_count_t)n);
  } else {
    if (!f32 || ch > 1) {
      float *y = f->f32 = room(f->f32, &f->f32_cap, n * ch, sizeof *y);
      if (!f32) {
        for (size_t i = 0; i < n; i++)
          y[i] = s16[i] * (1.0f / 32768);
        f32 = y;
      }
      for (size_t i = n; ch > 1 && i-- > 0;)
        for (unsigned c = 0; c < ch; c++)
          y[i * ch + c] = f32[i];
      f32 = y;
    }
    w = sf_writef_float(f->sf, f32, (sf_count_t)n);
  }
  if (w != (sf_count_t)n)
    return sf_fail(e, f->tmp.path, f->sf, errno);
  return NB_OK;
}

/* n mono frames (one of f32, s16) in blocks of BLOCK. */
static nb_status put_blocks(nb__file_sink *f, const float *f32,
                            const int16_t *s16, size_t n, nb_err *e) {
  nb_status st = NB_OK;
  for (size_t off = 0; !st && off < n; off += BLOCK)
    st = put_block(f, f32 ? f32 + off : NULL, s16 ? s16 + off : NULL,
                   n - off < BLOCK ? n - off : BLOCK, e);
  return st;
}

nb_status nb__file_write(nb__file_sink *f, const float *mono, size_t n,
                         nb_err *e) {
  return put_blocks(f, mono, NULL, n, e);
}

nb_status nb__file_write_s16(nb__file_sink *f, const int16_t *mono, size_t n,
                             nb_err *e) {
  return put_blocks(f, NULL, mono, n, e);
}

nb_status nb__file_commit(nb__file_sink *f, nb_err *e) {
  /* Encoders (MP3, Vorbis) flush their last frames at close: a full disk
   * can show up only here. */
  errno = 0;
  int rc = sf_close(f->sf);
  int err = errno;
  f->sf = NULL;
  if (rc != 0) {
    nb_err_set(e, NB_IO, "%s: %s", f->tmp.path,
               err ? strerror(err) : sf_error_number(rc));
    nb__file_abort(f);
    return e ? e->status : NB_IO;
  }
  if (f->kind == NB__FILE_MP3 && f->n_ch) {
    nb_status st = id3_write(f, e);
    if (st) {
      nb__file_abort(f);
      return st;
    }
  }
  nb_status st = nb_atomic_commit(&f->tmp, e);
  file_free(f);
  return st;
}

void nb__file_abort(nb__file_sink *f) {
  if (!f)
    return;
  if (f->sf)
    sf_close(f->sf);
  nb_atomic_abort(&f->tmp);
  file_free(f);
}

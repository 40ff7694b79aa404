/* sndfile.c: the audio file sink, the last step of a file rendering: float
 * samples in, WAV/FLAC/Ogg Vorbis/Ogg Opus/MP3 out through libsndfile (the
 * only file that includes it), written to a temporary name beside the
 * target and renamed over it only when complete. */
#include "sink/sink.h"

#include <errno.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct nb__file_sink {
  SNDFILE *sf;
  nb_atomic tmp;
  unsigned channels;
};

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
  st = nb_atomic_open(&f->tmp, path, e);
  if (st) {
    free(f);
    return st;
  }
  f->tmp.no_sync = !durable;
  f->sf = sf_open_fd(f->tmp.fd, SFM_WRITE, &info, 0);
  if (!f->sf) {
    nb_err_set(e, NB_IO, "%s: %s", path, sf_strerror(NULL));
    nb_atomic_abort(&f->tmp);
    free(f);
    return e ? e->status : NB_IO;
  }
  /* Float input beyond full scale must clip, not wrap around. */
  sf_command(f->sf, SFC_SET_CLIPPING, NULL, SF_TRUE);
  if (kind == NB__FILE_OGG || kind == NB__FILE_OPUS || kind == NB__FILE_MP3) {
    double q = 0.5; /* speech: a middle quality is plenty */
    sf_command(f->sf, SFC_SET_COMPRESSION_LEVEL, &q, sizeof q);
  }
  /* Every format but WAV needs its metadata before the first sample. */
  if (meta) {
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

nb_status nb__file_write(nb__file_sink *f, const float *frames, size_t n,
                         nb_err *e) {
  while (n > 0) {
    sf_count_t chunk = n > 65536 ? 65536 : (sf_count_t)n;
    errno = 0;
    sf_count_t w = sf_writef_float(f->sf, frames, chunk);
    if (w != chunk)
      return sf_fail(e, f->tmp.path, f->sf, errno);
    frames += (size_t)chunk * f->channels;
    n -= (size_t)chunk;
  }
  return NB_OK;
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
  nb_status st = nb_atomic_commit(&f->tmp, e);
  free(f);
  return st;
}

void nb__file_abort(nb__file_sink *f) {
  if (!f)
    return;
  if (f->sf)
    sf_close(f->sf);
  nb_atomic_abort(&f->tmp);
  free(f);
}

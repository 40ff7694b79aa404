/* sink.h: the pieces nb_render (render.c) assembles, one file per library:
 * sndfile.c (libsndfile), resample.c (libsoxr), loudness.c (libebur128 and
 * the true-peak limiter), portaudio.c (PortAudio) and timeline.c
 * (transcripts, chapters, --segments).  Internal to src/sink and its tests.
 *
 * Audio conventions: eSpeak gives 22,050 Hz mono int16; files are mono by
 * default (speech is mono, a mono file is half the size, and the podcast
 * norm for mono is -19 LUFS, which a stereo player hears as -16 LUFS), at
 * 44,100 Hz (48,000 Hz for Opus).  --channels 2 duplicates the signal and
 * targets -16 LUFS. */
#ifndef NB_SINK_H
#define NB_SINK_H

#include "nb.h"
#include "sink/render.h"

#include <stdio.h>

/* ---- file sink (sndfile.c) ---------------------------------------------- */

typedef enum nb__file_kind {
  NB__FILE_WAV,
  NB__FILE_FLAC,
  NB__FILE_OGG,
  NB__FILE_OPUS,
  NB__FILE_MP3
} nb__file_kind;

/* The format for path's extension (case-insensitive), or NB_USAGE naming
 * the path and the extensions known. */
nb_status nb__file_kind_of(const char *path, nb__file_kind *kind, nb_err *e);
/* The rate a format is written at when the user gives none. */
unsigned nb__file_default_rate(nb__file_kind kind);

/* A chapter: where it starts (a sample count) and its title (UTF-8). */
typedef struct nb__chapter {
  uint64_t start;
  char *title;
} nb__chapter;

typedef struct nb__file_meta {
  const char *title, *artist, *album, *date, *comment;
} nb__file_meta;

/* An audio file being written to a temporary name beside path.  Frames are
 * mono, float in [-1, 1] or eSpeak's 16 bits, written to every channel.  commit renames it over path (after an
 * fsync when durable); abort (also after a failed write or commit) removes
 * it.  Every error names the path. */
typedef struct nb__file_sink nb__file_sink;
nb_status nb__file_open(const char *path, unsigned rate, unsigned channels,
                        int durable, const nb__file_meta *meta,
                        nb__file_sink **out, nb_err *e);
nb_status nb__file_write(nb__file_sink *f, const float *mono, size_t n,
                         nb_err *e);
nb_status nb__file_write_s16(nb__file_sink *f, const int16_t *mono, size_t n,
                             nb_err *e);
/* Chapters to embed at commit (MP3: ID3v2 CHAP frames; other formats
 * ignore them), borrowed until then; times are samples at rate. */
void nb__file_set_chapters(nb__file_sink *f, const nb__chapter *ch,
                           size_t n, uint64_t total, unsigned rate);
nb_status nb__file_commit(nb__file_sink *f, nb_err *e); /* frees f */
void nb__file_abort(nb__file_sink *f);                   /* frees f; NULL ok */

/* ---- resampling (resample.c) -------------------------------------------- */

/* A streaming mono float resampler (libsoxr, high quality).  Output frames
 * are appended to *out (grown as needed; *out_n is set to the count
 * produced by this call).  flush drains the filter at the end. */
typedef struct nb__resampler nb__resampler;
nb_status nb__resampler_new(unsigned in_rate, unsigned out_rate,
                            nb__resampler **out, nb_err *e);
nb_status nb__resampler_run(nb__resampler *r, const float *in, size_t n,
                            float **out, size_t *out_cap, size_t *out_n,
                            nb_err *e);
nb_status nb__resampler_flush(nb__resampler *r, float **out, size_t *out_cap,
                              size_t *out_n, nb_err *e);
void nb__resampler_free(nb__resampler *r);

/* ---- loudness (loudness.c) ---------------------------------------------- */

/* EBU R 128 integrated loudness of a mono stream, as it would measure when
 * written with `channels` identical channels (each copy adds its power). */
typedef struct nb__meter nb__meter;
nb__meter *nb__meter_new(unsigned rate, unsigned channels, int true_peak);
void nb__meter_add(nb__meter *m, const float *mono, size_t n);
/* Integrated loudness in LUFS; -HUGE_VAL for silence. */
double nb__meter_loudness(nb__meter *m);
/* Highest true peak seen, in dBTP (only when made with true_peak). */
double nb__meter_true_peak(nb__meter *m);
void nb__meter_free(nb__meter *m);

/* A look-ahead limiter on a mono stream: applies `gain` (linear) and keeps
 * the true peak (4x oversampled) under `ceiling_db` dBTP.  It delays the
 * signal by its look-ahead: push returns fewer samples at first, and
 * finish returns the tail.  Output is appended to *out as for the
 * resampler. */
typedef struct nb__limiter nb__limiter;
nb__limiter *nb__limiter_new(unsigned rate, double gain, double ceiling_db);
void nb__limiter_push(nb__limiter *l, const float *in, size_t n, float **out,
                      size_t *out_cap, size_t *out_n);
void nb__limiter_finish(nb__limiter *l, float **out, size_t *out_cap,
                        size_t *out_n);
void nb__limiter_free(nb__limiter *l);
/* Non-zero (the default): quiet stretches skip the peak detector, which
 * gives the same output faster.  Tests turn it off to compare. */
extern int nb__limiter_fast;

/* ---- live playback (portaudio.c) ---------------------------------------- */

typedef struct nb__player nb__player;
/* Opens a blocking output stream at rate Hz mono on the device whose name
 * contains `device` (NULL: the default output).  ALSA/JACK start-up noise
 * is kept off the user's terminal. */
nb_status nb__player_open(const char *device, unsigned rate, nb__player **out,
                          nb_err *e);
nb_status nb__player_write(nb__player *p, const int16_t *pcm, size_t n,
                           nb_err *e);
/* Plays what is buffered (drain != 0) or drops it, then closes; frees p. */
nb_status nb__player_close(nb__player *p, int drain, nb_err *e);
/* Pauses: what is buffered plays out, then the stream stops; the next
 * write starts it again. */
nb_status nb__player_pause(nb__player *p, nb_err *e);

/* ---- render.c ----------------------------------------------------------- */

/* Samples of the loudness spool kept in memory before it spills to a file
 * (default 8 Mi, six minutes); tests lower it to exercise the file. */
extern size_t nb__spool_mem;

/* ---- the timeline (timeline.c) ------------------------------------------ */

/* Where each segment landed, in samples at eSpeak's rate (22,050 Hz) from
 * the start of the audio: exact, because they are counted, not estimated. */
typedef struct nb__tl_event {
  uint32_t type; /* NB_TTS_WORD or NB_TTS_SENTENCE */
  uint64_t sample;
} nb__tl_event;

typedef struct nb__tl_seg {
  const nb_segment *seg; /* borrowed from the script */
  uint64_t start, end;   /* speech only; the pause follows end */
  int failed;            /* synthesis failed: start == end */
  nb__tl_event *events;  /* sentence and word starts, in order */
  size_t n_events;
} nb__tl_seg;

typedef struct nb__timeline {
  const nb_script *script;
  unsigned in_rate;  /* the rate sample counts are in */
  unsigned out_rate; /* the rate of the written file, for --segments */
  uint64_t total;    /* samples including the last pause */
  nb__tl_seg *segs;  /* one per script segment, in order */
  size_t n;
} nb__timeline;

void nb__timeline_release(nb__timeline *t);

/* Render the timeline into text (appended to out). */
void nb__timeline_vtt(const nb__timeline *t, nb_buf *out);
void nb__timeline_srt(const nb__timeline *t, nb_buf *out);
void nb__timeline_chapters(const nb__timeline *t, nb_buf *out);
/* The chapters those JSON chapters hold: an intro, then one per story,
 * titled (the story's title, or its first words).  Free with
 * nb__chapters_free. */
nb__chapter *nb__timeline_chapter_list(const nb__timeline *t, size_t *n);
void nb__chapters_free(nb__chapter *ch, size_t n);

/* ---- the ID3v2.4 tag of an MP3 (id3.c) ------------------------------------ */

/* Room the file sink keeps at the head of an MP3 for its tag. */
#define NB__ID3_ROOM ((size_t)32 * 1024)
/* Fills exactly size bytes of out: the header, text frames from m (UTF-8),
 * a CTOC and a CHAP per chapter while they fit (at most 255; times in ms
 * from samples at rate, the last ending at total), zero padding.  Returns
 * size, or 0 when size is too small for any tag. */
size_t nb__id3_tag(unsigned char *out, size_t size, const nb__file_meta *m,
                   const nb__chapter *ch, size_t n, uint64_t total,
                   unsigned rate);
void nb__timeline_segments(const nb__timeline *t, nb_buf *out);
/* Checks that path ends in .vtt or .srt (NB_USAGE otherwise). */
nb_status nb__transcript_check(const char *path, int *srt, nb_err *e);

#endif

/* render.h: speaking a script.  eSpeak NG runs in worker processes (one
 * instance each; a crash costs one segment); samples stream in script order
 * to the sinks: an audio file through libsndfile (resampled, loudness
 * normalized, written to a temporary name and renamed at the end) and/or
 * live playback through PortAudio.  The timeline gives transcripts,
 * chapters and --segments. */
#ifndef NB_RENDER_H
#define NB_RENDER_H

#include "nb.h"

#include <signal.h>
#include <stdatomic.h>

typedef struct nb_render_opts {
  const char *output;     /* audio file (format from extension) or NULL */
  int play;               /* live playback */
  const char *device;     /* PortAudio device name (substring), or NULL */
  const char *transcript; /* .vtt or .srt, or NULL */
  const char *chapters;   /* Podcasting 2.0 JSON chapters, or NULL */
  const char *segments;   /* timeline JSON, or NULL */
  unsigned jobs;          /* worker processes; 0 = number of cores */
  unsigned rate;          /* file sample rate; 0 = 44,100 Hz (48,000 for
                             .opus); live playback is always eSpeak's
                             22,050 Hz */
  unsigned channels;      /* 1 or 2; 0 = mono: speech is mono, a mono file
                             is half the size, and -19 LUFS mono is heard
                             like -16 LUFS stereo */
  int loudness_off;       /* skip loudness normalization */
  double loudness;        /* target LUFS (-70..-5); 0 = -16 stereo / -19
                             mono; true peak is kept under -1.5 dBTP
                             (-2 for lossy formats) by a limiter */
  const char *title, *artist, *album, *date, *comment; /* file metadata */
  int durable; /* fsync the file before it replaces the old one (drop,
                  which publishes it); else the rename alone, like any
                  encoder: still atomic, and no wait for the disk */
  const nb_diag *diag;
  volatile sig_atomic_t *interrupted; /* set by a signal handler: stop */
  /* Live playback controls, changed from another thread (the keyboard), or
   * NULL.  While *paused is non-zero playback holds still; each increment
   * of *skips ends the playback of the current story (the intro counts as
   * one): the next begins at once.  A file being written at the same time
   * is not affected: it always holds the whole briefing. */
  atomic_int *paused, *skips;
  /* Called after each segment is synthesized (and, when playing, queued):
   * segments done of total, and seconds of audio so far.  May be NULL. */
  void (*progress)(void *ud, size_t done, size_t total, double seconds);
  void *progress_ud;
} nb_render_opts;

typedef struct nb_render_result {
  double duration;       /* seconds of audio */
  size_t n_segments;
  size_t n_failed;       /* segments skipped after a synthesizer failure */
} nb_render_result;

/* Speaks s.  On failure no output file is left (an older one stays as it
 * was).  Returns NB_OK even when some segments failed: r->n_failed says so,
 * with a warning through diag naming the story and segment; NB_TTS when
 * none could be spoken.  NB_USAGE (before any work) for an unknown audio or
 * transcript extension, a rate the format refuses, channels > 2 or a
 * loudness target out of range; NB_IO naming the file for write errors
 * ("out.wav: No space left on device"); NB_AUDIO for playback ("no audio
 * output device", "audio device 'X' not found"); NB_INTERRUPTED when
 * *o->interrupted became non-zero.  Timeline files are written (atomically)
 * only after the audio succeeded.  Memory does not grow with the length of
 * the briefing. */
nb_status nb_render(const nb_script *s, const nb_render_opts *o,
                    nb_render_result *r, nb_err *e);

/* Makes text safe to hand to eSpeak as plain text: drops C0/C1 control
 * bytes (0x01 starts eSpeak's embedded commands), and breaks up what crashes
 * 1.51 (ESPEAK.md: runs of dotted abbreviations, "a . " runs, "s'" runs,
 * overlong words).  Returns a malloc'ed string.  libc only. */
char *nb_speakable(const char *text);

/* `newsbrief voices` and `newsbrief devices`: appends lines to out. */
nb_status nb_tts_list_voices(nb_buf *out, nb_err *e);
nb_status nb_audio_list_devices(nb_buf *out, nb_err *e);

#endif

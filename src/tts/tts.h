/* tts.h: eSpeak NG in worker processes.  Each worker is one process with one
 * eSpeak instance (eSpeak is process-global and not thread-safe); a segment
 * whose synthesis crashes or hangs its worker fails alone, the worker is
 * replaced, and the run goes on.  Text reaches eSpeak only through
 * nb_speakable, as plain text (never SSML, never embedded commands), with
 * espeak_SetUriCallback installed. */
#ifndef NB_TTS_H
#define NB_TTS_H

#include "nb.h"

#define NB_TTS_RATE 22050 /* eSpeak NG's output: 22,050 Hz mono 16-bit */

typedef enum nb_tts_event_type {
  NB_TTS_WORD,
  NB_TTS_SENTENCE
} nb_tts_event_type;

typedef struct nb_tts_event {
  nb_tts_event_type type;
  uint32_t sample;   /* from the start of this segment's audio */
  uint32_t text_pos; /* 1-based character index into the text as spoken */
  uint32_t length;   /* characters (words) */
} nb_tts_event;

/* One segment's audio, owned by the caller after nb_tts_collect: free with
 * nb_tts_audio_release. */
typedef struct nb_tts_audio {
  int16_t *pcm;
  size_t n; /* samples */
  nb_tts_event *events;
  size_t n_events;
} nb_tts_audio;
void nb_tts_audio_release(nb_tts_audio *a);

typedef struct nb_tts nb_tts;

typedef struct nb_tts_opts {
  unsigned jobs;         /* worker processes; 0 = number of cores */
  unsigned timeout_ms;   /* per segment before a worker is killed; 0 = 30 s */
  const char *data_path; /* espeak-ng-data folder, or NULL for the system's */
} nb_tts_opts;

/* Starts the workers.  Call before starting any thread (it forks). */
nb_status nb_tts_open(const nb_tts_opts *o, nb_tts **out, nb_err *e);
/* Queues segment `id` (ids are 0, 1, 2, ... in the order they will be
 * collected).  Text is copied. */
void nb_tts_submit(nb_tts *t, size_t id, const char *text, const nb_voice *v);
/* Waits for segment `id`.  NB_OK with its audio, or NB_TTS when its worker
 * crashed, hung or the voice is unknown (e->msg says which); either way the
 * next id can be collected. */
nb_status nb_tts_collect(nb_tts *t, size_t id, nb_tts_audio *out, nb_err *e);
/* Stops and reaps the workers. */
void nb_tts_close(nb_tts *t);

#endif

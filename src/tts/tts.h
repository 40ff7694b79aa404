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
/* Consecutive ids spoken by one fresh synthesizer, in order (eSpeak's
 * state carries from a segment to the next, so this is what makes the
 * samples a function of the script alone).  After a failed segment the
 * rest of its chunk starts fresh too.  Submit at least
 * NB_TTS_CHUNK * (jobs + 1) ids ahead to keep every worker busy. */
#define NB_TTS_CHUNK 8

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

typedef struct nb_tts nb_tts;

/* One segment's audio, owned by the caller after nb_tts_collect: give it
 * back with nb_tts_audio_release. */
typedef struct nb_tts_audio {
  int16_t *pcm;
  size_t n; /* samples */
  nb_tts_event *events;
  size_t n_events;
  size_t cap; /* room in pcm, in samples (for reuse) */
} nb_tts_audio;
/* Frees the audio, or keeps its sample buffer in t for a later segment
 * (t may be NULL: freed).  Reused buffers are pages already mapped: a fresh
 * buffer costs a page fault per 4 KB, which on a virtual machine was a
 * fifth of the main process's time. */
void nb_tts_audio_release(nb_tts *t, nb_tts_audio *a);

typedef struct nb_tts_opts {
  unsigned jobs;         /* worker processes; 0 = number of cores */
  unsigned timeout_ms;   /* a worker that sends nothing for this long while
                            speaking is killed; 0 = 30 s */
  const char *data_path; /* espeak-ng-data folder, or NULL for the system's */
} nb_tts_opts;

/* Initializes eSpeak in this process (once; it starts no thread) and forks
 * the workers, which inherit that loaded instance copy-on-write and so are
 * ready at once.  Call it before starting any thread: fork copies only the
 * calling thread.  (A crashed or hung worker is replaced later by another
 * fork from the thread calling nb_tts_collect; glibc keeps malloc usable in
 * such a child, and the worker touches nothing else of the parent's.)
 * Workers: stdin/stdout/stderr on /dev/null (eSpeak's "stack smashing
 * detected" never reaches the terminal), SIGINT ignored (the parent
 * handles it), no core dumps, 1 GB more address space than at fork, 600 s
 * of CPU.  Errors: NB_TTS (eSpeak data missing, fork failed). */
nb_status nb_tts_open(const nb_tts_opts *o, nb_tts **out, nb_err *e);
/* Queues segment `id` (ids are 0, 1, 2, ... in the order they will be
 * collected) and hands it to an idle worker at once if there is one.  Text
 * is copied after nb_speakable; it is spoken as plain text.  v may be NULL
 * (voice "en", defaults); v->rate 0 means 175 words a minute and v->volume
 * 0 means 100, while pitch and range 0 are used as given.  Submitting an id
 * twice keeps the first. */
void nb_tts_submit(nb_tts *t, size_t id, const char *text, const nb_voice *v);
/* Waits for segment `id`, meanwhile feeding idle workers from the queue
 * (submit a window ahead so that every worker stays busy).  NB_OK with its
 * audio; NB_TTS when its worker crashed ("synthesizer crashed (signal 6)"),
 * hung past timeout_ms ("synthesizer timed out after N ms") or the voice or
 * variant is unknown; NB_USAGE for an id never submitted or already
 * collected.  On failure *out is empty, and the next id can be collected. */
nb_status nb_tts_collect(nb_tts *t, size_t id, nb_tts_audio *out, nb_err *e);
/* Kills and reaps the workers (no zombies), frees what was not collected.
 * nb_tts_close(NULL) does nothing. */
void nb_tts_close(nb_tts *t);

#endif

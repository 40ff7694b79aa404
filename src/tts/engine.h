/* engine.h: what the worker processes need from eSpeak NG, so that espeak.c
 * stays the only file that includes eSpeak's headers.  Internal to src/tts/;
 * every function here acts on the one eSpeak instance of the calling
 * process. */
#ifndef NB_TTS_ENGINE_H
#define NB_TTS_ENGINE_H

#include "nb.h"
#include "tts/tts.h"

/* Initializes eSpeak (synchronous output, no SSML, URI callback refusing
 * every URI) and selects voice "en".  Idempotent. */
nb_status nb__espeak_init(const char *data_path, nb_err *e);

/* Selects voice `name` ("en-us", "en-us+f3") unless it is the current one.
 * An unknown voice, or a variant eSpeak silently ignored, is NB_TTS. */
nb_status nb__espeak_voice(const char *name, nb_err *e);

/* Sets rate (words per minute), pitch and range (0-100), volume (0-200). */
void nb__espeak_params(int rate, int pitch, int range, int volume);

/* Receives samples and events as eSpeak produces them; event samples are
 * counted from the start of this nb__espeak_speak call. */
typedef struct nb__espeak_sink {
  void (*pcm)(void *ud, const int16_t *s, size_t n);
  void (*event)(void *ud, const nb_tts_event *ev);
  void *ud;
} nb__espeak_sink;

/* Speaks text as plain UTF-8 text (no SSML, no phoneme input). */
nb_status nb__espeak_speak(const char *text, const nb__espeak_sink *sink,
                           nb_err *e);

#endif

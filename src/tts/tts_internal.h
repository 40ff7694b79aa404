/* tts_internal.h: hooks into the synthesis workers for tests only: they
 * bypass the sanitizer or make a worker misbehave on purpose, so that the
 * fault handling can be tested without relying on an eSpeak bug. */
#ifndef NB_TTS_INTERNAL_H
#define NB_TTS_INTERNAL_H

#include "tts/tts.h"

#include <sys/types.h>

#define NB__TTS_HANG 1u  /* the worker stops answering (tests the timeout) */
#define NB__TTS_CRASH 2u /* the worker aborts */
#define NB__TTS_CRASH_LATE 4u /* aborts after streaming its samples */

/* nb_tts_submit without nb_speakable: text reaches eSpeak exactly as given
 * (still as plain text).  flags: NB__TTS_*. */
void nb__tts_submit_raw(nb_tts *t, size_t id, const char *text,
                        const nb_voice *v, unsigned flags);

/* The process id of worker i (0 when none): tests check replacement. */
pid_t nb__tts_worker_pid(const nb_tts *t, unsigned i);

#endif

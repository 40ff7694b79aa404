/* espeak.c: the one file that includes eSpeak NG.  It drives the eSpeak
 * instance of the current process (a synthesis worker, or the parent before
 * it forks workers, or `newsbrief voices`) and translates its errors. */
#include "tts/engine.h"
#include "sink/render.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static int initialized;
static char current_voice[64];
static const nb__espeak_sink *active_sink;

/* SSML <audio src> and <audio> fetches go through this callback; with none
 * installed, 1.51 opens local files and runs sox on them.  Text is never
 * SSML here anyway: refusing everything is a second lock on the same door. */
static int refuse_uri(int type, const char *uri, const char *base) {
  (void)type;
  (void)uri;
  (void)base;
  return 1;
}

static int on_synth(short *wav, int n, espeak_EVENT *ev) {
  const nb__espeak_sink *s = active_sink;
  if (!s)
    return 0;
  for (; ev && ev->type != espeakEVENT_LIST_TERMINATED; ev++) {
    if (ev->type != espeakEVENT_WORD && ev->type != espeakEVENT_SENTENCE)
      continue;
    nb_tts_event out = {
        .type = ev->type == espeakEVENT_WORD ? NB_TTS_WORD : NB_TTS_SENTENCE,
        .sample = ev->sample < 0 ? 0 : (uint32_t)ev->sample,
        .text_pos = ev->text_position < 0 ? 0 : (uint32_t)ev->text_position,
        .length = ev->length < 0 ? 0 : (uint32_t)ev->length,
    };
    s->event(s->ud, &out);
  }
  if (wav && n > 0)
    s->pcm(s->ud, wav, (size_t)n);
  return 0; /* go on */
}

static nb_status ng_error(nb_err *e, espeak_ng_STATUS st, const char *what) {
  char msg[256];
  espeak_ng_GetStatusCodeMessage(st, msg, sizeof msg);
  return nb_err_set(e, NB_TTS, "espeak-ng: %s: %s", what, msg);
}

nb_status nb__espeak_init(const char *data_path, nb_err *e) {
  if (initialized)
    return NB_OK;
  espeak_ng_InitializePath(data_path);
  espeak_ng_ERROR_CONTEXT ctx = NULL;
  /* espeak_Initialize would exit() on a missing data folder; the espeak_ng_
   * calls return the status instead. */
  espeak_ng_STATUS st = espeak_ng_Initialize(&ctx);
  if (st != ENS_OK) {
    espeak_ng_ClearErrorContext(&ctx);
    return ng_error(e, st, data_path ? data_path : "cannot load voice data");
  }
  /* Synchronous: samples come back on this thread before espeak_Synth
   * returns; 100 ms chunks keep the callback cheap.
   *
   * Debian's 1.51 opens a sound device here even in synchronous mode (its
   * espeak_ng_InitializeOutput calls pcaudiolib's
   * create_audio_device_object unconditionally): it connects to a
   * PulseAudio server, starting a thread, creating ~/.config/pulse and
   * printing to stderr when that fails, then opens ALSA's "default" PCM,
   * which is the user's sound card (or a test's file device).  newsbrief
   * never plays through eSpeak, so it points that probe at nothing: a
   * PulseAudio server that cannot exist, ALSA's "null" PCM, and stderr
   * closed for the duration.  tests/unit/test_tts.c pins this. */
  const char *pulse = getenv("PULSE_SERVER");
  char *saved = pulse ? nb_xstrdup(pulse) : NULL;
  setenv("PULSE_SERVER", "unix:/nonexistent/newsbrief-no-pulse", 1);
  fflush(stderr);
  int err_fd = dup(2), null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (err_fd >= 0 && null_fd >= 0)
    dup2(null_fd, 2);
  st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 100, "null");
  if (err_fd >= 0) {
    dup2(err_fd, 2);
    close(err_fd);
  }
  if (null_fd >= 0)
    close(null_fd);
  if (saved) {
    setenv("PULSE_SERVER", saved, 1);
    free(saved);
  } else {
    unsetenv("PULSE_SERVER");
  }
  if (st != ENS_OK)
    return ng_error(e, st, "cannot start synthesis");
  espeak_SetSynthCallback(on_synth);
  espeak_SetUriCallback(refuse_uri);
  initialized = 1;
  current_voice[0] = 0;
  return nb__espeak_voice("en", e);
}

nb_status nb__espeak_voice(const char *name, nb_err *e) {
  if (!name || !*name)
    name = "en";
  /* Loaded only when it changes (a load reads the language's dictionary
   * again): what a synthesizer spoke before is fixed by the script anyway
   * (worker.c's chunks), so keeping the voice loaded keeps audio
   * repeatable. */
  if (strlen(name) >= sizeof current_voice || strstr(name, ".."))
    return nb_err_set(e, NB_TTS, "unknown espeak voice \"%s\"", name);
  if (strcmp(name, current_voice) == 0)
    return NB_OK;
  current_voice[0] = 0;
  if (espeak_SetVoiceByName(name) != EE_OK)
    return nb_err_set(e, NB_TTS, "unknown espeak voice \"%s\"", name);
  /* 1.51 ignores an unknown variant ("en-us+nosuch") and returns EE_OK:
   * the variant shows in the identifier only when it was loaded. */
  const char *plus = strchr(name, '+');
  if (plus) {
    espeak_VOICE *v = espeak_GetCurrentVoice();
    const char *id = v && v->identifier ? v->identifier : "";
    const char *got = strrchr(id, '+');
    if (!got || strcasecmp(got, plus) != 0) {
      /* Restore a known state: the next segment must not inherit half of
       * this voice. */
      espeak_SetVoiceByName("en");
      return nb_err_set(e, NB_TTS, "unknown espeak voice variant \"%s\"",
                        plus + 1);
    }
  }
  snprintf(current_voice, sizeof current_voice, "%s", name);
  return NB_OK;
}

static int clamp(int v, int lo, int hi) {
  return v < lo ? lo : v > hi ? hi : v;
}

void nb__espeak_params(int rate, int pitch, int range, int volume) {
  espeak_SetParameter(espeakRATE, clamp(rate, 80, NB_RATE_MAX), 0);
  espeak_SetParameter(espeakPITCH, clamp(pitch, 0, 100), 0);
  espeak_SetParameter(espeakRANGE, clamp(range, 0, 100), 0);
  espeak_SetParameter(espeakVOLUME, clamp(volume, 0, 200), 0);
}

nb_status nb__espeak_speak(const char *text, const nb__espeak_sink *sink,
                           nb_err *e) {
  active_sink = sink;
  /* Some voice variants (the +f voices' breath, the klatt voices' noise)
   * draw on rand(): seed it for every segment, so the same text in the
   * same voice gives the same samples whichever worker speaks it and
   * whatever it spoke before.  newsbrief is deterministic. */
  srand(1);
  /* Plain UTF-8 text: no espeakSSML (markup would be obeyed), no
   * espeakPHONEMES ([[...]] would be phoneme input). */
  espeak_ERROR r = espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0,
                                espeakCHARS_UTF8, NULL, NULL);
  active_sink = NULL;
  if (r != EE_OK)
    return nb_err_set(e, NB_TTS, "espeak-ng: synthesis failed (error %d)",
                      (int)r);
  return NB_OK;
}

nb_status nb_tts_list_voices(nb_buf *out, nb_err *e) {
  nb_status st = nb__espeak_init(NULL, e);
  if (st != NB_OK)
    return st;
  const espeak_VOICE **v = espeak_ListVoices(NULL);
  for (; v && *v; v++) {
    /* languages: a priority byte, a language name, a NUL, ... ; the first
     * one is the name a profile can use ("en-us"). */
    const char *lang = (*v)->languages ? (*v)->languages + 1 : "";
    const char *gender = (*v)->gender == 1   ? "male"
                         : (*v)->gender == 2 ? "female"
                                             : "-";
    nb_buf_printf(out, "%s\t%s\t%s\n", (*v)->name ? (*v)->name : "", lang,
                  gender);
  }
  return NB_OK;
}

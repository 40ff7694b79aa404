/* portaudio.c: the live sink.  A blocking-write PortAudio stream (the only
 * file that includes portaudio.h) that render.c feeds segment by segment as
 * the workers finish them, so speech starts long before the briefing is
 * synthesized.  Also `newsbrief devices`. */
#include "sink/sink.h"
#include "base/dl.h"

#include <fcntl.h>
#include <portaudio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* PortAudio's functions, loaded at first use (base/dl.h): only --play and
 * `devices` need the library and the sound stack it pulls in. */
static struct {
  __typeof__(Pa_AbortStream) *AbortStream;
  __typeof__(Pa_CloseStream) *CloseStream;
  __typeof__(Pa_GetDefaultOutputDevice) *GetDefaultOutputDevice;
  __typeof__(Pa_GetDeviceCount) *GetDeviceCount;
  __typeof__(Pa_GetDeviceInfo) *GetDeviceInfo;
  __typeof__(Pa_GetErrorText) *GetErrorText;
  __typeof__(Pa_GetLastHostErrorInfo) *GetLastHostErrorInfo;
  __typeof__(Pa_Initialize) *Initialize;
  __typeof__(Pa_OpenStream) *OpenStream;
  __typeof__(Pa_StartStream) *StartStream;
  __typeof__(Pa_StopStream) *StopStream;
  __typeof__(Pa_Terminate) *Terminate;
  __typeof__(Pa_WriteStream) *WriteStream;
} pa;
#define PA(f) {"Pa_" #f, (void **)&pa.f}
static const nb_dl_sym pa_syms[] = {PA(AbortStream), PA(CloseStream), PA(GetDefaultOutputDevice), PA(GetDeviceCount), PA(GetDeviceInfo), PA(GetErrorText), PA(GetLastHostErrorInfo), PA(Initialize), PA(OpenStream), PA(StartStream), PA(StopStream), PA(Terminate), PA(WriteStream)};
#undef PA
static void *pa_lib;

struct nb__player {
  PaStream *stream;
  int started;
};

/* ALSA and JACK print their probing ("Cannot connect to server socket",
 * "Unknown PCM cards.pcm.rear", ...) straight to standard error while
 * PortAudio starts, opens and stops.  Users should see our messages only,
 * so fd 2 points at /dev/null for the duration of those calls. */
static int quiet_begin(void) {
  fflush(stderr);
  int saved = dup(2);
  int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (saved >= 0 && null >= 0)
    dup2(null, 2);
  if (null >= 0)
    close(null);
  return saved;
}

static void quiet_end(int saved) {
  if (saved < 0)
    return;
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
}

static nb_status pa_fail(nb_err *e, const char *what, PaError err) {
  const char *text = pa.GetErrorText(err);
  if (err == paUnanticipatedHostError) {
    const PaHostErrorInfo *h = pa.GetLastHostErrorInfo();
    if (h && h->errorText && *h->errorText)
      text = h->errorText;
  }
  return nb_err_set(e, NB_AUDIO, "%s: %s", what, text);
}

static nb_status pa_start(nb_err *e) {
  nb_status st = nb_dl_load(&pa_lib, "libportaudio.so.2", "audio playback",
                            pa_syms, sizeof pa_syms / sizeof *pa_syms, e);
  if (st)
    return st;
  int q = quiet_begin();
  PaError err = pa.Initialize();
  quiet_end(q);
  if (err != paNoError)
    return pa_fail(e, "audio", err);
  return NB_OK;
}

static void pa_stop(void) {
  int q = quiet_begin();
  pa.Terminate();
  quiet_end(q);
}

static nb_status find_device(const char *name, PaDeviceIndex *out, nb_err *e) {
  if (!name || !*name) {
    PaDeviceIndex d = pa.GetDefaultOutputDevice();
    if (d == paNoDevice)
      return nb_err_set(e, NB_AUDIO,
                        "no audio output device (see newsbrief devices; "
                        "-o FILE writes a file instead)");
    *out = d;
    return NB_OK;
  }
  PaDeviceIndex n = pa.GetDeviceCount();
  for (PaDeviceIndex i = 0; i < n; i++) {
    const PaDeviceInfo *d = pa.GetDeviceInfo(i);
    if (d && d->maxOutputChannels > 0 && d->name && strstr(d->name, name)) {
      *out = i;
      return NB_OK;
    }
  }
  return nb_err_set(e, NB_AUDIO,
                    "audio device '%s' not found (newsbrief devices lists "
                    "them)",
                    name);
}

nb_status nb__player_open(const char *device, unsigned rate, nb__player **out,
                          nb_err *e) {
  nb_status st = pa_start(e);
  if (st)
    return st;
  PaDeviceIndex dev = paNoDevice;
  st = find_device(device, &dev, e);
  if (st) {
    pa_stop();
    return st;
  }
  const PaDeviceInfo *info = pa.GetDeviceInfo(dev);
  PaStreamParameters p = {
      .device = dev,
      .channelCount = 1,
      .sampleFormat = paInt16,
      /* The low latency the device offers: first sound comes sooner. */
      .suggestedLatency = info->defaultLowOutputLatency,
  };
  PaStream *s = NULL;
  int q = quiet_begin();
  PaError err = pa.OpenStream(&s, NULL, &p, rate, paFramesPerBufferUnspecified,
                              paNoFlag, NULL, NULL);
  quiet_end(q);
  if (err != paNoError) {
    char what[300];
    snprintf(what, sizeof what, "audio device '%s'", info->name);
    pa_fail(e, what, err);
    if (s)
      pa.CloseStream(s);
    pa_stop();
    return NB_AUDIO;
  }
  nb__player *pl = nb_xcalloc(1, sizeof *pl);
  pl->stream = s;
  *out = pl;
  return NB_OK;
}

nb_status nb__player_write(nb__player *p, const int16_t *pcm, size_t n,
                           nb_err *e) {
  /* The stream starts with the first samples, not at open: a started
   * stream with nothing to play underruns while the first segment is
   * still being synthesized. */
  if (!p->started) {
    int q = quiet_begin();
    PaError err = pa.StartStream(p->stream);
    quiet_end(q);
    if (err != paNoError)
      return pa_fail(e, "audio playback", err);
    p->started = 1;
  }
  while (n > 0) {
    unsigned long chunk = n > 4096 ? 4096 : (unsigned long)n;
    PaError err = pa.WriteStream(p->stream, pcm, chunk);
    /* An underflow means a gap was heard, not that playback failed. */
    if (err != paNoError && err != paOutputUnderflowed)
      return pa_fail(e, "audio playback", err);
    pcm += chunk;
    n -= chunk;
  }
  return NB_OK;
}

nb_status nb__player_pause(nb__player *p, nb_err *e) {
  if (!p->started)
    return NB_OK;
  int q = quiet_begin();
  PaError err = pa.StopStream(p->stream);
  quiet_end(q);
  p->started = 0;
  return err == paNoError ? NB_OK : pa_fail(e, "audio playback", err);
}

nb_status nb__player_close(nb__player *p, int drain, nb_err *e) {
  if (!p)
    return NB_OK;
  int q = quiet_begin();
  /* Pa_StopStream plays what is buffered; Pa_AbortStream drops it. */
  PaError err = paNoError;
  if (p->started)
    err = drain ? pa.StopStream(p->stream) : pa.AbortStream(p->stream);
  pa.CloseStream(p->stream);
  quiet_end(q);
  pa_stop();
  free(p);
  if (drain && err != paNoError)
    return pa_fail(e, "audio playback", err);
  return NB_OK;
}

nb_status nb_audio_list_devices(nb_buf *out, nb_err *e) {
  nb_status st = pa_start(e);
  if (st)
    return st;
  PaDeviceIndex n = pa.GetDeviceCount();
  if (n < 0) {
    pa_fail(e, "audio", n);
    pa_stop();
    return NB_AUDIO;
  }
  PaDeviceIndex def = pa.GetDefaultOutputDevice();
  for (PaDeviceIndex i = 0; i < n; i++) {
    const PaDeviceInfo *d = pa.GetDeviceInfo(i);
    if (!d || d->maxOutputChannels <= 0)
      continue;
    nb_buf_printf(out, "%d\t%s\t%.0f%s\n", (int)i, d->name ? d->name : "?",
                  d->defaultSampleRate, i == def ? "\tdefault" : "");
  }
  pa_stop();
  return NB_OK;
}

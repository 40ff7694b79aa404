/* render.c: the last stage, speaking a script.  Segments go to the eSpeak
 * workers a bounded window ahead, come back in order, and stream to the
 * sinks (live playback, and a file through a resampler, the loudness
 * normalizer and libsndfile) while a running sample count builds the
 * timeline that transcripts, chapters and --segments are made from.
 *
 * A file with loudness normalization takes two passes without holding a
 * long briefing in memory: pass one spools eSpeak's 22,050 Hz samples (in
 * memory up to six minutes, then to an unlinked temporary file beside the
 * output) and measures their loudness; pass two reads them back through
 * the resampler, gain and limiter into the encoder.  Memory stays flat
 * whatever the briefing's length. */
#include "sink/sink.h"
#include "tts/tts.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Up to this many samples (16 MB, six minutes at 22,050 Hz) the spool stays
 * in memory: an ordinary briefing never touches the disk twice.  Longer
 * ones spill to a file, so memory stays flat. */
size_t nb__spool_mem = (size_t)8 << 20;
#define NB_SPOOL_MEM nb__spool_mem

typedef struct render {
  const nb_script *s;
  const nb_render_opts *o;
  nb_err *e;
  /* the file */
  nb__file_sink *file;
  unsigned rate, channels;
  int normalize;
  double target, ceiling;
  int16_t *mem; /* the first NB_SPOOL_MEM samples of the spool */
  size_t mem_n, mem_cap;
  FILE *spool; /* the rest, in an unlinked file beside the output */
  char *spool_path;
  nb__meter *meter;
  nb__resampler *rs;
  float *fin;  /* one segment as float */
  size_t fin_cap;
  float *rout; /* resampler output */
  size_t rout_cap;
  float *lout; /* limiter output */
  size_t lout_cap;
  /* live */
  nb__player *player;
  int story;            /* of the segment being emitted */
  int skip_story;       /* the player skips the rest of this story, or NO_SKIP */
  int skips_seen;
  /* timeline */
  nb__timeline tl;
  uint64_t pos; /* samples at 22,050 Hz so far */
  double t0;
  int first_sound;
} render;

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Milliseconds since this process started (Linux; -1 elsewhere), for the
 * first-sound figure: what a listener waits includes reading and
 * summarizing.  /proc gives the start in clock ticks since boot. */
static double process_age_ms(void) {
  FILE *f = fopen("/proc/self/stat", "r");
  if (!f)
    return -1;
  char buf[1024];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = 0;
  const char *p = strrchr(buf, ')'); /* the command name may hold spaces */
  unsigned long long start = 0;
  if (!p || sscanf(p + 2,
                   "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d "
                   "%*d %*d %*d %*d %*d %llu",
                   &start) != 1)
    return -1;
  struct timespec ts;
  clock_gettime(CLOCK_BOOTTIME, &ts);
  long tck = sysconf(_SC_CLK_TCK);
  if (tck <= 0)
    return -1;
  return (ts.tv_sec * 1e3 + ts.tv_nsec / 1e6) - (double)start * 1e3 / tck;
}

static int interrupted(const render *R) {
  return R->o->interrupted && *R->o->interrupted;
}

static float *grow(float *p, size_t *cap, size_t n) {
  if (*cap < n) {
    *cap = n;
    p = nb_xrealloc(p, n * sizeof *p);
  }
  return p;
}

static nb_status file_put(render *R, const float *mono, size_t n) {
  return n ? nb__file_write(R->file, mono, n, R->e) : NB_OK;
}

/* 22,050 Hz mono float to the file's rate, then (pass two) the limiter. */
static nb_status file_stage(render *R, nb__limiter *lim, const float *in,
                            size_t n, int flush) {
  const float *x = in;
  size_t xn = n;
  nb_status st;
  if (R->rs) {
    st = flush ? nb__resampler_flush(R->rs, &R->rout, &R->rout_cap, &xn, R->e)
               : nb__resampler_run(R->rs, in, n, &R->rout, &R->rout_cap, &xn,
                                   R->e);
    if (st)
      return st;
    x = R->rout;
  } else if (flush) {
    xn = 0;
  }
  if (lim) {
    size_t ln = 0;
    if (xn) {
      nb__limiter_push(lim, x, xn, &R->lout, &R->lout_cap, &ln);
      if ((st = file_put(R, R->lout, ln)))
        return st;
    }
    if (flush) {
      nb__limiter_finish(lim, &R->lout, &R->lout_cap, &ln);
      return file_put(R, R->lout, ln);
    }
    return NB_OK;
  }
  return file_put(R, x, xn);
}

/* int16 from eSpeak to float.  32768 is full scale because libsndfile
 * (with clipping on) scales by 32768 on the way back to 16 bits: a
 * rendering with no gain writes exactly the samples eSpeak made. */
static float *to_float(render *R, const int16_t *pcm, size_t n) {
  R->fin = grow(R->fin, &R->fin_cap, n ? n : 1);
  float *f = R->fin;
  if (pcm) /* no test inside the loop: it vectorizes */
    for (size_t i = 0; i < n; i++)
      f[i] = pcm[i] * (1.0f / 32768);
  else
    memset(f, 0, n * sizeof *f);
  return f;
}

static nb_status open_spool(render *R);

/* Appends n samples (pcm == NULL: silence) to the spool. */
static nb_status spool_put(render *R, const int16_t *pcm, size_t n) {
  if (!R->spool && R->mem_n + n <= NB_SPOOL_MEM) {
    if (R->mem_n + n > R->mem_cap) {
      R->mem_cap = R->mem_cap ? R->mem_cap * 2 : 1 << 20;
      while (R->mem_cap < R->mem_n + n)
        R->mem_cap *= 2;
      if (R->mem_cap > NB_SPOOL_MEM)
        R->mem_cap = NB_SPOOL_MEM;
      R->mem = nb_xrealloc(R->mem, R->mem_cap * sizeof *R->mem);
    }
    if (pcm)
      memcpy(R->mem + R->mem_n, pcm, n * sizeof *pcm);
    else
      memset(R->mem + R->mem_n, 0, n * sizeof *pcm);
    R->mem_n += n;
    return NB_OK;
  }
  nb_status st;
  if (!R->spool && (st = open_spool(R)))
    return st;
  static const int16_t silence[4096];
  size_t done = 0;
  while (done < n) {
    size_t k = pcm ? n : (n - done > 4096 ? 4096 : n - done);
    errno = 0;
    if (fwrite(pcm ? pcm : silence, sizeof *pcm, k, R->spool) != k)
      return nb_err_set(R->e, NB_IO, "%s: %s", R->o->output,
                        strerror(errno ? errno : EIO));
    done += k;
  }
  return NB_OK;
}

/* The player skips the rest of the story it was in when a skip came. */
#define NO_SKIP (-2) /* no story has it: stories count from 0, -1 frames */

static int skipping(const render *R) {
  return R->story == R->skip_story;
}

/* Live controls, between two writes to the player: a skip marks the
 * current story; a pause stops the stream until it is lifted (or Ctrl-C). */
static nb_status player_controls(render *R) {
  const nb_render_opts *o = R->o;
  if (o->skips && atomic_load(o->skips) != R->skips_seen) {
    R->skips_seen = atomic_load(o->skips);
    R->skip_story = R->story;
  }
  if (o->paused && atomic_load(o->paused) && !interrupted(R)) {
    nb_status st = nb__player_pause(R->player, R->e);
    if (st)
      return st;
    struct timespec ts = {0, 20 * 1000 * 1000};
    while (atomic_load(o->paused) && !interrupted(R))
      nanosleep(&ts, NULL);
  }
  if (interrupted(R))
    return nb_err_set(R->e, NB_INTERRUPTED, "interrupted");
  return NB_OK;
}

/* One stretch of eSpeak-rate audio (pcm == NULL: n samples of silence) to
 * every sink. */
static nb_status emit(render *R, const int16_t *pcm, size_t n) {
  nb_status st;
  if (n == 0)
    return NB_OK;
  int16_t *zeros = NULL;
  if (R->player) {
    if (!pcm)
      zeros = nb_xcalloc(n, sizeof *zeros);
    if (!R->first_sound) {
      R->first_sound = 1;
      nb_diag_printf(R->o->diag, NB_DEBUG,
                     "playback: first audio after %.0f ms (%.0f ms after the "
                     "process started)",
                     now_ms() - R->t0, process_age_ms());
    }
    /* A tenth of a second at a time: writes block for as long as the
     * audio plays, and Ctrl-C, a pause or a skip must act promptly. */
    const int16_t *src = pcm ? pcm : zeros;
    st = NB_OK;
    for (size_t off = 0; !st && off < n; off += NB_TTS_RATE / 10) {
      if ((st = player_controls(R)) || skipping(R))
        break;
      size_t k = n - off < NB_TTS_RATE / 10 ? n - off : NB_TTS_RATE / 10;
      st = nb__player_write(R->player, src + off, k, R->e);
    }
    free(zeros);
    if (st)
      return st;
  }
  if (!R->file)
    return NB_OK;
  if (R->normalize) {
    float *f = to_float(R, pcm, n);
    nb__meter_add(R->meter, f, n);
    return spool_put(R, pcm, n);
  }
  if (!R->rs && pcm) /* eSpeak's own samples, as they are */
    return nb__file_write_s16(R->file, pcm, n, R->e);
  return file_stage(R, NULL, to_float(R, pcm, n), n, 0);
}

/* Pass two: the spool back through resampler, gain and limiter. */
static nb_status normalize_pass(render *R) {
  double l = nb__meter_loudness(R->meter);
  double gain_db = isfinite(l) ? R->target - l : 0;
  nb_diag_printf(R->o->diag, NB_INFO,
                 "loudness: %.1f LUFS measured, %+.1f dB to %.1f LUFS", l,
                 gain_db, R->target);
  if (R->spool &&
      (fflush(R->spool) != 0 || fseek(R->spool, 0, SEEK_SET) != 0))
    return nb_err_set(R->e, NB_IO, "%s: %s", R->o->output, strerror(errno));
  nb__limiter *lim =
      nb__limiter_new(R->rate, pow(10, gain_db / 20), R->ceiling);
  nb_status st = NB_OK;
  for (size_t off = 0; off < R->mem_n; off += 8192) {
    if (interrupted(R)) {
      st = nb_err_set(R->e, NB_INTERRUPTED, "interrupted");
      break;
    }
    size_t k = R->mem_n - off < 8192 ? R->mem_n - off : 8192;
    if ((st = file_stage(R, lim, to_float(R, R->mem + off, k), k, 0)))
      break;
  }
  int16_t buf[8192];
  while (!st && R->spool) {
    if (interrupted(R)) {
      st = nb_err_set(R->e, NB_INTERRUPTED, "interrupted");
      break;
    }
    size_t k = fread(buf, sizeof *buf, sizeof buf / sizeof *buf, R->spool);
    if (k == 0) {
      if (ferror(R->spool))
        st = nb_err_set(R->e, NB_IO, "%s: %s", R->o->output, strerror(errno));
      break;
    }
    if ((st = file_stage(R, lim, to_float(R, buf, k), k, 0)))
      break;
  }
  if (!st)
    st = file_stage(R, lim, NULL, 0, 1);
  nb__limiter_free(lim);
  return st;
}

static nb_status open_spool(render *R) {
  size_t n = strlen(R->o->output) + 32;
  R->spool_path = nb_xmalloc(n);
  snprintf(R->spool_path, n, "%s.spool-XXXXXX", R->o->output);
  int fd = mkstemp(R->spool_path);
  if (fd < 0)
    return nb_err_set(R->e, NB_IO, "%s: %s", R->o->output, strerror(errno));
  /* Unlinked at once: nothing is left behind, whatever stops the run. */
  unlink(R->spool_path);
  R->spool = fdopen(fd, "w+b");
  if (!R->spool) {
    close(fd);
    return nb_err_set(R->e, NB_IO, "%s: %s", R->o->output, strerror(errno));
  }
  return NB_OK;
}

static void warn_failed(render *R, size_t i, const char *why) {
  const nb_segment *seg = &R->s->segs[i];
  if (seg->story >= 0) {
    size_t k = 1;
    for (size_t j = i; j > 0 && R->s->segs[j - 1].story == seg->story; j--)
      k++;
    nb_diag_printf(R->o->diag, NB_WARN,
                   "story %d, segment %zu (%s): %s; skipped", seg->story + 1,
                   k, nb_role_name(seg->role), why);
  } else {
    nb_diag_printf(R->o->diag, NB_WARN, "segment %zu (%s): %s; skipped", i + 1,
                   nb_role_name(seg->role), why);
  }
}

static nb_status write_timelines(render *R) {
  const nb_render_opts *o = R->o;
  nb_status st = NB_OK;
  nb_buf b = {0};
  if (o->transcript) {
    int srt = 0;
    nb__transcript_check(o->transcript, &srt, NULL);
    if (srt)
      nb__timeline_srt(&R->tl, &b);
    else
      nb__timeline_vtt(&R->tl, &b);
    st = nb_write_file_atomic(o->transcript, b.ptr, b.len, R->e);
    nb_buf_clear(&b);
  }
  if (!st && o->chapters) {
    nb__timeline_chapters(&R->tl, &b);
    st = nb_write_file_atomic(o->chapters, b.ptr, b.len, R->e);
    nb_buf_clear(&b);
  }
  if (!st && o->segments) {
    nb__timeline_segments(&R->tl, &b);
    st = nb_write_file_atomic(o->segments, b.ptr, b.len, R->e);
  }
  nb_buf_release(&b);
  return st;
}

/* Everything that can be refused before any work: formats, rates, the
 * loudness target, channel counts. */
static nb_status check_opts(render *R) {
  const nb_render_opts *o = R->o;
  nb_err *e = R->e;
  R->channels = o->channels ? o->channels : 1;
  if (R->channels > 2)
    return nb_err_set(e, NB_USAGE, "--channels: %u (use 1 or 2)", o->channels);
  R->rate = NB_TTS_RATE;
  if (o->output) {
    nb__file_kind kind;
    nb_status st = nb__file_kind_of(o->output, &kind, e);
    if (st)
      return st;
    R->rate = o->rate ? o->rate : nb__file_default_rate(kind);
    if (R->rate < 8000 || R->rate > 192000)
      return nb_err_set(e, NB_USAGE, "--rate: %u Hz (use 8000 to 192000)",
                        R->rate);
    R->normalize = !o->loudness_off;
    R->target = o->loudness != 0 ? o->loudness : R->channels == 2 ? -16 : -19;
    if (R->normalize && (R->target < -70 || R->target > -5))
      return nb_err_set(e, NB_USAGE,
                        "--loudness: %.1f LUFS (use -70 to -5, or off)",
                        R->target);
    /* Lossy encoders overshoot a little: more headroom for them. */
    R->ceiling = (kind == NB__FILE_WAV || kind == NB__FILE_FLAC) ? -1.5 : -2.0;
  }
  if (o->transcript) {
    int srt;
    nb_status st = nb__transcript_check(o->transcript, &srt, e);
    if (st)
      return st;
  }
  return NB_OK;
}

nb_status nb_render(const nb_script *s, const nb_render_opts *o,
                    nb_render_result *res, nb_err *e) {
  render R = {.s = s, .o = o, .e = e, .skip_story = NO_SKIP};
  if (o->skips)
    R.skips_seen = atomic_load(o->skips);
  R.t0 = now_ms();
  nb_status st = check_opts(&R);
  if (st)
    return st;
  if (s->n == 0)
    return nb_err_set(e, NB_EMPTY, "nothing to speak");

  /* The workers fork: start them before anything that might start a
   * thread (PortAudio, ALSA, JACK). */
  nb_tts *tts = NULL;
  nb_tts_opts to = {.jobs = o->jobs};
  if ((st = nb_tts_open(&to, &tts, e)))
    return st;
  unsigned jobs = o->jobs;
  if (jobs == 0) {
    long c = sysconf(_SC_NPROCESSORS_ONLN);
    jobs = c > 0 ? (unsigned)c : 1;
  }
  /* Enough queued to keep every worker busy while the sinks work, few
   * enough that memory does not grow with the briefing. */
  size_t window = NB_TTS_CHUNK * ((size_t)jobs + 1);
  if (window > 8 * NB_TTS_CHUNK) /* many cores: memory still bounded */
    window = 8 * NB_TTS_CHUNK;
  size_t submitted = 0;
  while (submitted < s->n && submitted < window) {
    nb_tts_submit(tts, submitted, s->segs[submitted].text,
                  s->segs[submitted].voice);
    submitted++;
  }

  if (o->output) {
    nb__file_meta meta = {o->title, o->artist, o->album, o->date, o->comment};
    st = nb__file_open(o->output, R.rate, R.channels, o->durable, &meta,
                       &R.file, e);
    if (!st && R.rate != NB_TTS_RATE)
      st = nb__resampler_new(NB_TTS_RATE, R.rate, &R.rs, e);
    if (!st && R.normalize)
      R.meter = nb__meter_new(NB_TTS_RATE, R.channels, 0);
  }
  /* Opening the device overlaps with the first segments' synthesis. */
  if (!st && o->play) {
    nb_diag_printf(o->diag, NB_DEBUG, "render: workers up after %.0f ms",
                   now_ms() - R.t0);
    st = nb__player_open(o->device, NB_TTS_RATE, &R.player, e);
    nb_diag_printf(o->diag, NB_DEBUG, "render: audio device open after %.0f ms",
                   now_ms() - R.t0);
  }

  R.tl.script = s;
  R.tl.in_rate = NB_TTS_RATE;
  R.tl.out_rate = R.rate;
  R.tl.segs = nb_xcalloc(s->n, sizeof *R.tl.segs);
  R.tl.n = s->n;
  size_t n_failed = 0;
  nb_err last = {0};

  for (size_t i = 0; !st && i < s->n; i++) {
    if (interrupted(&R)) {
      st = nb_err_set(e, NB_INTERRUPTED, "interrupted");
      break;
    }
    nb_tts_audio a = {0};
    nb_err se = {0};
    nb_status cs = nb_tts_collect(tts, i, &a, &se);
    if (submitted < s->n) {
      nb_tts_submit(tts, submitted, s->segs[submitted].text,
                    s->segs[submitted].voice);
      submitted++;
    }
    nb__tl_seg *ts = &R.tl.segs[i];
    ts->seg = &s->segs[i];
    ts->start = R.pos;
    R.story = s->segs[i].story;
    if (R.story != R.skip_story)
      R.skip_story = NO_SKIP; /* a new story (the outro shares the intro's -1) */
    if (cs == NB_TTS) {
      ts->failed = 1;
      n_failed++;
      last = se;
      warn_failed(&R, i, se.msg[0] ? se.msg : "speech synthesis failed");
    } else if (cs != NB_OK) {
      st = nb_err_set(e, cs, "%s", se.msg);
      nb_tts_audio_release(tts, &a);
      break;
    } else {
      /* Sentence and word starts, made absolute by the running count. */
      if (a.n_events) {
        ts->events = nb_xmalloc(a.n_events * sizeof *ts->events);
        for (size_t j = 0; j < a.n_events; j++) {
          ts->events[j].type = a.events[j].type;
          ts->events[j].sample = R.pos + a.events[j].sample;
        }
        ts->n_events = a.n_events;
      }
      st = emit(&R, a.pcm, a.n);
      R.pos += a.n;
    }
    nb_tts_audio_release(tts, &a);
    ts->end = R.pos;
    if (st)
      break;
    size_t pause = (size_t)s->segs[i].pause_ms * NB_TTS_RATE / 1000;
    st = emit(&R, NULL, pause);
    R.pos += pause;
    if (o->progress)
      o->progress(o->progress_ud, i + 1, s->n, (double)R.pos / NB_TTS_RATE);
  }
  nb_tts_close(tts);
  R.tl.total = R.pos;
  nb_diag_printf(o->diag, NB_DEBUG, "render: %zu segments spoken after %.0f ms",
                 s->n, now_ms() - R.t0);

  if (!st && n_failed == s->n)
    st = nb_err_set(e, NB_TTS, "no segment could be spoken: %s",
                    last.msg[0] ? last.msg : "speech synthesis failed");
  if (R.player) {
    nb_status ps = nb__player_close(R.player, !st, st ? NULL : e);
    if (!st)
      st = ps;
    R.player = NULL;
  }
  if (!st && R.file) {
    if (R.normalize)
      st = normalize_pass(&R);
    else
      st = file_stage(&R, NULL, NULL, 0, 1);
  }
  if (!st && R.file) {
    size_t n_ch = 0; /* MP3: the chapters go into the file too */
    nb__chapter *ch = nb__timeline_chapter_list(&R.tl, &n_ch);
    nb__file_set_chapters(R.file, ch, n_ch, R.tl.total, R.tl.in_rate);
    st = nb__file_commit(R.file, e);
    nb__chapters_free(ch, n_ch);
    R.file = NULL;
    nb_diag_printf(o->diag, NB_DEBUG, "render: %s written after %.0f ms",
                   o->output, now_ms() - R.t0);
  }
  if (!st)
    st = write_timelines(&R);

  nb__file_abort(R.file);
  if (R.spool)
    fclose(R.spool);
  free(R.spool_path);
  free(R.mem);
  nb__meter_free(R.meter);
  nb__resampler_free(R.rs);
  free(R.fin);
  free(R.rout);
  free(R.lout);
  nb__timeline_release(&R.tl);
  if (!st && res) {
    res->duration = (double)R.pos / NB_TTS_RATE;
    res->n_segments = s->n;
    res->n_failed = n_failed;
  }
  return st;
}

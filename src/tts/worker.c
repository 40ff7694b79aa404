/* worker.c: synthesis in worker processes, between the script (prosody) and
 * the sinks (render).  The parent queues segments, hands each to an idle
 * worker over a socket, and gives results back in id order; a worker that
 * crashes or hangs costs its one segment and is replaced.
 *
 * Protocol (one AF_UNIX stream socket per worker, both ends in this file):
 *   request = req_hdr, voice bytes, text bytes
 *   reply   = frames, each a rep_hdr and len bytes:
 *             REP_PCM  int16 samples, as they are made (any number of them)
 *             REP_END  status 0: the events, n x 4 uint32 (type, sample,
 *                      text_pos, length); status 1: an error message
 * Samples stream as eSpeak makes them, so neither side ever holds a
 * segment in a buffer it has not used before (fresh pages cost a page
 * fault each, which was a third of the run time).  A worker that sends
 * nothing for the timeout is hung. */
#include "tts/engine.h"
#include "tts/tts.h"
#include "tts/tts_internal.h"
#include "sink/render.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define REQ_MAGIC 0x6e627251u /* "nbrQ" */
#define REP_MAGIC 0x6e627250u /* "nbrP" */
#define MAX_JOBS 64
#define REQ_RESTART (1u << 16) /* request flag: end this child, fork anew */
/* How a synthesizer child ends (0 is never used: it would be ambiguous). */
#define CHILD_DONE 7 /* made way for a fresh child (REQ_RESTART) */
#define CHILD_EOF 3  /* the parent is gone or closed the socket */
#define NO_ID ((size_t)-1)
#define MAX_TEXT (64u << 20)

typedef struct req_hdr {
  uint32_t magic, flags;
  uint64_t id;
  int32_t rate, pitch, range, volume;
  uint32_t voice_len, text_len;
} req_hdr;

enum { REP_PCM = 1, REP_END = 2 };

typedef struct rep_hdr {
  uint32_t magic, kind; /* REP_PCM or REP_END */
  uint64_t id;
  uint32_t status, len; /* status (REP_END): 0 ok, 1 failed; len: bytes */
} rep_hdr;

/* ---- I/O helpers: whole buffers, EINTR and short transfers handled ---- */

static int write_all(int fd, const void *p, size_t n) {
  const char *c = p;
  while (n > 0) {
    /* MSG_NOSIGNAL: a dead peer gives EPIPE, not a SIGPIPE that would
     * kill the parent. */
    ssize_t w = send(fd, c, n, MSG_NOSIGNAL);
    if (w < 0) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    c += w;
    n -= (size_t)w;
  }
  return 0;
}

/* Returns 1 when n bytes were read, 0 at end of file before any byte,
 * -1 on error or end of file in the middle. */
static int read_all(int fd, void *p, size_t n) {
  char *c = p;
  size_t got = 0;
  while (got < n) {
    ssize_t r = read(fd, c + got, n - got);
    if (r < 0) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    if (r == 0)
      return got == 0 ? 0 : -1;
    got += (size_t)r;
  }
  return 1;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---- the worker process ---------------------------------------------- */

typedef struct growbuf {
  char *p;
  size_t len, cap;
} growbuf;

static void grow_put(growbuf *g, const void *p, size_t n) {
  if (g->len + n > g->cap) {
    size_t cap = g->cap ? g->cap : 1 << 12;
    while (cap < g->len + n)
      cap *= 2;
    g->p = nb_xrealloc(g->p, cap);
    g->cap = cap;
  }
  memcpy(g->p + g->len, p, n);
  g->len += n;
}

/* The segment being spoken in this child: samples go out in frames of
 * STREAM_SAMPLES as eSpeak makes them, through one small buffer, so the
 * child never holds (and never page-faults in) a whole segment; events are
 * few and go with the end frame. */
#define STREAM_SAMPLES 32768 /* 1.5 s, 64 KB: a few hundred frames an hour */
typedef struct stream {
  int fd;
  uint64_t id;
  size_t n;
  rep_hdr head;                /* a PCM frame's header, then */
  int16_t pcm[STREAM_SAMPLES]; /* its samples: one write sends both */
  growbuf ev;
} stream;
_Static_assert(offsetof(stream, pcm) == offsetof(stream, head) + sizeof(rep_hdr),
               "a PCM frame is one contiguous write");

static void send_frame(stream *s, uint32_t kind, uint32_t status,
                       const void *p, size_t len) {
  rep_hdr h = {REP_MAGIC, kind, s->id, status, (uint32_t)len};
  if (write_all(s->fd, &h, sizeof h) < 0 || write_all(s->fd, p, len) < 0)
    _exit(CHILD_EOF); /* the parent is gone */
}

/* The samples gathered so far, as one PCM frame. */
static void send_pcm(stream *s) {
  size_t len = s->n * sizeof *s->pcm;
  s->head = (rep_hdr){REP_MAGIC, REP_PCM, s->id, 0, (uint32_t)len};
  if (write_all(s->fd, &s->head, sizeof s->head + len) < 0)
    _exit(CHILD_EOF); /* the parent is gone */
  s->n = 0;
}

static void sink_pcm(void *ud, const int16_t *pcm, size_t n) {
  stream *s = ud;
  while (n > 0) {
    size_t k = STREAM_SAMPLES - s->n < n ? STREAM_SAMPLES - s->n : n;
    memcpy(s->pcm + s->n, pcm, k * sizeof *pcm);
    s->n += k;
    pcm += k;
    n -= k;
    if (s->n == STREAM_SAMPLES)
      send_pcm(s);
  }
}

static void sink_event(void *ud, const nb_tts_event *ev) {
  stream *s = ud;
  uint32_t w[4] = {(uint32_t)ev->type, ev->sample, ev->text_pos, ev->length};
  grow_put(&s->ev, w, sizeof w);
}

static void worker_limits(void) {
  struct rlimit r = {0, 0};
  setrlimit(RLIMIT_CORE, &r);
  /* A generous CPU budget: eSpeak speaks ~900x real time, so this is hours
   * of audio; a runaway loop dies with SIGXCPU even if nobody times it. */
  r.rlim_cur = 600;
  r.rlim_max = 660;
  setrlimit(RLIMIT_CPU, &r);
  /* 1 GB of address space beyond what the process already maps (the
   * parent's image, or a sanitizer's shadow memory). */
  long pages = 0, page = sysconf(_SC_PAGESIZE);
  int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    char buf[64] = {0};
    if (read(fd, buf, sizeof buf - 1) > 0)
      pages = strtol(buf, NULL, 10);
    close(fd);
  }
  if (pages > 0 && page > 0) {
    r.rlim_cur = r.rlim_max = (rlim_t)pages * (rlim_t)page + (1ull << 30);
    setrlimit(RLIMIT_AS, &r);
  }
}

/* Speaks one request, streaming its samples, then the end frame: the body
 * of a per-segment child.  A failure after some samples went out still
 * ends with a failed end frame, and the parent drops what it got. */
static void speak_one(int fd, const req_hdr *h, const char *voice,
                      const char *text, stream *s) {
  if (h->flags & NB__TTS_HANG)
    for (;;)
      pause();
  if (h->flags & NB__TTS_CRASH)
    abort();
  s->fd = fd;
  s->id = h->id;
  s->n = 0;
  s->ev.len = 0;
  nb_err e = {0};
  nb_status st = nb__espeak_voice(voice, &e);
  if (st == NB_OK) {
    nb__espeak_params(h->rate, h->pitch, h->range, h->volume);
    nb__espeak_sink sink = {sink_pcm, sink_event, s};
    st = nb__espeak_speak(text, &sink, &e);
  }
  if (h->flags & NB__TTS_CRASH_LATE) /* samples sent, no end frame */
    abort();
  if (st != NB_OK) {
    send_frame(s, REP_END, 1, e.msg, strlen(e.msg));
    return;
  }
  if (s->n > 0)
    send_pcm(s);
  send_frame(s, REP_END, 0, s->ev.p, s->ev.len);
}

/* Reads one request into h, *voice and *text.  Returns 0 when the parent
 * closed the socket (or spoke nonsense): the worker is done. */
static int read_request(int fd, req_hdr *h, char **voice, char **text) {
  int r = read_all(fd, h, sizeof *h);
  if (r <= 0 || h->magic != REQ_MAGIC || h->voice_len > 256 ||
      h->text_len > MAX_TEXT)
    return 0;
  *voice = nb_xrealloc(*voice, h->voice_len + 1);
  *text = nb_xrealloc(*text, h->text_len + 1);
  if (read_all(fd, *voice, h->voice_len) < 0 ||
      read_all(fd, *text, h->text_len) < 0)
    return 0;
  (*voice)[h->voice_len] = 0;
  (*text)[h->text_len] = 0;
  return 1;
}

/* A synthesizer child: it waits for the baton (a byte on the worker's
 * pipe) unless it is the first, then speaks requests until the parent
 * asks for a fresh child, hands the baton on and exits. */
_Noreturn static void child_main(int fd, int baton[2], int first) {
  static stream g;
  char *voice = NULL, *text = NULL;
  req_hdr h;
  char b;
  if (!first)
    for (;;) {
      ssize_t r = read(baton[0], &b, 1);
      if (r == 1)
        break;
      if (r == 0 || errno != EINTR)
        _exit(CHILD_EOF);
    }
  for (;;) {
    if (!read_request(fd, &h, &voice, &text))
      _exit(CHILD_EOF);
    if (h.flags & REQ_RESTART) {
      /* The next request is the spare's: it reads the socket from here. */
      while (write(baton[1], "", 1) < 0 && errno == EINTR)
        ;
      _exit(CHILD_DONE);
    }
    speak_one(fd, &h, voice, text, &g);
  }
}

static pid_t fork_child(int fd, int baton[2], int first) {
  pid_t me = getpid();
  pid_t kid = fork();
  if (kid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL); /* a killed worker takes it along */
    if (getppid() != me)
      _exit(CHILD_EOF);
    child_main(fd, baton, first);
  }
  return kid;
}

static void kill_child(pid_t kid) {
  if (kid <= 0)
    return;
  kill(kid, SIGKILL);
  while (waitpid(kid, NULL, 0) < 0 && errno == EINTR)
    ;
}

_Noreturn static void worker_main(int fd) {
  /* Segments are spoken by children forked from this worker, whose eSpeak
   * was initialized and never used.  eSpeak carries state from one
   * synthesis to the next (echo, pitch history), so the samples of a
   * segment depend on what its synthesizer spoke before; the parent makes
   * that history a function of the script alone: each chunk of
   * NB_TTS_CHUNK consecutive ids is spoken in order by one child that
   * starts fresh, whichever worker takes it (REQ_RESTART asks for a fresh
   * child).  A fork costs page faults for everything the child writes, so
   * a child serves a chunk rather than a segment; and the next child is
   * forked while the current one speaks, then waits for the baton, so no
   * fork ever sits between a request and its synthesis. */
  int baton[2];
  pid_t cur = -1;
  if (pipe(baton) == 0)
    cur = fork_child(fd, baton, 1);
  if (cur < 0) { /* no fork: speak here, at the cost of repeatability */
    static stream g;
    char *voice = NULL, *text = NULL;
    req_hdr h;
    while (read_request(fd, &h, &voice, &text))
      if (!(h.flags & REQ_RESTART))
        speak_one(fd, &h, voice, text, &g);
    _exit(0);
  }
  for (;;) {
    /* The next spare is forked only once the current child has taken the
     * baton from the pipe: two children waiting on one byte could let the
     * newer one take over while this worker waits for the other (seen
     * under load: the worker then waited for ever at the end). */
    int status = 0, gone = 0, pending;
    while (ioctl(baton[0], FIONREAD, &pending) == 0 && pending > 0) {
      if (waitpid(cur, &status, WNOHANG) == cur) {
        gone = 1;
        break;
      }
      struct timespec wait = {0, 50 * 1000};
      nanosleep(&wait, NULL);
    }
    pid_t spare = fork_child(fd, baton, 0);
    while (!gone && waitpid(cur, &status, 0) < 0)
      if (errno != EINTR) {
        kill_child(spare);
        _exit(0);
      }
    /* The child died before it replied: die the same way, so the parent
     * sees a crashed synthesizer and replaces this worker. */
    if (WIFSIGNALED(status)) {
      kill_child(spare);
      signal(WTERMSIG(status), SIG_DFL);
      raise(WTERMSIG(status));
      _exit(128 + WTERMSIG(status));
    }
    /* No spare could be forked: try again now (the baton and the next
     * request wait for it), rather than fail a segment. */
    for (int i = 0; i < 3 && spare < 0 && WEXITSTATUS(status) == CHILD_DONE;
         i++) {
      struct timespec pause = {0, 20 * 1000 * 1000};
      nanosleep(&pause, NULL);
      spare = fork_child(fd, baton, 0);
    }
    if (WEXITSTATUS(status) != CHILD_DONE || spare < 0) {
      kill_child(spare);
      _exit(WEXITSTATUS(status) == CHILD_EOF ? 0 : WEXITSTATUS(status));
    }
    cur = spare;
  }
}

/* ---- the parent ------------------------------------------------------- */

enum { SEG_NONE, SEG_QUEUED, SEG_RUNNING, SEG_DONE, SEG_TAKEN };

typedef struct seg {
  int state;
  unsigned flags;
  char *text, *voice;
  int rate, pitch, range, volume;
  nb_status status;
  char *msg;
  nb_tts_audio audio;
} seg;

typedef struct worker {
  pid_t pid; /* 0: no process */
  int fd;
  int busy;
  size_t id;   /* segment in flight */
  size_t next; /* the id that continues its chunk, or NO_ID */
  int fresh;   /* its child has spoken nothing yet */
  double deadline;
  size_t max_n; /* samples its text can plausibly make */
  /* The reply being read: a frame header, then its payload. */
  rep_hdr hdr;
  int in_payload;
  size_t got;    /* bytes of the current header or payload */
  int16_t *pcm;  /* the samples so far */
  size_t n, cap; /* samples, and room for them */
  char *end;     /* the REP_END payload: events or a message */
} worker;

/* Sample buffers given back, kept for the next segments: at most
 * POOL_MAX of them, POOL_BYTES in all. */
#define POOL_MAX 64
#define POOL_BYTES ((size_t)48 << 20)

typedef struct pcm_buf {
  int16_t *p;
  size_t cap; /* samples */
} pcm_buf;

struct nb_tts {
  worker w[MAX_JOBS];
  unsigned n_w;
  unsigned timeout_ms;
  char spawn_msg[256];
  seg *segs;
  size_t n_segs, cap_segs;
  size_t low; /* no id below it waits for a worker */
  pcm_buf pool[POOL_MAX];
  unsigned n_pool;
  size_t pool_bytes;
};

static void pool_put(nb_tts *t, int16_t *p, size_t cap) {
  if (!p)
    return;
  size_t bytes = cap * sizeof *p;
  if (!t || t->n_pool == POOL_MAX || t->pool_bytes + bytes > POOL_BYTES) {
    free(p);
    return;
  }
  t->pool[t->n_pool++] = (pcm_buf){p, cap};
  t->pool_bytes += bytes;
}

/* The largest buffer kept (fewest reallocations), or a new one. */
static pcm_buf pool_take(nb_tts *t, size_t want) {
  unsigned best = t->n_pool;
  for (unsigned i = 0; i < t->n_pool; i++)
    if (best == t->n_pool || t->pool[i].cap > t->pool[best].cap)
      best = i;
  if (best == t->n_pool)
    return (pcm_buf){nb_xmalloc(want * sizeof(int16_t)), want};
  pcm_buf b = t->pool[best];
  t->pool[best] = t->pool[--t->n_pool];
  t->pool_bytes -= b.cap * sizeof *b.p;
  return b;
}

static void worker_reset_reply(nb_tts *t, worker *w) {
  pool_put(t, w->pcm, w->cap);
  free(w->end);
  w->pcm = NULL;
  w->end = NULL;
  w->n = w->cap = 0;
  w->in_payload = 0;
  w->got = 0;
}

static int spawn(nb_tts *t, worker *w) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
    snprintf(t->spawn_msg, sizeof t->spawn_msg,
             "cannot start synthesizer: %s", strerror(errno));
    return -1;
  }
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    snprintf(t->spawn_msg, sizeof t->spawn_msg,
             "cannot start synthesizer: %s", strerror(errno));
    close(sv[0]);
    close(sv[1]);
    return -1;
  }
  if (pid == 0) {
    /* Dies with the parent, however it dies (kill -9 included): its
     * children die with it in turn, and nothing is left running. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
      _exit(0);
    /* The worker: only the async-signal-safe and eSpeak calls below.
     * Signal handlers from the parent (main.c's SIGINT cleanup and its
     * terminal restorers, a test framework's SIGSEGV catcher) must not run
     * here: a crash has to end
     * this process with its signal, and Ctrl-C is the parent's to handle
     * (the workers end when it closes their sockets). */
    static const int dfl[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT,
                              SIGTERM, SIGHUP, SIGALRM, SIGXCPU, SIGCHLD,
                              SIGUSR1, SIGUSR2, SIGPIPE, SIGTSTP};
    for (size_t i = 0; i < sizeof dfl / sizeof *dfl; i++)
      signal(dfl[i], SIG_DFL);
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    /* eSpeak writes "stack smashing detected" and its own complaints to
     * stderr: the parent's warning is the message users see. */
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
      dup2(null, 0);
      dup2(null, 1);
      dup2(null, 2);
    }
    if (dup2(sv[1], 3) < 0)
      _exit(0);
    /* Drop every other descriptor, in particular the other workers'
     * sockets: a worker holding them would keep them open after the
     * parent dies. */
    if (close_range(4, ~0U, 0) != 0) { /* Linux 5.9; else one by one */
      long max = sysconf(_SC_OPEN_MAX);
      if (max < 0 || max > 65536)
        max = 65536;
      for (int fd = 4; fd < max; fd++)
        close(fd);
    }
    worker_limits();
    worker_main(3);
  }
  close(sv[1]);
  w->pid = pid;
  w->fd = sv[0];
  w->busy = 0;
  w->fresh = 1;
  worker_reset_reply(t, w);
  return 0;
}

/* Ends a worker (killing it if it still runs) and reaps it; *how describes
 * the way it ended when it was not killed by us. */
static void reap(nb_tts *t, worker *w, int kill_it, char *how, size_t how_len) {
  if (w->fd >= 0)
    close(w->fd);
  w->fd = -1;
  if (w->pid > 0) {
    if (kill_it)
      kill(w->pid, SIGKILL);
    int st = 0;
    pid_t r;
    do
      r = waitpid(w->pid, &st, 0);
    while (r < 0 && errno == EINTR);
    if (how) {
      if (r == w->pid && WIFSIGNALED(st))
        snprintf(how, how_len, "synthesizer crashed (signal %d)",
                 WTERMSIG(st));
      else if (r == w->pid && WIFEXITED(st))
        snprintf(how, how_len, "synthesizer crashed (exit status %d)",
                 WEXITSTATUS(st));
      else
        snprintf(how, how_len, "synthesizer crashed");
    }
  }
  w->pid = 0;
  w->busy = 0;
  worker_reset_reply(t, w);
}

static void seg_fail(nb_tts *t, size_t id, const char *msg) {
  seg *s = &t->segs[id];
  free(s->text);
  free(s->voice);
  s->text = s->voice = NULL;
  s->status = NB_TTS;
  free(s->msg);
  s->msg = nb_xstrdup(msg);
  s->state = SEG_DONE;
}

/* A worker died or hung: its segment fails, a new worker takes its place. */
static void worker_lost(nb_tts *t, worker *w, int kill_it, const char *why) {
  char how[128];
  int busy = w->busy;
  size_t id = w->id;
  reap(t, w, kill_it, how, sizeof how);
  if (busy)
    seg_fail(t, id, why ? why : how);
  /* No replacement: its chunk is free for the others (a fresh child). */
  if (spawn(t, w) < 0)
    w->next = NO_ID;
}

static int dispatch(nb_tts *t, worker *w, size_t id) {
  seg *s = &t->segs[id];
  /* A fresh child for a chunk's first id, or for any id that does not
   * continue what this child spoke (its chunk's earlier segment failed
   * and the worker was replaced: then it is fresh already). */
  int cont = id == w->next && id % NB_TTS_CHUNK != 0;
  if (!w->fresh && !cont) {
    req_hdr r = {REQ_MAGIC, REQ_RESTART, id, 0, 0, 0, 0, 0, 0};
    if (write_all(w->fd, &r, sizeof r) < 0)
      return -1;
  }
  req_hdr h = {REQ_MAGIC, s->flags, id, s->rate, s->pitch, s->range,
               s->volume, (uint32_t)strlen(s->voice),
               (uint32_t)strlen(s->text)};
  if (write_all(w->fd, &h, sizeof h) < 0 ||
      write_all(w->fd, s->voice, h.voice_len) < 0 ||
      write_all(w->fd, s->text, h.text_len) < 0)
    return -1;
  free(s->text);
  s->text = NULL;
  s->state = SEG_RUNNING;
  w->busy = 1;
  w->fresh = 0;
  w->id = id;
  w->next = id + 1;
  w->deadline = now_ms() + t->timeout_ms;
  worker_reset_reply(t, w);
  /* Ten seconds a character and a minute more: eSpeak's slowest rate makes
   * far less.  Beyond it the worker is broken, not eloquent. */
  w->max_n = ((size_t)h.text_len * 10 + 60) * NB_TTS_RATE;
  return 0;
}

/* Whether a worker other than w is in the middle of chunk c. */
static int chunk_taken(const nb_tts *t, const worker *w, size_t c) {
  for (unsigned i = 0; i < t->n_w; i++) {
    const worker *o = &t->w[i];
    if (o != w && o->pid && o->next != NO_ID && o->next % NB_TTS_CHUNK != 0 &&
        o->next / NB_TTS_CHUNK == c)
      return 1;
  }
  return 0;
}

/* The id idle worker w should speak next, or NO_ID to wait: the rest of
 * its chunk first, else the oldest waiting id of a chunk nobody is in. */
static size_t pick(nb_tts *t, worker *w) {
  while (t->low < t->n_segs && t->segs[t->low].state != SEG_QUEUED &&
         t->segs[t->low].state != SEG_NONE)
    t->low++;
  size_t first = NO_ID; /* the oldest waiting id it may take */
  for (size_t id = t->low; id < t->n_segs; id++)
    if (t->segs[id].state == SEG_QUEUED &&
        !chunk_taken(t, w, id / NB_TTS_CHUNK)) {
      first = id;
      break;
    }
  size_t c = w->next;
  if (c != NO_ID && c % NB_TTS_CHUNK != 0) {
    if (c < t->n_segs && t->segs[c].state == SEG_QUEUED)
      return c;
    /* Not submitted yet: wait for it, unless later ids already are (ids
     * come in order, so it never will be). */
    int later = 0;
    for (size_t id = c + 1; id < t->n_segs && !later; id++)
      later = t->segs[id].state == SEG_QUEUED;
    if (!later && (c >= t->n_segs || t->segs[c].state == SEG_NONE))
      return NO_ID;
    w->next = NO_ID;
  }
  return first;
}

/* Gives waiting segments to idle workers. */
static void dispatch_all(nb_tts *t) {
  for (unsigned i = 0; i < t->n_w; i++) {
    worker *w = &t->w[i];
    if (!w->pid && spawn(t, w) < 0)
      continue;
    if (w->busy)
      continue;
    size_t id = pick(t, w);
    if (id == NO_ID)
      continue;
    if (dispatch(t, w, id) < 0) {
      /* Died while idle (killed from outside?): replace it, try once more
       * with the fresh one. */
      worker_lost(t, w, 1, NULL);
      if (!w->pid || dispatch(t, w, id) < 0) {
        seg_fail(t, id, t->spawn_msg[0] ? t->spawn_msg
                                        : "cannot reach synthesizer");
        if (w->pid)
          worker_lost(t, w, 1, NULL);
      }
    }
  }
  /* No worker could be started at all: fail what waits, rather than wait
   * forever. */
  int any = 0;
  for (unsigned i = 0; i < t->n_w; i++)
    any |= t->w[i].pid != 0;
  for (size_t id = t->low; !any && id < t->n_segs; id++)
    if (t->segs[id].state == SEG_QUEUED)
      seg_fail(t, id, t->spawn_msg);
}

/* The end frame arrived: the segment is done, with its samples and events
 * or with the worker's message. */
static void finish_segment(nb_tts *t, worker *w) {
  seg *s = &t->segs[w->id];
  free(s->voice);
  s->voice = NULL;
  s->state = SEG_DONE;
  if (w->hdr.status != 0) {
    s->status = NB_TTS;
    s->msg = w->end;
    w->end = NULL;
  } else {
    s->status = NB_OK;
    s->audio.pcm = w->pcm;
    s->audio.n = w->n;
    s->audio.cap = w->cap;
    w->pcm = NULL;
    w->cap = 0;
    size_t ne = w->hdr.len / (4 * sizeof(uint32_t));
    s->audio.events = ne ? nb_xmalloc(ne * sizeof *s->audio.events) : NULL;
    s->audio.n_events = ne;
    uint32_t last = 0;
    for (size_t i = 0; i < ne; i++) {
      uint32_t v[4];
      memcpy(v, w->end + i * sizeof v, sizeof v);
      nb_tts_event *o = &s->audio.events[i];
      o->type = v[0] == NB_TTS_WORD ? NB_TTS_WORD : NB_TTS_SENTENCE;
      /* Events are promised in order and inside the audio. */
      uint32_t smp = v[1];
      if (smp > s->audio.n)
        smp = (uint32_t)s->audio.n;
      if (smp < last)
        smp = last;
      last = smp;
      o->sample = smp;
      o->text_pos = v[2];
      o->length = v[3];
    }
  }
  w->busy = 0;
  worker_reset_reply(t, w);
}

/* Checks a frame header and makes room for its payload.  0, or -1 when
 * the worker broke the protocol. */
static int frame_begin(nb_tts *t, worker *w) {
  const rep_hdr *h = &w->hdr;
  if (h->magic != REP_MAGIC || h->id != w->id)
    return -1;
  if (h->kind == REP_PCM) {
    size_t k = h->len / sizeof(int16_t);
    if (h->len % sizeof(int16_t) || k > STREAM_SAMPLES || w->n + k > w->max_n)
      return -1;
    if (!w->pcm) {
      pcm_buf b = pool_take(t, (size_t)1 << 17);
      w->pcm = b.p;
      w->cap = b.cap;
    }
    if (w->n + k > w->cap) {
      size_t cap = w->cap ? w->cap : (size_t)1 << 17;
      while (cap < w->n + k)
        cap *= 2;
      w->pcm = nb_xrealloc(w->pcm, cap * sizeof *w->pcm);
      w->cap = cap;
    }
    return 0;
  }
  if (h->kind != REP_END)
    return -1;
  if (h->status == 0 ? h->len % (4 * sizeof(uint32_t)) ||
                           h->len / (4 * sizeof(uint32_t)) > w->n + 1
                     : h->len > 4096)
    return -1;
  w->end = nb_xmalloc((size_t)h->len + 1);
  w->end[h->len] = 0;
  return 0;
}

/* Reads whatever the worker has sent, without blocking.  Returns -1 when
 * it died or broke the protocol. */
static int worker_read(nb_tts *t, worker *w) {
  for (;;) {
    char *dst = (char *)&w->hdr;
    size_t want = sizeof w->hdr;
    if (w->in_payload) {
      dst = w->hdr.kind == REP_PCM ? (char *)(w->pcm + w->n) : w->end;
      want = w->hdr.len;
    }
    if (w->got < want) {
      ssize_t r = recv(w->fd, dst + w->got, want - w->got, MSG_DONTWAIT);
      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return 0;
      if (r <= 0)
        return -1;
      w->got += (size_t)r;
      w->deadline = now_ms() + t->timeout_ms; /* it is alive */
      if (w->got < want)
        continue;
    }
    w->got = 0;
    if (!w->in_payload) {
      if (frame_begin(t, w) < 0)
        return -1;
      w->in_payload = 1;
      continue;
    }
    w->in_payload = 0;
    if (w->hdr.kind == REP_PCM) {
      w->n += w->hdr.len / sizeof(int16_t);
      continue;
    }
    finish_segment(t, w);
    return 0;
  }
}

/* One round: dispatch, wait for replies (at most until the nearest
 * deadline, or wait_ms when it is smaller; -1 waits for a reply), read them,
 * kill workers past their deadline. */
static void pump(nb_tts *t, int wait_ms) {
  dispatch_all(t);
  struct pollfd pf[MAX_JOBS];
  unsigned map[MAX_JOBS], n = 0;
  double now = now_ms(), next = -1;
  for (unsigned i = 0; i < t->n_w; i++) {
    worker *w = &t->w[i];
    if (!w->pid || !w->busy)
      continue;
    pf[n].fd = w->fd;
    pf[n].events = POLLIN;
    pf[n].revents = 0;
    map[n++] = i;
    double left = w->deadline - now;
    if (next < 0 || left < next)
      next = left < 0 ? 0 : left;
  }
  if (n == 0)
    return;
  int timeout = wait_ms;
  if (next >= 0 && (timeout < 0 || next < timeout))
    timeout = (int)next + 1;
  int r = poll(pf, n, timeout);
  if (r < 0)
    return; /* EINTR: the caller loops */
  for (unsigned k = 0; k < n; k++) {
    worker *w = &t->w[map[k]];
    if (pf[k].revents & (POLLIN | POLLHUP | POLLERR)) {
      if (worker_read(t, w) < 0)
        worker_lost(t, w, 0, NULL);
    }
  }
  /* A worker that has sent nothing for the timeout is hung.  (What it sent
   * while we were busy elsewhere was read above, which moved its
   * deadline.) */
  now = now_ms();
  for (unsigned i = 0; i < t->n_w; i++) {
    worker *w = &t->w[i];
    if (w->pid && w->busy && now >= w->deadline) {
      char msg[128];
      snprintf(msg, sizeof msg, "synthesizer timed out after %u ms",
               t->timeout_ms);
      worker_lost(t, w, 1, msg);
    }
  }
  dispatch_all(t);
}

nb_status nb_tts_open(const nb_tts_opts *o, nb_tts **out, nb_err *e) {
  unsigned jobs = o ? o->jobs : 0;
  if (jobs == 0) {
    long c = sysconf(_SC_NPROCESSORS_ONLN);
    jobs = c > 0 ? (unsigned)c : 1;
  }
  if (jobs > MAX_JOBS)
    jobs = MAX_JOBS;
  /* eSpeak is initialized here, once, so that every worker (and every
   * replacement) starts from a copy of a loaded, never-used instance instead
   * of loading its data again.  Synchronous mode starts no thread. */
  nb_status st = nb__espeak_init(o ? o->data_path : NULL, e);
  if (st != NB_OK)
    return st;
  nb_tts *t = nb_xcalloc(1, sizeof *t);
  t->n_w = jobs;
  t->timeout_ms = o && o->timeout_ms ? o->timeout_ms : 30000;
  for (unsigned i = 0; i < jobs; i++) {
    t->w[i].fd = -1;
    t->w[i].next = NO_ID;
  }
  for (unsigned i = 0; i < jobs; i++) {
    if (spawn(t, &t->w[i]) < 0) {
      nb_err_set(e, NB_TTS, "%s", t->spawn_msg);
      nb_tts_close(t);
      return NB_TTS;
    }
  }
  *out = t;
  return NB_OK;
}

void nb__tts_submit_raw(nb_tts *t, size_t id, const char *text,
                        const nb_voice *v, unsigned flags) {
  if (id >= t->cap_segs) {
    size_t cap = t->cap_segs ? t->cap_segs : 64;
    while (cap <= id)
      cap *= 2;
    t->segs = nb_xrealloc(t->segs, cap * sizeof *t->segs);
    memset(t->segs + t->cap_segs, 0, (cap - t->cap_segs) * sizeof *t->segs);
    t->cap_segs = cap;
  }
  if (id >= t->n_segs)
    t->n_segs = id + 1;
  seg *s = &t->segs[id];
  if (s->state != SEG_NONE)
    return; /* submitted twice: the first one stands */
  s->text = nb_xstrdup(text ? text : "");
  s->voice = nb_xstrdup(v && v->espeak[0] ? v->espeak : "en");
  /* A zero rate or volume means "not set" (a silent voice is never what a
   * profile wants); pitch and range 0 are valid settings. */
  s->rate = v && v->rate > 0 ? v->rate : 175;
  s->volume = v && v->volume > 0 ? v->volume : 100;
  s->pitch = v ? v->pitch : 50;
  s->range = v ? v->range : 50;
  s->flags = flags;
  s->state = SEG_QUEUED;
  if (id < t->low)
    t->low = id;
  pump(t, 0);
}

void nb_tts_submit(nb_tts *t, size_t id, const char *text, const nb_voice *v) {
  char *safe = nb_speakable(text);
  nb__tts_submit_raw(t, id, safe, v, 0);
  free(safe);
}

nb_status nb_tts_collect(nb_tts *t, size_t id, nb_tts_audio *out, nb_err *e) {
  memset(out, 0, sizeof *out);
  if (id >= t->n_segs || t->segs[id].state == SEG_NONE)
    return nb_err_set(e, NB_USAGE, "segment %zu was never submitted", id);
  seg *s = &t->segs[id];
  if (s->state == SEG_TAKEN)
    return nb_err_set(e, NB_USAGE, "segment %zu was already collected", id);
  while (s->state != SEG_DONE)
    pump(t, -1);
  s->state = SEG_TAKEN;
  if (s->status != NB_OK) {
    nb_err_set(e, s->status, "%s", s->msg ? s->msg : "synthesis failed");
    free(s->msg);
    s->msg = NULL;
    return NB_TTS;
  }
  *out = s->audio;
  memset(&s->audio, 0, sizeof s->audio);
  return NB_OK;
}

void nb_tts_audio_release(nb_tts *t, nb_tts_audio *a) {
  if (!a)
    return;
  pool_put(t, a->pcm, a->cap);
  free(a->events);
  memset(a, 0, sizeof *a);
}

pid_t nb__tts_worker_pid(const nb_tts *t, unsigned i) {
  return i < t->n_w ? t->w[i].pid : 0;
}

void nb_tts_close(nb_tts *t) {
  if (!t)
    return;
  /* Idle workers are asked to end: their socket closes, the synthesizer
   * child reads end of file and exits, the worker reaps it and its spare
   * and exits.  So every process is waited for by its parent (and its CPU
   * time counted by time(1) and the like).  What is still busy, or slow to
   * go, is killed. */
  for (unsigned i = 0; i < t->n_w; i++)
    if (t->w[i].pid && !t->w[i].busy && t->w[i].fd >= 0) {
      close(t->w[i].fd);
      t->w[i].fd = -1;
    }
  double deadline = now_ms() + 500;
  for (unsigned i = 0; i < t->n_w; i++) {
    worker *w = &t->w[i];
    while (w->pid && w->fd < 0 && now_ms() < deadline) {
      pid_t r = waitpid(w->pid, NULL, WNOHANG);
      if (r == w->pid || (r < 0 && errno != EINTR)) {
        w->pid = 0;
        break;
      }
      struct timespec ts = {0, 2 * 1000 * 1000};
      nanosleep(&ts, NULL);
    }
  }
  for (unsigned i = 0; i < t->n_w; i++)
    if (t->w[i].pid)
      reap(t, &t->w[i], 1, NULL, 0);
  for (size_t i = 0; i < t->n_segs; i++) {
    seg *s = &t->segs[i];
    free(s->text);
    free(s->voice);
    free(s->msg);
    nb_tts_audio_release(NULL, &s->audio);
  }
  for (unsigned i = 0; i < t->n_pool; i++)
    free(t->pool[i].p);
  free(t->segs);
  free(t);
}

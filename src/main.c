/* main.c: the command line.  Arguments in, stages run, exit status out.
 * The only file that prints: library code hands back nb_err and sends
 * warnings through nb_diag, and this file decides where they go. */
#include "nb.h"
#include "input/input.h"
#include "prosody/prosody.h"
#include "publish/drop.h"
#include "sink/render.h"
#include "summarize/summarize.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* Exit statuses (documented in --help, the README and the man page). */
enum {
  EXIT_OK = 0,
  EXIT_FAIL = 1,       /* runtime failure: input, synthesis, audio */
  EXIT_USAGE = 2,      /* bad arguments */
  EXIT_INCOMPLETE = 3, /* finished, but a source or segment was skipped */
  EXIT_BUSY = 4,       /* drop: another run holds the lock */
  EXIT_SIGNAL = 130
};

static volatile sig_atomic_t interrupted;
static void keys_restore(void);

static void on_signal(int sig) {
  if (interrupted) { /* second signal: leave now, leave nothing behind */
    nb_tmp_cleanup();
    keys_restore();
    _exit(128 + sig);
  }
  interrupted = sig;
}

/* ---- playback keys ----------------------------------------------------------
 * With --play and a terminal on standard input (newsbrief in its
 * foreground: a background job leaves the terminal alone), single keys
 * steer playback: space (or p) pauses and resumes, n (or the right arrow)
 * skips to the next story.  The terminal goes to non-canonical, no-echo
 * mode (Ctrl-C still works) and is put back on every way out: the end,
 * exit(), a signal (a second Ctrl-C included), a crash or abort(); Ctrl-Z
 * puts it back while stopped and takes it again on fg.  Everything the
 * handlers call is async-signal-safe. */
static struct termios keys_saved, keys_raw;
static volatile sig_atomic_t keys_on;
static atomic_int key_paused, key_skips; /* read by the render */

static void keys_restore(void) {
  if (keys_on) { /* tcsetattr first: twice is harmless, never is not */
    tcsetattr(STDIN_FILENO, TCSANOW, &keys_saved);
    keys_on = 0;
  }
}

static int keys_foreground(void) {
  return tcgetpgrp(STDIN_FILENO) == getpgrp();
}

/* The signal's default action, now: a handler runs with its own signal
 * blocked, so it is unblocked for the raise to act at once. */
static void default_action(int sig) {
  signal(sig, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  pthread_sigmask(SIG_UNBLOCK, &set, NULL);
  raise(sig);
}

/* A crash or abort(): the terminal back, then the signal's own end. */
static void keys_fatal(int sig) {
  keys_restore();
  default_action(sig);
}

/* Ctrl-Z: the terminal back while stopped; raw again on fg (not on bg). */
static void keys_stop(int sig) {
  int saved_errno = errno, was = keys_on;
  keys_restore();
  default_action(sig); /* stops here until SIGCONT */
  signal(sig, keys_stop);
  if (was && keys_foreground() &&
      tcsetattr(STDIN_FILENO, TCSANOW, &keys_raw) == 0)
    keys_on = 1;
  errno = saved_errno;
}

static void say(const char *msg) { /* write(2): no stdio lock to fork with */
  ssize_t r = write(STDERR_FILENO, msg, strlen(msg));
  (void)r;
}

static void *keys_read(void *arg) {
  int tell = *(const int *)arg; /* say "paused" on standard error */
  unsigned char c;
  int esc = 0; /* 1: after ESC, 2: after ESC [ */
  for (;;) {
    /* Reads only while the keys are on and newsbrief has the terminal:
     * after Ctrl-Z and bg, the shell's input is the shell's. */
    if (!keys_on || !keys_foreground()) {
      struct timespec ts = {0, 200 * 1000 * 1000};
      nanosleep(&ts, NULL);
      continue;
    }
    struct pollfd pf = {STDIN_FILENO, POLLIN, 0};
    int r = poll(&pf, 1, 200);
    if (r < 0 && errno != EINTR)
      break;
    if (r <= 0)
      continue;
    ssize_t got = read(STDIN_FILENO, &c, 1);
    if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN))
      break;
    if (got < 0)
      continue;
    int skip = 0, pause = 0;
    if (esc == 2)
      skip = c == 'C', esc = 0; /* ESC [ C: the right arrow */
    else if (esc == 1)
      esc = c == '[' ? 2 : 0;
    else if (c == 27)
      esc = 1;
    else if (c == ' ' || c == 'p' || c == 'P')
      pause = 1;
    else if (c == 'n' || c == 'N')
      skip = 1;
    if (skip)
      atomic_fetch_add(&key_skips, 1);
    if (pause) {
      int now = !atomic_fetch_xor(&key_paused, 1);
      if (tell)
        say(now ? "\nnewsbrief: paused (space resumes)\n" : "newsbrief: playing\n");
    }
  }
  return NULL;
}

/* Starts the key reader for a --play run; returns 1 when keys are live. */
static int keys_start(int play, int quiet) {
  static int tell, registered;
  if (!play || !isatty(STDIN_FILENO) || !keys_foreground() ||
      tcgetattr(STDIN_FILENO, &keys_saved) != 0)
    return 0;
  keys_raw = keys_saved;
  keys_raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
  keys_raw.c_cc[VMIN] = 1;
  keys_raw.c_cc[VTIME] = 0;
  if (!registered) {
    registered = 1;
    atexit(keys_restore);
    static const int fatal[] = {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL};
    for (size_t i = 0; i < sizeof fatal / sizeof *fatal; i++)
      signal(fatal[i], keys_fatal);
    signal(SIGTSTP, keys_stop);
  }
  keys_on = 1; /* before: a signal in between restores what was there */
  if (tcsetattr(STDIN_FILENO, TCSANOW, &keys_raw) != 0) {
    keys_on = 0;
    return 0;
  }
  tell = !quiet && isatty(STDERR_FILENO);
  pthread_t th;
  pthread_attr_t a;
  pthread_attr_init(&a);
  pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
  int ok = pthread_create(&th, &a, keys_read, &tell) == 0;
  pthread_attr_destroy(&a);
  if (!ok) {
    keys_restore();
    return 0;
  }
  if (tell)
    say("newsbrief: space pauses, n skips to the next story, Ctrl-C stops\n");
  return 1;
}

/* ---- options ------------------------------------------------------------ */

enum {
  O_FORMAT = 256, O_LEAD, O_MAXQ, O_VOICE, O_LANG, O_FULL, O_QSTYLE, O_PLAY,
  O_DEVICE, O_TRANSCRIPT, O_CHAPTERS, O_SEGMENTS, O_JOBS, O_RATE, O_CHANNELS,
  O_LOUDNESS, O_TITLE, O_ARTIST, O_DATE, O_CONFIG, O_NOW, O_FOLLOW, O_TIMEOUT,
  O_QUIET, O_VERBOSE, O_HELP, O_FRAME, O_MAXSTORIES, O_MAXMIN, O_SPEED
};

typedef struct opts {
  const char *format;
  unsigned lead_sentences, max_quotes;
  const char *voice, *lang;
  int full, quote_words, quote_style_set;
  const char *output;
  int play;
  const char *device, *transcript, *chapters, *segments;
  unsigned jobs, rate, channels;
  int loudness_off;
  double loudness;
  const char *title, *artist, *date, *config, *now;
  int follow_links;
  long timeout;
  int quiet, verbose, frame;
  unsigned max_stories;
  double max_minutes;
  double speed; /* 0: the profile's */
} opts;

static const struct option long_opts[] = {
    {"format", required_argument, 0, O_FORMAT},
    {"lead-sentences", required_argument, 0, O_LEAD},
    {"max-quotes", required_argument, 0, O_MAXQ},
    {"max-stories", required_argument, 0, O_MAXSTORIES},
    {"max-minutes", required_argument, 0, O_MAXMIN},
    {"voice", required_argument, 0, O_VOICE},
    {"lang", required_argument, 0, O_LANG},
    {"speed", required_argument, 0, O_SPEED},
    {"full", no_argument, 0, O_FULL},
    {"quote-style", required_argument, 0, O_QSTYLE},
    {"output", required_argument, 0, 'o'},
    {"play", no_argument, 0, O_PLAY},
    {"device", required_argument, 0, O_DEVICE},
    {"transcript", required_argument, 0, O_TRANSCRIPT},
    {"chapters", required_argument, 0, O_CHAPTERS},
    {"segments", required_argument, 0, O_SEGMENTS},
    {"jobs", required_argument, 0, 'j'},
    {"rate", required_argument, 0, O_RATE},
    {"channels", required_argument, 0, O_CHANNELS},
    {"loudness", required_argument, 0, O_LOUDNESS},
    {"title", required_argument, 0, O_TITLE},
    {"artist", required_argument, 0, O_ARTIST},
    {"date", required_argument, 0, O_DATE},
    {"frame", required_argument, 0, O_FRAME},
    {"config", required_argument, 0, O_CONFIG},
    {"now", required_argument, 0, O_NOW},
    {"follow-links", no_argument, 0, O_FOLLOW},
    {"timeout", required_argument, 0, O_TIMEOUT},
    {"quiet", no_argument, 0, 'q'},
    {"verbose", no_argument, 0, 'v'},
    {"help", no_argument, 0, 'h'},
    {0, 0, 0, 0}};

/* Which options each command takes: a letter per group (j = --jobs). */
typedef struct command {
  const char *name;
  const char *args;
  const char *summary;
  const char *groups; /* r = reading, s = script, a = audio, f = format,
                         d = drop */
  int (*run)(opts *o, int argc, char **argv);
} command;

static int cmd_speak(opts *o, int argc, char **argv);
static int cmd_summarize(opts *o, int argc, char **argv);
static int cmd_quotes(opts *o, int argc, char **argv);
static int cmd_extract(opts *o, int argc, char **argv);
static int cmd_drop(opts *o, int argc, char **argv);
static int cmd_voices(opts *o, int argc, char **argv);
static int cmd_devices(opts *o, int argc, char **argv);

static const command commands[] = {
    {"speak", "[options] INPUT...", "summarize and speak: -o FILE and/or --play",
     "rsaj", cmd_speak},
    {"summarize", "[options] INPUT...",
     "print the briefing script, no audio (text, json or ssml)", "rsf",
     cmd_summarize},
    {"quotes", "[options] INPUT...", "print every quote found, no audio", "rf",
     cmd_quotes},
    {"extract", "[options] INPUT...",
     "print what was read: title, byline, date, body paragraphs", "rf",
     cmd_extract},
    {"drop", "--config FILE", "the scheduled job: new stories to an episode + feed.xml",
     "dj", cmd_drop},
    {"voices", "", "list voice profiles and eSpeak voices", "", cmd_voices},
    {"devices", "", "list audio output devices", "", cmd_devices},
};
#define N_COMMANDS (sizeof commands / sizeof *commands)

static const char *option_group(int id) {
  switch (id) {
  case O_FORMAT:
    return "f";
  case O_LEAD: case O_MAXQ: case O_FOLLOW: case O_TIMEOUT:
    return "r";
  case O_VOICE: case O_LANG: case O_SPEED: case O_FULL: case O_QSTYLE: case O_DATE:
  case O_TITLE: case O_FRAME: case O_MAXSTORIES: case O_MAXMIN:
    return "s";
  case 'j':
    return "j";
  case 'o': case O_PLAY: case O_DEVICE: case O_TRANSCRIPT: case O_CHAPTERS:
  case O_SEGMENTS: case O_RATE: case O_CHANNELS: case O_LOUDNESS:
  case O_ARTIST:
    return "a";
  case O_CONFIG: case O_NOW:
    return "d";
  default:
    return ""; /* everyone: -q -v -h */
  }
}

static void help_options(FILE *f, const char *groups) {
  if (strchr(groups, 'f'))
    fputs("  --format text|json|ssml  output format (default text; ssml: summarize)\n", f);
  if (strchr(groups, 'r'))
    fputs("  --lead-sentences N       lead sentences per story (default 1)\n"
          "  --max-quotes N           key quotes per story (default 2)\n"
          "  --follow-links           feeds: fetch each item's page for the full text\n"
          "  --timeout SECONDS        URLs: give up after this long (default 30)\n", f);
  if (strchr(groups, 's'))
    fputs("  --voice PROFILE          voice profile: a name in voices/ or a path\n"
          "                           (default newsroom; see newsbrief voices)\n"
          "  --lang CODE              eSpeak language for every voice, e.g. en-gb, fr\n"
          "                           (default: the profile's)\n"
          "  --speed F                speak F times as fast, 0.5 to 3 (every voice's\n"
          "                           rate times F, pauses divided by F; default 1)\n"
          "  --full                   the whole article in order, not the briefing cut\n"
          "  --max-stories N          at most N stories, in input order (default all)\n"
          "  --max-minutes M          stop adding stories past about M minutes of\n"
          "                           speech (default no limit; the first always fits)\n"
          "  --quote-style voice|words  words: also say \"quote\" ... \"end quote\"\n"
          "                           (default: the profile's; voice in newsroom)\n"
          "  --frame auto|yes|no      intro, transitions and outro (default auto:\n"
          "                           when there are several stories)\n"
          "  --title TEXT             the briefing's name, spoken in the intro and\n"
          "                           set as file metadata (default \"your news briefing\")\n"
          "  --date TEXT              the date spoken in the intro (default today)\n", f);
  if (strchr(groups, 'a'))
    fputs("  -o, --output FILE        write audio; format from the extension:\n"
          "                           .wav .flac .ogg .opus .mp3\n"
          "  --play                   play live through the sound card (PortAudio);\n"
          "                           keys: space pauses, n skips to the next story\n"
          "  --device NAME            output device for --play (default: the system's)\n"
          "  --transcript FILE        timed transcript, .vtt (WebVTT) or .srt\n"
          "  --chapters FILE          Podcasting 2.0 JSON chapters, one per story\n"
          "  --segments FILE          the rendered timeline as JSON\n"
          "  --rate HZ                file sample rate (default 44100; 48000 for .opus)\n"
          "  --channels 1|2           file channels (default 1)\n"
          "  --loudness off|LUFS      loudness target for files (default -19 mono,\n"
          "                           -16 stereo, true peak at most -1 dBTP)\n"
          "  --artist TEXT            file metadata\n", f);
  if (strchr(groups, 'j'))
    fputs("  -j, --jobs N             synthesis worker processes (default: cores)\n", f);
  if (strchr(groups, 'd'))
    fputs("  --config FILE            the drop's INI configuration (required)\n"
          "  --now YYYY-MM-DDTHH:MM   pretend it is this time (for tests)\n", f);
  fputs("  -q, --quiet              no progress or notes, only errors and warnings\n"
        "  -v, --verbose            explain decisions (lead, quotes dropped)\n"
        "  -h, --help               this help\n", f);
}

static void usage(FILE *f) {
  fputs("usage: newsbrief COMMAND [options] [INPUT...]\n\n"
        "Turns news articles into a spoken briefing: the lead and the key\n"
        "quotes with who said them, spoken by eSpeak NG to a file or live.\n\n"
        "commands:\n", f);
  for (size_t i = 0; i < N_COMMANDS; i++)
    fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fputs("\nINPUT is a file (.txt, .html, .xml/.rss/.atom, or sniffed), a directory,\n"
        "an http(s):// URL, or - for standard input.\n\n"
        "exit status: 0 success, 1 failure, 2 usage error, 3 finished but a source\n"
        "or a segment was skipped, 4 another drop is running, 130 interrupted.\n\n"
        "`newsbrief COMMAND --help` lists a command's options; man newsbrief.\n", f);
}

static void command_help(const command *c) {
  printf("usage: newsbrief %s %s\n%c%s.\n\noptions:\n", c->name, c->args,
         toupper((unsigned char)c->summary[0]), c->summary + 1);
  help_options(stdout, c->groups);
}

static int usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("newsbrief: error: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputs(" (see newsbrief --help)\n", stderr);
  va_end(ap);
  return EXIT_USAGE;
}

static int parse_uint(const char *name, const char *v, unsigned lo,
                      unsigned hi, unsigned *out) {
  char *end;
  errno = 0;
  long n = strtol(v, &end, 10);
  if (errno || end == v || *end || n < (long)lo || n > (long)hi) {
    fprintf(stderr,
            "newsbrief: error: %s must be a whole number from %u to %u, not '%s'\n",
            name, lo, hi, v);
    return 0;
  }
  *out = (unsigned)n;
  return 1;
}

/* Parses argv for command c; returns -1 to go on, or an exit status. */
static int parse_options(const command *c, opts *o, int argc, char **argv) {
  opterr = 0;
  optind = 1;
  int id;
  while ((id = getopt_long(argc, argv, ":o:j:qvh", long_opts, NULL)) != -1) {
    if (id == '?') {
      if (optopt)
        fprintf(stderr, "newsbrief: error: unknown option '-%c' (see newsbrief %s --help)\n",
                optopt, c->name);
      else
        fprintf(stderr, "newsbrief: error: unknown option '%s' (see newsbrief %s --help)\n",
                argv[optind - 1], c->name);
      return EXIT_USAGE;
    }
    if (id == ':') {
      fprintf(stderr, "newsbrief: error: option '%s' needs a value\n",
              argv[optind - 1]);
      return EXIT_USAGE;
    }
    const char *g = option_group(id);
    if (*g && !strchr(c->groups, *g)) {
      fprintf(stderr, "newsbrief: error: %s does not take option '%s' (see newsbrief %s --help)\n",
              c->name, argv[optind - 1 - (optarg && argv[optind - 1] == optarg)],
              c->name);
      return EXIT_USAGE;
    }
    unsigned u;
    switch (id) {
    case 'h':
      command_help(c);
      return EXIT_OK;
    case 'q':
      o->quiet = 1;
      break;
    case 'v':
      o->verbose = 1;
      break;
    case O_FORMAT:
      if (strcmp(optarg, "text") && strcmp(optarg, "json") &&
          (strcmp(optarg, "ssml") || strcmp(c->name, "summarize")))
        return usage_error("unknown format '%s'", optarg);
      o->format = optarg;
      break;
    case O_LEAD:
      if (!parse_uint("--lead-sentences", optarg, 1, 20, &o->lead_sentences))
        return EXIT_USAGE;
      break;
    case O_MAXQ:
      if (!parse_uint("--max-quotes", optarg, 0, 50, &o->max_quotes))
        return EXIT_USAGE;
      break;
    case O_MAXSTORIES:
      if (!parse_uint("--max-stories", optarg, 1, 100000, &o->max_stories))
        return EXIT_USAGE;
      break;
    case O_SPEED: {
      char *end;
      double v = strtod(optarg, &end);
      if (end == optarg || *end || !(v >= NB_SPEED_MIN && v <= NB_SPEED_MAX))
        return usage_error("--speed takes a factor from 0.5 to 3, not '%s'", optarg);
      o->speed = v;
      break;
    }
    case O_MAXMIN: {
      char *end;
      double v = strtod(optarg, &end);
      if (end == optarg || *end || !(v > 0) || v > 1440)
        return usage_error("--max-minutes takes a number of minutes from 0 to 1440, not '%s'", optarg);
      o->max_minutes = v;
      break;
    }
    case O_VOICE:
      o->voice = optarg;
      break;
    case O_LANG:
      for (const char *p = optarg; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9') || *p == '-'))
          return usage_error("bad language code '%s'", optarg);
      if (!*optarg || strlen(optarg) > 20)
        return usage_error("bad language code '%s'", optarg);
      o->lang = optarg;
      break;
    case O_FULL:
      o->full = 1;
      break;
    case O_QSTYLE:
      if (strcmp(optarg, "words") == 0)
        o->quote_words = 1;
      else if (strcmp(optarg, "voice") == 0 || strcmp(optarg, "marks") == 0)
        o->quote_words = 0;
      else
        return usage_error("unknown quote style '%s' (voice or words)", optarg);
      o->quote_style_set = 1;
      break;
    case O_FRAME:
      if (strcmp(optarg, "auto") == 0)
        o->frame = -1;
      else if (strcmp(optarg, "yes") == 0)
        o->frame = 1;
      else if (strcmp(optarg, "no") == 0)
        o->frame = 0;
      else
        return usage_error("--frame takes auto, yes or no, not '%s'", optarg);
      break;
    case 'o':
      o->output = optarg;
      break;
    case O_PLAY:
      o->play = 1;
      break;
    case O_DEVICE:
      o->device = optarg;
      break;
    case O_TRANSCRIPT:
      o->transcript = optarg;
      break;
    case O_CHAPTERS:
      o->chapters = optarg;
      break;
    case O_SEGMENTS:
      o->segments = optarg;
      break;
    case 'j':
      if (!parse_uint("--jobs", optarg, 1, 64, &o->jobs))
        return EXIT_USAGE;
      break;
    case O_RATE:
      if (!parse_uint("--rate", optarg, 8000, 192000, &o->rate))
        return EXIT_USAGE;
      break;
    case O_CHANNELS:
      if (!parse_uint("--channels", optarg, 1, 2, &o->channels))
        return EXIT_USAGE;
      break;
    case O_LOUDNESS:
      if (strcmp(optarg, "off") == 0) {
        o->loudness_off = 1;
      } else {
        char *end;
        double v = strtod(optarg, &end);
        if (end == optarg || *end || v < -70 || v > -5)
          return usage_error("--loudness takes off or a LUFS value from -70 to -5, not '%s'", optarg);
        o->loudness = v;
      }
      break;
    case O_TITLE:
      o->title = optarg;
      break;
    case O_ARTIST:
      o->artist = optarg;
      break;
    case O_DATE:
      o->date = optarg;
      break;
    case O_CONFIG:
      o->config = optarg;
      break;
    case O_NOW:
      o->now = optarg;
      break;
    case O_FOLLOW:
      o->follow_links = 1;
      break;
    case O_TIMEOUT:
      if (!parse_uint("--timeout", optarg, 1, 3600, &u))
        return EXIT_USAGE;
      o->timeout = (long)u;
      break;
    }
  }
  return -1;
}

/* ---- diagnostics ---------------------------------------------------------- */

/* The story being summarized, so that verbose notes say which one. */
static const char *diag_source;

static void on_diag(void *ud, nb_level level, const char *msg) {
  const opts *o = ud;
  if (level == NB_WARN)
    fprintf(stderr, "newsbrief: warning: %s\n", msg);
  else if (o->verbose && diag_source)
    fprintf(stderr, "newsbrief: %s: %s\n", diag_source, msg);
  else if (o->verbose)
    fprintf(stderr, "newsbrief: %s\n", msg);
}

static int fail(const nb_err *e) {
  fprintf(stderr, "newsbrief: error: %s\n", e->msg);
  if (e->status == NB_USAGE)
    return EXIT_USAGE;
  if (e->status == NB_BUSY)
    return EXIT_BUSY;
  if (e->status == NB_INTERRUPTED)
    return EXIT_SIGNAL;
  return EXIT_FAIL;
}

/* ---- the pipeline --------------------------------------------------------- */

typedef struct run {
  nb_article_list articles;
  nb_story **stories;
  size_t n_stories;
  int incomplete; /* a source failed but others were read */
  nb_diag diag;
} run;

static void run_release(run *r) {
  for (size_t i = 0; i < r->n_stories; i++)
    nb_story_free(r->stories[i]);
  free(r->stories);
  nb_article_list_release(&r->articles);
}

/* Reads every INPUT; a failing input is reported and the others go on.
 * Returns -1 to go on, or an exit status when nothing could be read. */
static int read_inputs(run *r, const opts *o, int argc, char **argv) {
  if (argc < 1) {
    fputs("newsbrief: error: no INPUT given (a file, directory, URL or -)\n",
          stderr);
    return EXIT_USAGE;
  }
  nb_input_opts io = {0, o->follow_links, o->timeout, &r->diag};
  nb_err e = {0};
  int failed = 0, last = EXIT_FAIL;
  for (int i = 0; i < argc; i++) {
    if (nb_input_read(argv[i], &io, &r->articles, &e) != NB_OK) {
      last = fail(&e);
      failed++;
    }
  }
  if (r->articles.n == 0)
    return last;
  r->incomplete = failed > 0;
  nb_input_dedup(&r->articles, &r->diag);
  nb_summary_opts so = {o->lead_sentences ? o->lead_sentences : 1,
                        o->max_quotes, &r->diag};
  r->stories = nb_xcalloc(r->articles.n, sizeof *r->stories);
  for (size_t i = 0; i < r->articles.n; i++) {
    const nb_article *a = r->articles.items[i];
    diag_source = a->title && r->articles.n > 1 ? a->title : a->source;
    r->stories[r->n_stories++] = nb_summarize(a, &so);
  }
  diag_source = NULL;
  return -1;
}

/* Today's date as a newsreader says it: "Friday, November 27, 2026". */
static const char *spoken_date(const opts *o, char *buf, size_t n) {
  if (o->date)
    return o->date;
  time_t t = time(NULL);
  struct tm tm;
  localtime_r(&t, &tm);
  strftime(buf, n, "%A, %B %d, %Y", &tm);
  /* "November 07" -> "November 7" */
  char *p = strstr(buf, " 0");
  if (p)
    memmove(p + 1, p + 2, strlen(p + 2) + 1);
  return buf;
}

static int load_profile(const opts *o, nb_profile *p) {
  nb_err e = {0};
  if (nb_profile_load(o->voice, p, &e) != NB_OK)
    return fail(&e);
  if (o->lang) { /* keep each voice's variant: "en-us+f3" -> "fr+f3" */
    nb_voice *v[3] = {&p->narrator, &p->attribution, &p->quote};
    for (int i = 0; i < 3; i++) {
      const char *plus = strchr(v[i]->espeak, '+');
      char tmp[64];
      snprintf(tmp, sizeof tmp, "%s%s", o->lang, plus ? plus : "");
      memcpy(v[i]->espeak, tmp, sizeof tmp);
    }
  }
  if (o->speed)
    nb_profile_set_speed(p, o->speed);
  return -1;
}

/* --max-stories and --max-minutes: keeps stories in input order while they
 * fit (the first always does), estimating speech at the narrator's rate. */
static void fit_stories(run *r, const opts *o, const nb_profile *p) {
  if (!o->max_stories && !o->max_minutes)
    return;
  double wpm = p->narrator.rate > 0 ? p->narrator.rate : 170;
  double words = 30, budget = o->max_minutes * wpm; /* intro and outro */
  size_t kept = 0;
  for (size_t i = 0; i < r->n_stories; i++) {
    nb_story *st = r->stories[i];
    double w = (double)nb_story_words(st);
    int fits = (!o->max_stories || kept < o->max_stories) &&
               (!o->max_minutes || kept == 0 || words + w <= budget);
    if (fits) {
      words += w;
      r->stories[kept++] = st;
    } else {
      if (o->verbose)
        fprintf(stderr, "newsbrief: %s: left out: the briefing is full\n",
                st->article->source);
      nb_story_free(st);
    }
  }
  if (o->verbose && kept < r->n_stories)
    fprintf(stderr, "newsbrief: %zu of %zu stories, about %.1f minutes\n",
            kept, r->n_stories, words / wpm);
  r->n_stories = kept;
}

static nb_script *build_script(run *r, const opts *o, const nb_profile *p,
                               char *date, size_t n) {
  fit_stories(r, o, p);
  nb_script_opts so = {o->full, o->frame, NB_QUOTES_VOICE,
                       spoken_date(o, date, n), o->title};
  if (o->quote_style_set)
    so.quote_style = o->quote_words ? NB_QUOTES_WORDS : NB_QUOTES_VOICE;
  nb_profile *pp = (nb_profile *)p;
  if (o->quote_style_set)
    pp->quote_words = o->quote_words;
  return nb_script_build(r->stories, r->n_stories, p, &so);
}

static int write_stdout(const nb_buf *b) {
  if (b->len && fwrite(b->ptr, 1, b->len, stdout) != b->len) {
    fprintf(stderr, "newsbrief: error: standard output: %s\n", strerror(errno));
    return EXIT_FAIL;
  }
  if (fflush(stdout) != 0) {
    fprintf(stderr, "newsbrief: error: standard output: %s\n", strerror(errno));
    return EXIT_FAIL;
  }
  return EXIT_OK;
}

/* ---- printers --------------------------------------------------------------- */

static void json_quote(nb_buf *b, const nb_quote *q) {
  nb_buf_puts(b, "{\"text\": ");
  nb_json_str(b, q->text);
  nb_buf_printf(b, ", \"kind\": \"%s\", \"speaker\": ", nb_quote_kind_name(q->kind));
  nb_json_str(b, q->speaker);
  nb_buf_puts(b, ", \"speaker_description\": ");
  nb_json_str(b, q->description);
  nb_buf_puts(b, ", \"mention\": ");
  nb_json_str(b, q->mention);
  nb_buf_puts(b, ", \"cue\": ");
  nb_json_str(b, q->cue);
  nb_buf_printf(b, ", \"paragraph\": %u}", (unsigned)q->paragraph);
}

static void json_segment(nb_buf *b, const nb_segment *g) {
  nb_buf_printf(b, "{\"role\": \"%s\", \"text\": ", nb_role_name(g->role));
  nb_json_str(b, g->text);
  nb_buf_puts(b, ", \"voice\": ");
  nb_json_str(b, g->voice->name);
  nb_buf_puts(b, ", \"speaker\": ");
  nb_json_str(b, g->speaker);
  nb_buf_printf(b, ", \"story\": %d, \"pause_ms\": %u}", g->story, g->pause_ms);
}

/* Wraps text at width columns (counting UTF-8 characters), indenting
 * continuation lines. */
static void wrap(nb_buf *b, const char *text, size_t indent, size_t first,
                 size_t width) {
  size_t col = first;
  const char *p = text;
  while (*p) {
    size_t wl = strcspn(p, " ");
    size_t chars = 0;
    for (size_t k = 0; k < wl; k++)
      chars += ((unsigned char)p[k] & 0xC0) != 0x80;
    if (col > indent && col + 1 + chars > width) {
      nb_buf_putc(b, '\n');
      for (size_t k = 0; k < indent; k++)
        nb_buf_putc(b, ' ');
      col = indent;
    } else if (col > first || (col > indent && p != text)) {
      nb_buf_putc(b, ' ');
      col++;
    }
    nb_buf_put(b, p, wl);
    col += chars;
    p += wl;
    while (*p == ' ')
      p++;
  }
  nb_buf_putc(b, '\n');
}

static void text_label(nb_buf *b, const char *label, const char *text) {
  nb_buf_printf(b, "  %-12s", label);
  wrap(b, text, 14, 14, 78);
}

/* A command that reads INPUTs and prints: print fills the buffer and
 * returns -1, or an exit status. */
typedef int (*printer)(run *r, const opts *o, nb_buf *b);

static int print_command(opts *o, int argc, char **argv, printer print) {
  run r = {0};
  r.diag = (nb_diag){on_diag, o};
  int rc = read_inputs(&r, o, argc, argv);
  if (rc >= 0)
    return rc;
  nb_buf b = {0};
  rc = print(&r, o, &b);
  if (rc < 0)
    rc = write_stdout(&b);
  nb_buf_release(&b);
  int incomplete = r.incomplete;
  run_release(&r);
  return rc ? rc : incomplete ? EXIT_INCOMPLETE : EXIT_OK;
}

static int print_summary(run *r, const opts *o, nb_buf *b) {
  nb_profile p;
  int rc = load_profile(o, &p);
  if (rc >= 0)
    return rc;
  char date[64];
  nb_script *s = build_script(r, o, &p, date, sizeof date);
  const char *fmt = o->format ? o->format : "text";
  if (strcmp(fmt, "ssml") == 0) {
    nb_script_ssml(s, b);
  } else if (strcmp(fmt, "json") == 0) {
    nb_buf_puts(b, "{\"stories\": [");
    for (size_t i = 0; i < r->n_stories; i++) {
      const nb_story *st = r->stories[i];
      nb_buf_puts(b, i ? ",\n  {" : "\n  {");
      nb_buf_puts(b, "\"source\": ");
      nb_json_str(b, st->article->source);
      nb_buf_puts(b, ", \"title\": ");
      nb_json_str(b, st->article->title);
      nb_buf_puts(b, ", \"date\": ");
      nb_json_str(b, st->article->date);
      nb_buf_puts(b, ", \"dateline\": ");
      nb_json_str(b, st->dateline);
      nb_buf_puts(b, ",\n   \"lead\": [");
      for (size_t k = 0; k < st->n_lead; k++) {
        if (k)
          nb_buf_puts(b, ", ");
        nb_json_str(b, st->lead[k]);
      }
      nb_buf_puts(b, "],\n   \"quotes\": [");
      for (size_t k = 0; k < st->n_key; k++) {
        nb_buf_puts(b, k ? ",\n     " : "\n     ");
        json_quote(b, &st->quotes[st->key[k]]);
      }
      nb_buf_puts(b, "],\n   \"segments\": [");
      int first = 1;
      for (size_t k = 0; k < s->n; k++) {
        if (s->segs[k].story != (int)i)
          continue;
        nb_buf_puts(b, first ? "\n     " : ",\n     ");
        first = 0;
        json_segment(b, &s->segs[k]);
      }
      nb_buf_puts(b, "]}");
    }
    nb_buf_puts(b, "],\n \"script\": [");
    for (size_t k = 0; k < s->n; k++) {
      nb_buf_puts(b, k ? ",\n  " : "\n  ");
      json_segment(b, &s->segs[k]);
    }
    nb_buf_puts(b, "]}\n");
  } else {
    int story = -2;
    for (size_t k = 0; k < s->n; k++) {
      const nb_segment *g = &s->segs[k];
      if (g->story != story && g->story >= 0) {
        story = g->story;
        const nb_story *st = r->stories[story];
        nb_buf_printf(b, "%s== %d. %s ==\n", b->len ? "\n" : "", story + 1,
                      st->article->source);
        if (st->article->title)
          text_label(b, "title", st->article->title);
        if (st->dateline)
          text_label(b, "dateline", st->dateline);
      }
      text_label(b, nb_role_name(g->role), g->text);
    }
  }
  nb_script_free(s);
  nb_profile_release(&p);
  return -1;
}

static int cmd_summarize(opts *o, int argc, char **argv) {
  return print_command(o, argc, argv, print_summary);
}

static int print_quotes(run *r, const opts *o, nb_buf *b) {
  int json = o->format && strcmp(o->format, "json") == 0;
  if (json)
    nb_buf_puts(b, "{\"documents\": [");
  for (size_t i = 0; i < r->n_stories; i++) {
    const nb_story *st = r->stories[i];
    if (json) {
      nb_buf_puts(b, i ? ",\n  {\"source\": " : "\n  {\"source\": ");
      nb_json_str(b, st->article->source);
      nb_buf_puts(b, ", \"quotes\": [");
      for (size_t k = 0; k < st->n_quotes; k++) {
        nb_buf_puts(b, k ? ",\n    " : "\n    ");
        json_quote(b, &st->quotes[k]);
      }
      nb_buf_puts(b, "]}");
      continue;
    }
    nb_buf_printf(b, "%s== %s ==\n", i ? "\n" : "", st->article->source);
    for (size_t k = 0; k < st->n_quotes; k++) {
      const nb_quote *q = &st->quotes[k];
      nb_buf_printf(b, "  [%s] %s%s%s%s%s\n", nb_quote_kind_name(q->kind),
                    q->speaker ? q->speaker : "(unknown)",
                    q->description ? ", " : "",
                    q->description ? q->description : "", q->cue ? ": " : "",
                    q->cue ? q->cue : "");
      nb_buf_puts(b, "      \xE2\x80\x9C");
      wrap(b, q->text, 7, 7, 78);
      b->len--; /* the closing mark goes before the newline */
      nb_buf_puts(b, "\xE2\x80\x9D\n");
    }
    if (st->n_quotes == 0)
      nb_buf_puts(b, "  (no quotes)\n");
  }
  if (json)
    nb_buf_puts(b, "\n]}\n");
  return -1;
}

static int cmd_quotes(opts *o, int argc, char **argv) {
  return print_command(o, argc, argv, print_quotes);
}

static int print_extract(run *r, const opts *o, nb_buf *b) {
  int json = o->format && strcmp(o->format, "json") == 0;
  if (json)
    nb_buf_puts(b, "{\"documents\": [");
  for (size_t i = 0; i < r->n_stories; i++) {
    const nb_story *st = r->stories[i];
    const nb_article *a = st->article;
    if (json) {
      nb_buf_puts(b, i ? ",\n  {\"source\": " : "\n  {\"source\": ");
      nb_json_str(b, a->source);
      nb_buf_puts(b, ", \"title\": ");
      nb_json_str(b, a->title);
      nb_buf_puts(b, ", \"byline\": ");
      nb_json_str(b, a->byline);
      nb_buf_puts(b, ", \"date\": ");
      nb_json_str(b, a->date);
      nb_buf_puts(b, ", \"link\": ");
      nb_json_str(b, a->link);
      nb_buf_puts(b, ", \"dateline\": ");
      nb_json_str(b, st->dateline);
      nb_buf_puts(b, ",\n   \"paragraphs\": [");
    } else {
      nb_buf_printf(b, "%s== %s ==\n", i ? "\n" : "", a->source);
      if (a->title)
        text_label(b, "title", a->title);
      if (a->byline)
        text_label(b, "byline", a->byline);
      if (a->date)
        text_label(b, "date", a->date);
      if (st->dateline)
        text_label(b, "dateline", st->dateline);
      nb_buf_putc(b, '\n');
    }
    int first = 1;
    for (size_t k = 0; k < a->n_paras; k++) {
      const char *para = a->paras[k];
      if (nb_is_furniture(para) || (a->title && strcmp(para, a->title) == 0))
        continue;
      if (first) {
        const char *name;
        size_t name_len;
        para += nb_dateline_split(para, &name, &name_len);
      }
      if (json) {
        nb_buf_puts(b, first ? "\n    " : ",\n    ");
        nb_json_str(b, para);
      } else {
        nb_buf_puts(b, "  ");
        wrap(b, para, 2, 2, 78);
        nb_buf_putc(b, '\n');
      }
      first = 0;
    }
    if (json)
      nb_buf_puts(b, "]}");
  }
  if (json)
    nb_buf_puts(b, "\n]}\n");
  return -1;
}

static int cmd_extract(opts *o, int argc, char **argv) {
  return print_command(o, argc, argv, print_extract);
}

/* The progress line on a terminal: stories, segments, seconds of audio
 * synthesized and an estimate of the time left, redrawn in place. */
typedef struct progress {
  size_t stories;
  struct timespec t0;
  int shown;
} progress;

static double since(const struct timespec *t0) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)(t.tv_sec - t0->tv_sec) + (t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void on_progress(void *ud, size_t done, size_t total, double seconds) {
  progress *p = ud;
  double el = since(&p->t0);
  if (done < total && el < 0.5)
    return; /* a short run finishes before a line would help */
  double eta = done ? el * (double)(total - done) / (double)done : 0;
  fprintf(stderr, "\rnewsbrief: %zu stor%s, segment %zu/%zu, %.0f s of audio, ",
          p->stories, p->stories == 1 ? "y" : "ies", done, total, seconds);
  if (done < total)
    fprintf(stderr, "about %.0f s left  ", eta);
  else
    fputs("finishing the file  ", stderr); /* loudness pass and encoding */
  p->shown = 1;
}

static int cmd_speak(opts *o, int argc, char **argv) {
  if (!o->output && !o->play)
    return usage_error("%s needs -o FILE or --play", "speak");
  nb_profile p;
  int rc = load_profile(o, &p);
  if (rc >= 0)
    return rc;
  run r = {0};
  r.diag = (nb_diag){on_diag, o};
  if ((rc = read_inputs(&r, o, argc, argv)) >= 0) {
    nb_profile_release(&p);
    return rc;
  }
  char date[64];
  nb_script *s = build_script(&r, o, &p, date, sizeof date);
  nb_render_opts ro = {0};
  ro.output = o->output;
  ro.play = o->play;
  ro.device = o->device;
  ro.transcript = o->transcript;
  ro.chapters = o->chapters;
  ro.segments = o->segments;
  ro.jobs = o->jobs;
  ro.rate = o->rate;
  ro.channels = o->channels;
  ro.loudness_off = o->loudness_off;
  ro.loudness = o->loudness;
  ro.title = o->title;
  ro.artist = o->artist ? o->artist : "newsbrief";
  ro.date = NULL;
  ro.diag = &r.diag;
  ro.interrupted = &interrupted;
  if (keys_start(o->play, o->quiet)) {
    ro.paused = &key_paused;
    ro.skips = &key_skips;
  }
  progress pr = {r.n_stories, {0, 0}, 0};
  clock_gettime(CLOCK_MONOTONIC, &pr.t0);
  if (!o->quiet && !o->verbose && isatty(2)) {
    ro.progress = on_progress;
    ro.progress_ud = &pr;
  }
  nb_render_result res = {0};
  nb_err e = {0};
  if (s->n == 0) {
    fprintf(stderr, "newsbrief: error: %s: nothing to say\n",
            r.articles.items[0]->source);
    rc = EXIT_FAIL;
  } else if (nb_render(s, &ro, &res, &e) != NB_OK) {
    if (pr.shown)
      fputs("\n", stderr);
    rc = fail(&e);
  } else {
    if (pr.shown)
      fputs("\r\033[K", stderr); /* clear the progress line */
    rc = res.n_failed || r.incomplete ? EXIT_INCOMPLETE : EXIT_OK;
    if (res.n_failed)
      fprintf(stderr,
              "newsbrief: warning: briefing incomplete: %zu of %zu segments skipped\n",
              res.n_failed, res.n_segments);
    if (!o->quiet && o->output && isatty(2))
      fprintf(stderr, "newsbrief: wrote %s (%.1f s, %zu stories)\n", o->output,
              res.duration, r.n_stories);
  }
  keys_restore();
  nb_script_free(s);
  nb_profile_release(&p);
  run_release(&r);
  return rc;
}

static int cmd_drop(opts *o, int argc, char **argv) {
  (void)argv;
  if (!o->config)
    return usage_error("%s needs --config FILE", "drop");
  if (argc > 0)
    return usage_error("drop takes no INPUT ('%s'): sources are in the config", argv[0]);
  nb_diag d = {on_diag, o};
  nb_drop_opts dopts = {o->config, o->now, o->jobs, &d, &interrupted};
  nb_drop_result res = {0};
  nb_err e = {0};
  nb_status st = nb_drop_run(&dopts, &res, &e);
  if (st == NB_EMPTY) {
    if (!o->quiet)
      fprintf(stderr, "newsbrief: %s\n", e.msg);
    return EXIT_OK;
  }
  if (st != NB_OK)
    return fail(&e);
  if (!o->quiet)
    fprintf(stderr, "newsbrief: %s: %zu new stor%s\n", res.episode, res.n_new,
            res.n_new == 1 ? "y" : "ies");
  return res.n_sources_failed ? EXIT_INCOMPLETE : EXIT_OK;
}

static int cmd_voices(opts *o, int argc, char **argv) {
  (void)o;
  if (argc > 0)
    return usage_error("voices takes no arguments ('%s')", argv[0]);
  nb_buf b = {0}, list = {0};
  nb_profile_list(&list);
  nb_buf_puts(&b, "Voice profiles (--voice NAME):\n");
  for (char *line = list.ptr; line && *line;) {
    char *nl = strchr(line, '\n');
    *nl = 0;
    char *tab = strchr(line, '\t');
    *tab = 0;
    nb_profile p;
    nb_err e = {0};
    if (nb_profile_load(tab + 1, &p, &e) == NB_OK) {
      nb_buf_printf(&b, "  %-12s %s\n", line, p.description);
      nb_buf_printf(&b, "  %-12s narrator %s, attribution %s, quote %s\n", "",
                    p.narrator.espeak, p.attribution.espeak, p.quote.espeak);
      nb_profile_release(&p);
    } else {
      nb_buf_printf(&b, "  %-12s (unreadable: %s)\n", line, e.msg);
    }
    line = nl + 1;
  }
  nb_buf_release(&list);
  nb_buf_puts(&b, "\neSpeak NG voices (for a profile's voice = ...; add +m1..+m7, +f1..+f5 for variants):\n");
  nb_buf voices = {0};
  nb_err e = {0};
  int rc = EXIT_OK;
  if (nb_tts_list_voices(&voices, &e) != NB_OK) {
    rc = fail(&e);
  } else {
    for (char *line = voices.ptr; line && *line;) {
      char *nl = strchr(line, '\n');
      if (nl)
        *nl = 0;
      /* "Name\tlanguage\tgender" -> "  language  Name (gender)" */
      char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
      if (t1 && t2) {
        *t1 = *t2 = 0;
        nb_buf_printf(&b, "  %-14s %s (%s)\n", t1 + 1, line, t2 + 1);
      } else {
        nb_buf_printf(&b, "  %s\n", line);
      }
      line = nl ? nl + 1 : line + strlen(line);
    }
  }
  nb_buf_release(&voices);
  int wrc = write_stdout(&b);
  nb_buf_release(&b);
  return rc ? rc : wrc;
}

static int cmd_devices(opts *o, int argc, char **argv) {
  (void)o;
  if (argc > 0)
    return usage_error("devices takes no arguments ('%s')", argv[0]);
  nb_buf b = {0};
  nb_err e = {0};
  if (nb_audio_list_devices(&b, &e) != NB_OK) {
    nb_buf_release(&b);
    return fail(&e);
  }
  if (b.len == 0)
    nb_buf_puts(&b, "(no audio output devices: --play needs a sound card, or an ALSA device)\n");
  int rc = write_stdout(&b);
  nb_buf_release(&b);
  return rc;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return EXIT_USAGE;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
      strcmp(argv[1], "help") == 0) {
    usage(stdout);
    return EXIT_OK;
  }
  if (strcmp(argv[1], "--version") == 0) {
    printf("newsbrief %s\n", NB_VERSION);
    return EXIT_OK;
  }
  const command *c = NULL;
  for (size_t i = 0; i < N_COMMANDS; i++)
    if (strcmp(argv[1], commands[i].name) == 0)
      c = &commands[i];
  if (!c)
    return usage_error(argv[1][0] == '-' ? "unknown option '%s'"
                                         : "unknown command '%s'",
                       argv[1]);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sigaction(SIGQUIT, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);
  /* a file size limit (ulimit -f) must be a write error we can clean up
   * after, not death by SIGXFSZ with a temporary file left behind */
  signal(SIGXFSZ, SIG_IGN);
  opts o = {0};
  o.max_quotes = 2;
  o.frame = -1;
  int rc = parse_options(c, &o, argc - 1, argv + 1);
  if (rc >= 0)
    return rc;
  rc = c->run(&o, argc - 1 - optind, argv + 1 + optind);
  if (interrupted && rc != EXIT_USAGE) {
    nb_tmp_cleanup();
    if (rc == EXIT_OK || rc == EXIT_FAIL)
      rc = EXIT_SIGNAL;
  }
  return rc;
}

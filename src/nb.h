/* nb.h: the model that flows through newsbrief's stages, and the small base
 * library every stage shares (errors, buffers, arenas, UTF-8, INI, JSON).
 *
 * input -> nb_article -> summarize -> nb_story -> prosody -> nb_script ->
 * tts/render -> audio sinks.  Each stage has its own header beside its
 * sources; this one holds only what more than one stage needs.
 *
 * Ownership: an object made by X_new is freed by X_free (X_free(NULL) does
 * nothing); strings inside an article, story or script live in that object's
 * arena and die with it.  Out of memory aborts with a message (nb_oom). */
#ifndef NB_H
#define NB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define NB_VERSION "0.1.0"

/* ---- errors -------------------------------------------------------------- */

#define NB_STATUS_MAP(X)                                                       \
  X(OK, "success")                                                             \
  X(IO, "cannot read or write")                                                \
  X(PARSE, "malformed input")                                                  \
  X(EMPTY, "no article text found")                                            \
  X(TTS, "speech synthesis failed")                                            \
  X(AUDIO, "audio output failed")                                              \
  X(NET, "network failure")                                                    \
  X(BUSY, "another run holds the lock")                                        \
  X(INTERRUPTED, "interrupted")                                                \
  X(USAGE, "invalid argument")

typedef enum nb_status {
#define NB__ENUM(name, text) NB_##name,
  NB_STATUS_MAP(NB__ENUM)
#undef NB__ENUM
} nb_status;

const char *nb_status_text(nb_status s);

/* An error: a status and a one-line lowercase message that names the input,
 * e.g. "article.txt: invalid UTF-8 at byte 812".  main.c prints it as
 * "newsbrief: error: MSG". */
typedef struct nb_err {
  nb_status status;
  char msg[512];
} nb_err;

/* Sets *e (when e is not NULL) and returns s, so that error paths read
 * `return nb_err_set(e, NB_IO, "%s: %s", path, strerror(errno));`. */
nb_status nb_err_set(nb_err *e, nb_status s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Warnings and verbose notes from library code, which never prints: the
 * caller (main.c) decides where they go.  A NULL diag or NULL fn drops them. */
typedef enum nb_level { NB_WARN, NB_INFO, NB_DEBUG } nb_level;
typedef struct nb_diag {
  void (*fn)(void *ud, nb_level level, const char *msg);
  void *ud;
} nb_diag;
void nb_diag_printf(const nb_diag *d, nb_level level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- memory -------------------------------------------------------------- */

_Noreturn void nb_oom(void);
void *nb_xmalloc(size_t n);
void *nb_xcalloc(size_t n, size_t size);
void *nb_xrealloc(void *p, size_t n);
char *nb_xstrdup(const char *s);
char *nb_xstrndup(const char *s, size_t n);

/* Growable byte buffer; always NUL-terminated after any put. */
typedef struct nb_buf {
  char *ptr;
  size_t len, cap;
} nb_buf;
void nb_buf_put(nb_buf *b, const void *p, size_t n);
void nb_buf_puts(nb_buf *b, const char *s);
void nb_buf_putc(nb_buf *b, char c);
void nb_buf_printf(nb_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void nb_buf_clear(nb_buf *b);
void nb_buf_release(nb_buf *b);
/* Hands the string to the caller (who frees it); the buffer is left empty. */
char *nb_buf_detach(nb_buf *b);

/* Arena: many small allocations, one free. */
typedef struct nb_arena nb_arena;
nb_arena *nb_arena_new(void);
void nb_arena_free(nb_arena *a);
void *nb_arena_alloc(nb_arena *a, size_t n);
char *nb_arena_strdup(nb_arena *a, const char *s);
char *nb_arena_strndup(nb_arena *a, const char *s, size_t n);
char *nb_arena_printf(nb_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- files --------------------------------------------------------------- */

/* Reads a whole file (path "-" is standard input) up to max bytes; the result
 * is NUL-terminated and the caller frees it. */
nb_status nb_read_file(const char *path, size_t max, char **out, size_t *len,
                       nb_err *e);

/* Atomic output: nb_atomic_open makes PATH.tmp-XXXXXX beside path (so the
 * rename stays on one file system); nb_atomic_commit syncs it to disk and
 * renames it over path; nb_atomic_abort removes it.  A failed run never
 * leaves a partial file and never replaces an older good one. */
typedef struct nb_atomic {
  char *path;
  char *tmp;
  int fd;
  /* Set after open to rename without fsync: the swap is still atomic, the
   * data reach the disk when the kernel writes them.  For output a person
   * waits for and can make again (`speak -o`): syncing a 26 MB WAV costs
   * 50 ms, a tenth of its synthesis. */
  int no_sync;
} nb_atomic;
nb_status nb_atomic_open(nb_atomic *f, const char *path, nb_err *e);
nb_status nb_atomic_commit(nb_atomic *f, nb_err *e);
void nb_atomic_abort(nb_atomic *f);
/* Writes a whole buffer to path atomically. */
nb_status nb_write_file_atomic(const char *path, const char *data, size_t len,
                               nb_err *e);
/* Temporary paths still to be removed if a signal stops the run:
 * main.c's handler calls nb_tmp_cleanup (async-signal-safe: unlink only). */
void nb_tmp_register(const char *path);
void nb_tmp_unregister(const char *path);
void nb_tmp_cleanup(void);

/* ---- UTF-8 --------------------------------------------------------------- */

/* Returns 1 when p[0..n) is valid UTF-8; otherwise 0 and *bad is the offset
 * of the first invalid byte. */
int nb_utf8_valid(const char *p, size_t n, size_t *bad);
/* Decodes one code point at p (valid UTF-8 assumed, n > 0); returns its byte
 * length and stores the code point in *cp. */
size_t nb_utf8_decode(const char *p, size_t n, uint32_t *cp);
size_t nb_utf8_encode(uint32_t cp, char out[4]);

/* ---- INI ----------------------------------------------------------------- */

/* Parses an INI file: [section], key = value, ';' or '#' comments (also after
 * a value when preceded by a space).  The callback returns 0 to go on or
 * non-zero to stop, having filled e with a message (it is given the line).
 * Errors name "PATH:LINE". */
typedef int (*nb_ini_fn)(void *ud, const char *section, const char *key,
                         const char *value, int line, nb_err *e);
nb_status nb_ini_parse(const char *path, nb_ini_fn fn, void *ud, nb_err *e);

/* ---- JSON output --------------------------------------------------------- */

/* Appends s as a JSON string literal (with quotes); NULL gives null. */
void nb_json_str(nb_buf *b, const char *s);
void nb_json_strn(nb_buf *b, const char *s, size_t n);
/* Appends s with & < > " ' escaped for XML text and attribute values. */
void nb_xml_escape(nb_buf *b, const char *s, size_t n);

/* ---- the model ------------------------------------------------------------ */

/* One article as read: all strings NUL-terminated UTF-8 in the arena;
 * title, byline, date, dateline, link are NULL when unknown.  paras are the
 * body paragraphs in order, whitespace-normalized (no newlines inside),
 * without title/date lines when the reader could tell them apart. */
typedef struct nb_article {
  const char *source; /* the file name, URL or "-", for messages */
  const char *source_name; /* the configured source it came from (drop's
                              [source.NAME]), NULL when there is none */
  const char *title;
  const char *byline;
  const char *date;     /* as found, or ISO 8601 when the reader knows */
  const char *dateline; /* set by readers that know it; the summarizer may too */
  const char *link;     /* canonical URL when known (feeds, pages) */
  const char **paras;
  size_t n_paras, cap_paras;
  nb_arena *arena;
} nb_article;

nb_article *nb_article_new(const char *source);
void nb_article_free(nb_article *a);
/* Copies p[0..n) as a new paragraph, folding runs of white space to one
 * space, trimming, and dropping control characters (C0, DEL, C1) and
 * byte-order marks; an empty result adds nothing. */
void nb_article_add_para(nb_article *a, const char *p, size_t n);
/* Copies s into the article's arena, cleaned the same way (NULL stays
 * NULL). */
const char *nb_article_str(nb_article *a, const char *s);

typedef struct nb_article_list {
  nb_article **items;
  size_t n, cap;
} nb_article_list;
void nb_article_list_push(nb_article_list *l, nb_article *a);
void nb_article_list_release(nb_article_list *l);

typedef enum nb_quote_kind {
  NB_QUOTE_DIRECT,
  NB_QUOTE_PARTIAL,
  NB_QUOTE_INDIRECT
} nb_quote_kind;
const char *nb_quote_kind_name(nb_quote_kind k);

/* A quote found in an article.  Strings live in the story's arena. */
typedef struct nb_quote {
  const char *text; /* the quoted words, without the marks */
  nb_quote_kind kind;
  const char *speaker;     /* canonical name ("John Kirby"), NULL unknown */
  const char *description; /* "National Security Council spokesman", or NULL */
  const char *mention;     /* the speaker as written at this quote, or NULL */
  const char *cue;         /* "told reporters", "said", or NULL */
  uint32_t paragraph;      /* index into article->paras */
  uint32_t start, end;     /* byte span of the quoted words (incl. marks) in
                              that paragraph; multi-paragraph quotes end in
                              the paragraph where they close */
  uint32_t end_paragraph;
  int speaker_org; /* the speaker is an organization: named in full every
                      time ("Authority said" names nobody) */
} nb_quote;

/* One article summarized: its lead and its quotes. */
typedef struct nb_story {
  const nb_article *article; /* borrowed: the article must outlive the story */
  const char *dateline;      /* "Washington", or NULL */
  const char **lead;         /* lead sentences, dateline taken off */
  size_t n_lead;
  nb_quote *quotes; /* every quote found, in article order */
  size_t n_quotes;
  size_t *key; /* indices into quotes chosen for the briefing, in order */
  size_t n_key;
  nb_arena *arena;
} nb_story;

typedef enum nb_role {
  NB_ROLE_INTRO,
  NB_ROLE_HEADLINE,
  NB_ROLE_LEAD,
  NB_ROLE_BODY,
  NB_ROLE_ATTRIBUTION,
  NB_ROLE_QUOTE,
  NB_ROLE_TRANSITION,
  NB_ROLE_OUTRO,
  NB_ROLE_COUNT
} nb_role;
const char *nb_role_name(nb_role r);

/* How one voice speaks: eSpeak voice name (with +variant) and parameters on
 * eSpeak's own scales (rate in words per minute, pitch and range 0-100,
 * volume 0-200), and the silence inserted after each segment of it. */
#define NB_RATE_MAX 900 /* words per minute (eSpeak speeds up past 450) */
#define NB_SPEED_MIN 0.5 /* --speed and drop's speed = : the factor's range */
#define NB_SPEED_MAX 3.0
typedef struct nb_voice {
  char name[32];   /* "narrator", "quote", "attribution" */
  char espeak[64]; /* "en-us+m3" */
  int rate, pitch, range, volume;
  unsigned pause_ms;
} nb_voice;

/* A voice profile from voices/NAME.voice: one voice per kind of speech and
 * the words a briefing adds around stories. */
typedef struct nb_profile {
  char name[64];
  char path[1024];
  nb_voice narrator, quote, attribution;
  unsigned story_pause_ms; /* extra silence between stories */
  char *intro;       /* "Here is your briefing for {date}." */
  char *transition;  /* "Next story." */
  char *outro;       /* "That was your briefing." */
  char *dateline;    /* "From {dateline}." spoken before a lead, or empty */
  char *quote_open;  /* said before a quote with --quote-style words */
  char *quote_close; /* said after it */
  char *unknown_speaker; /* attribution when nobody is named */
  char *description;     /* one line for `newsbrief voices` */
  int quote_words;       /* default quote style: 1 = say quote_open/close */
} nb_profile;

/* One piece of the briefing as it will be spoken. */
typedef struct nb_segment {
  nb_role role;
  const char *text;    /* plain text, never markup */
  const char *speaker; /* for quotes and attributions: canonical name */
  const nb_voice *voice;
  int story;         /* 0-based story index, -1 for intro/outro */
  unsigned pause_ms; /* silence after this segment */
} nb_segment;

typedef struct nb_script {
  nb_segment *segs;
  size_t n, cap;
  const char **story_titles; /* one per story, for chapters; may be NULL */
  size_t n_stories;
  const nb_profile *profile; /* borrowed */
  nb_arena *arena;
} nb_script;

#endif

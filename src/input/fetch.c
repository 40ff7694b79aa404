/* fetch.c: the URL reader, the one file that includes libcurl.  It fetches
 * http(s) pages and feeds within limits (time, size, redirects, protocols)
 * and hands the bytes to the reader their Content-Type calls for. */
#include "input.h"
#include "base/dl.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#define USER_AGENT "newsbrief/" NB_VERSION " (+offline news briefings)"

/* libcurl's functions, loaded at first use (base/dl.h): linked, libcurl
 * and the TLS, LDAP, SSH and Kerberos libraries it pulls in would be
 * loaded by every run, though only URLs need them. */
static struct {
  __typeof__(curl_easy_cleanup) *easy_cleanup;
  __typeof__(curl_easy_getinfo) *easy_getinfo;
  __typeof__(curl_easy_init) *easy_init;
  __typeof__(curl_easy_perform) *easy_perform;
  __typeof__(curl_easy_setopt) *easy_setopt;
  __typeof__(curl_easy_strerror) *easy_strerror;
  __typeof__(curl_global_cleanup) *global_cleanup;
  __typeof__(curl_global_init) *global_init;
} curl;
#define CURL_FN(f) {"curl_" #f, (void **)&curl.f}
static const nb_dl_sym curl_syms[] = {CURL_FN(easy_cleanup), CURL_FN(easy_getinfo), CURL_FN(easy_init), CURL_FN(easy_perform), CURL_FN(easy_setopt), CURL_FN(easy_strerror), CURL_FN(global_cleanup), CURL_FN(global_init)};
#undef CURL_FN
static void *curl_lib;

/* curl_global_init is not thread-safe: it runs once, lazily, before the
 * first transfer, which main.c makes from its one thread before any worker
 * starts.  curl_global_cleanup runs at exit. */
static int curl_ready;

static nb_status ensure_init(nb_err *e) {
  if (curl_ready)
    return NB_OK;
  nb_status st = nb_dl_load(&curl_lib, "libcurl.so.4", "reading URLs",
                            curl_syms, sizeof curl_syms / sizeof *curl_syms, e);
  if (st)
    return st;
  if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
    return nb_err_set(e, NB_NET, "libcurl: cannot initialize");
  curl_ready = 1;
  atexit(curl.global_cleanup);
  return NB_OK;
}

typedef struct sink {
  nb_buf buf;
  size_t max;
  int too_big;
} sink;

static size_t on_data(char *p, size_t size, size_t n, void *ud) {
  sink *s = ud;
  size_t len = size * n;
  if (s->buf.len + len > s->max) {
    s->too_big = 1;
    return 0; /* aborts the transfer: CURLE_WRITE_ERROR */
  }
  nb_buf_put(&s->buf, p, len);
  return len;
}

static void size_text(char *out, size_t n, size_t max) {
  if (max >= (1u << 20) && max % (1u << 20) == 0)
    snprintf(out, n, "%zu MB", max >> 20);
  else
    snprintf(out, n, "%zu bytes", max);
}

static int is_http(const char *url) {
  return !strncasecmp(url, "http://", 7) || !strncasecmp(url, "https://", 8);
}

nb_status nb__fetch(const char *url, const nb_input_opts *o, char **data,
                    size_t *len, char **content_type, nb_err *e) {
  if (!is_http(url))
    return nb_err_set(e, NB_USAGE, "%s: only http and https URLs are read",
                      url);
  nb_status st = ensure_init(e);
  if (st)
    return st;
  long timeout = o && o->timeout_s > 0 ? o->timeout_s : 30;
  sink s = {{0}, o && o->max_bytes ? o->max_bytes : (size_t)64 << 20, 0};
  char errbuf[CURL_ERROR_SIZE] = "";
  CURL *h = curl.easy_init();
  if (!h)
    return nb_err_set(e, NB_NET, "%s: libcurl: cannot start a transfer", url);
  curl.easy_setopt(h, CURLOPT_URL, url);
  curl.easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl.easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl.easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  curl.easy_setopt(h, CURLOPT_MAXREDIRS, 5L);
  curl.easy_setopt(h, CURLOPT_CONNECTTIMEOUT, timeout < 10 ? timeout : 10L);
  curl.easy_setopt(h, CURLOPT_TIMEOUT, timeout);
  /* a server that trickles: under 100 bytes/s for 15 s (or the whole time
   * limit when shorter) gives up */
  curl.easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 100L);
  curl.easy_setopt(h, CURLOPT_LOW_SPEED_TIME, timeout < 15 ? timeout : 15L);
  curl.easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)s.max);
  curl.easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
  curl.easy_setopt(h, CURLOPT_USERAGENT, USER_AGENT);
  curl.easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl.easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
  curl.easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
  curl.easy_setopt(h, CURLOPT_WRITEDATA, &s);
  CURLcode rc = curl.easy_perform(h);
  long code = 0;
  curl.easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  char size[32];
  size_text(size, sizeof size, s.max);
  if (rc == CURLE_FILESIZE_EXCEEDED || (rc == CURLE_WRITE_ERROR && s.too_big))
    st = nb_err_set(e, NB_NET, "%s: response larger than %s", url, size);
  else if (rc == CURLE_OPERATION_TIMEDOUT)
    st = nb_err_set(e, NB_NET, "%s: timed out after %ld s", url, timeout);
  else if (rc == CURLE_TOO_MANY_REDIRECTS)
    st = nb_err_set(e, NB_NET, "%s: more than 5 redirects", url);
  else if (rc == CURLE_UNSUPPORTED_PROTOCOL)
    st = nb_err_set(e, NB_NET,
                    "%s: redirected to a protocol other than http or https",
                    url);
  else if (rc != CURLE_OK) {
    const char *m = errbuf[0] ? errbuf : curl.easy_strerror(rc);
    st = nb_err_set(e, NB_NET, "%s: %c%s", url,
                    m[0] >= 'A' && m[0] <= 'Z' ? m[0] - 'A' + 'a' : m[0],
                    m[0] ? m + 1 : "");
  }
  else if (code >= 400)
    st = nb_err_set(e, NB_NET, "%s: HTTP %ld", url, code);
  if (st == NB_OK) {
    char *ct = NULL;
    curl.easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ct);
    *content_type = ct ? nb_xstrdup(ct) : NULL;
    if (!s.buf.ptr)
      nb_buf_put(&s.buf, "", 0);
    *len = s.buf.len;
    *data = nb_buf_detach(&s.buf);
  }
  nb_buf_release(&s.buf);
  curl.easy_cleanup(h);
  return st;
}

nb_status nb_input_url(const char *url, const nb_input_opts *o,
                       nb_article_list *out, nb_err *e) {
  char *data, *ct;
  size_t len;
  nb_status st = nb__fetch(url, o, &data, &len, &ct, e);
  if (st)
    return st;
  st = nb__input_bytes(url, data, len, ct, o, out, e);
  free(data);
  free(ct);
  return st;
}

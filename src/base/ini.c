/* ini.c: the one INI reader, for voice profiles and drop configurations. */
#include "../nb.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static char *trim(char *s) {
  while (isspace((unsigned char)*s))
    s++;
  char *end = s + strlen(s);
  while (end > s && isspace((unsigned char)end[-1]))
    *--end = 0;
  return s;
}

nb_status nb_ini_parse(const char *path, nb_ini_fn fn, void *ud, nb_err *e) {
  char *text;
  size_t len;
  nb_status st = nb_read_file(path, 1 << 20, &text, &len, e);
  if (st)
    return st;
  size_t bad;
  if (!nb_utf8_valid(text, len, &bad)) {
    free(text);
    return nb_err_set(e, NB_PARSE, "%s: invalid UTF-8 at byte %zu", path, bad);
  }
  char section[128] = "";
  int line = 0;
  char *p = text;
  while (p && *p) {
    char *nl = strchr(p, '\n');
    if (nl)
      *nl = 0;
    line++;
    char *s = trim(p);
    p = nl ? nl + 1 : NULL;
    if (!*s || *s == ';' || *s == '#')
      continue;
    if (*s == '[') {
      char *close = strchr(s, ']');
      if (!close || close == s + 1 || (size_t)(close - s - 1) >= sizeof section) {
        free(text);
        return nb_err_set(e, NB_PARSE, "%s:%d: malformed section header", path,
                          line);
      }
      *close = 0;
      char *rest = trim(close + 1);
      if (*rest && *rest != ';' && *rest != '#') {
        free(text);
        return nb_err_set(e, NB_PARSE, "%s:%d: text after section header",
                          path, line);
      }
      strcpy(section, trim(s + 1));
      continue;
    }
    char *eq = strchr(s, '=');
    if (!eq) {
      free(text);
      return nb_err_set(e, NB_PARSE, "%s:%d: expected key = value", path, line);
    }
    *eq = 0;
    char *key = trim(s);
    char *value = eq + 1;
    /* an inline comment needs white space before it: "a;b" stays whole */
    for (char *c = value; *c; c++)
      if ((*c == ';' || *c == '#') && c > value && isspace((unsigned char)c[-1])) {
        *c = 0;
        break;
      }
    value = trim(value);
    if (!*key) {
      free(text);
      return nb_err_set(e, NB_PARSE, "%s:%d: empty key", path, line);
    }
    if (fn(ud, section, key, value, line, e)) {
      free(text);
      if (e && e->status == NB_OK)
        e->status = NB_PARSE;
      return e ? e->status : NB_PARSE;
    }
  }
  free(text);
  return NB_OK;
}

/* test_base.c: the base library: UTF-8 validation, INI parsing with
 * file:line errors, atomic writes, JSON and XML escaping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "nb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_utf8(void **state) {
  (void)state;
  size_t bad = 99;
  assert_true(nb_utf8_valid("plain", 5, &bad));
  assert_true(nb_utf8_valid("\xE2\x80\x9Cq\xE2\x80\x9D", 7, &bad));
  assert_false(nb_utf8_valid("ab\xFFzz", 5, &bad));
  assert_int_equal(bad, 2);
  /* overlong encoding of '/' and a UTF-16 surrogate are invalid */
  assert_false(nb_utf8_valid("x\xC0\xAF", 3, &bad));
  assert_int_equal(bad, 1);
  assert_false(nb_utf8_valid("\xED\xA0\x80", 3, &bad));
  assert_int_equal(bad, 0);
  /* truncated sequence at the end */
  assert_false(nb_utf8_valid("abc\xE2\x80", 5, &bad));
  assert_int_equal(bad, 3);
  uint32_t cp;
  assert_int_equal(nb_utf8_decode("\xE2\x80\x94", 3, &cp), 3);
  assert_int_equal(cp, 0x2014);
  char out[4];
  assert_int_equal(nb_utf8_encode(0x201C, out), 3);
  assert_memory_equal(out, "\xE2\x80\x9C", 3);
}

typedef struct seen {
  char last[256];
  int n;
} seen;

static int on_kv(void *ud, const char *section, const char *key,
                 const char *value, int line, nb_err *e) {
  seen *s = ud;
  s->n++;
  snprintf(s->last, sizeof s->last, "%s.%s=%s@%d", section, key, value, line);
  if (strcmp(key, "bad") == 0) {
    nb_err_set(e, NB_PARSE, "line %d: bad key", line);
    return 1;
  }
  return 0;
}

static char *write_tmp(const char *text) {
  char *path = strdup("/tmp/nb-test-XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
  close(fd);
  return path;
}

static void test_ini(void **state) {
  (void)state;
  char *p = write_tmp("; comment\n[briefing]\ntitle = Morning ; note\n"
                      "url = http://x/a;b\n\n[source.world]\nurl=z\n");
  seen s = {{0}, 0};
  nb_err e = {0};
  assert_int_equal(nb_ini_parse(p, on_kv, &s, &e), NB_OK);
  assert_int_equal(s.n, 3);
  assert_string_equal(s.last, "source.world.url=z@7");
  unlink(p);
  free(p);
  /* a malformed line is reported with the file and line */
  p = write_tmp("[a]\nok = 1\nno equals sign\n");
  assert_int_equal(nb_ini_parse(p, on_kv, &s, &e), NB_PARSE);
  char want[300];
  snprintf(want, sizeof want, "%s:3: expected key = value", p);
  assert_string_equal(e.msg, want);
  unlink(p);
  free(p);
  /* the callback's own error stops the parse */
  p = write_tmp("[a]\nbad = 1\n");
  assert_int_equal(nb_ini_parse(p, on_kv, &s, &e), NB_PARSE);
  assert_string_equal(e.msg, "line 2: bad key");
  unlink(p);
  free(p);
  assert_int_equal(nb_ini_parse("/nonexistent/x.ini", on_kv, &s, &e), NB_IO);
  assert_non_null(strstr(e.msg, "/nonexistent/x.ini: "));
}

static void test_atomic(void **state) {
  (void)state;
  char dir[] = "/tmp/nb-atomic-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char path[256];
  snprintf(path, sizeof path, "%s/out.txt", dir);
  nb_err e = {0};
  assert_int_equal(nb_write_file_atomic(path, "good", 4, &e), NB_OK);
  /* an aborted write leaves the old file and no temporary behind */
  nb_atomic f;
  assert_int_equal(nb_atomic_open(&f, path, &e), NB_OK);
  assert_int_equal(write(f.fd, "partial", 7), 7);
  char tmp[300];
  snprintf(tmp, sizeof tmp, "%s", f.tmp);
  assert_int_equal(access(tmp, F_OK), 0);
  nb_atomic_abort(&f);
  assert_int_equal(access(tmp, F_OK), -1);
  char *data;
  size_t len;
  assert_int_equal(nb_read_file(path, 1 << 20, &data, &len, &e), NB_OK);
  assert_string_equal(data, "good");
  free(data);
  /* a commit replaces it */
  assert_int_equal(nb_write_file_atomic(path, "better", 6, &e), NB_OK);
  assert_int_equal(nb_read_file(path, 1 << 20, &data, &len, &e), NB_OK);
  assert_string_equal(data, "better");
  free(data);
  /* an unwritable place is an error naming the path */
  char bad[300];
  snprintf(bad, sizeof bad, "%s/no/such/dir/x.wav", dir);
  assert_int_equal(nb_write_file_atomic(bad, "x", 1, &e), NB_IO);
  assert_non_null(strstr(e.msg, bad));
  /* reading a file larger than the cap is refused */
  assert_int_equal(nb_read_file(path, 3, &data, &len, &e), NB_IO);
  unlink(path);
  rmdir(dir);
}

static void test_escape(void **state) {
  (void)state;
  nb_buf b = {0};
  nb_json_str(&b, "a\"b\\c\n\x01");
  assert_string_equal(b.ptr, "\"a\\\"b\\\\c\\n\\u0001\"");
  nb_buf_clear(&b);
  nb_json_str(&b, NULL);
  assert_string_equal(b.ptr, "null");
  nb_buf_clear(&b);
  const char *x = "AT&T <audio src='x'/> \"q\"\x01";
  nb_xml_escape(&b, x, strlen(x));
  assert_string_equal(b.ptr, "AT&amp;T &lt;audio src=&apos;x&apos;/&gt; "
                             "&quot;q&quot; ");
  nb_buf_release(&b);
}

static void test_article_paras(void **state) {
  (void)state;
  nb_article *a = nb_article_new("x.txt");
  const char *p = "  two\t\tspaces\xC2\xA0 and nbsp  ";
  nb_article_add_para(a, p, strlen(p));
  nb_article_add_para(a, "   \n ", 5);
  assert_int_equal(a->n_paras, 1);
  assert_string_equal(a->paras[0], "two spaces and nbsp");
  nb_article_free(a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_utf8),   cmocka_unit_test(test_ini),
      cmocka_unit_test(test_atomic), cmocka_unit_test(test_escape),
      cmocka_unit_test(test_article_paras),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

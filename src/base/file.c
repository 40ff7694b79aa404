/* file.c: whole-file reads and atomic writes (temporary file beside the
 * target, renamed over it only when complete). */
#define _POSIX_C_SOURCE 200809L
#include "../nb.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

nb_status nb_read_file(const char *path, size_t max, char **out, size_t *len,
                       nb_err *e) {
  int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY | O_CLOEXEC);
  const char *name = strcmp(path, "-") == 0 ? "standard input" : path;
  if (fd < 0)
    return nb_err_set(e, NB_IO, "%s: %s", name, strerror(errno));
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    if (fd)
      close(fd);
    return nb_err_set(e, NB_IO, "%s: is a directory", name);
  }
  nb_buf b = {0};
  char tmp[65536];
  for (;;) {
    ssize_t r = read(fd, tmp, sizeof tmp);
    if (r < 0) {
      if (errno == EINTR)
        continue;
      int err = errno;
      if (fd)
        close(fd);
      nb_buf_release(&b);
      return nb_err_set(e, NB_IO, "%s: %s", name, strerror(err));
    }
    if (r == 0)
      break;
    if (b.len + (size_t)r > max) {
      if (fd)
        close(fd);
      nb_buf_release(&b);
      return nb_err_set(e, NB_IO, "%s: larger than the %zu MB limit", name,
                        max >> 20);
    }
    nb_buf_put(&b, tmp, (size_t)r);
  }
  if (fd)
    close(fd);
  if (!b.ptr)
    nb_buf_put(&b, "", 0);
  *len = b.len;
  *out = nb_buf_detach(&b);
  return NB_OK;
}

/* ---- temporary files to remove on a signal ----------------------------- */

#define NB_TMP_MAX 32
static char *volatile tmp_paths[NB_TMP_MAX];

void nb_tmp_register(const char *path) {
  for (int i = 0; i < NB_TMP_MAX; i++)
    if (!tmp_paths[i]) {
      tmp_paths[i] = nb_xstrdup(path);
      return;
    }
}

void nb_tmp_unregister(const char *path) {
  for (int i = 0; i < NB_TMP_MAX; i++)
    if (tmp_paths[i] && strcmp(tmp_paths[i], path) == 0) {
      char *p = tmp_paths[i];
      tmp_paths[i] = NULL;
      free(p);
      return;
    }
}

void nb_tmp_cleanup(void) {
  for (int i = 0; i < NB_TMP_MAX; i++)
    if (tmp_paths[i])
      unlink(tmp_paths[i]);
}

/* ---- atomic output ------------------------------------------------------ */

nb_status nb_atomic_open(nb_atomic *f, const char *path, nb_err *e) {
  memset(f, 0, sizeof *f);
  f->fd = -1;
  struct stat st;
  if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
    return nb_err_set(e, NB_IO, "%s: is a directory", path);
  size_t n = strlen(path);
  f->path = nb_xstrdup(path);
  f->tmp = nb_xmalloc(n + 16);
  snprintf(f->tmp, n + 16, "%s.tmp-XXXXXX", path);
  f->fd = mkstemp(f->tmp);
  if (f->fd < 0) {
    int err = errno;
    free(f->path);
    free(f->tmp);
    f->path = f->tmp = NULL;
    return nb_err_set(e, NB_IO, "%s: %s", path, strerror(err));
  }
  fchmod(f->fd, 0644);
  nb_tmp_register(f->tmp);
  return NB_OK;
}

nb_status nb_atomic_commit(nb_atomic *f, nb_err *e) {
  nb_status st = NB_OK;
  if (f->fd >= 0 && !f->no_sync && fsync(f->fd) != 0 && errno != EINVAL)
    st = nb_err_set(e, NB_IO, "%s: %s", f->path, strerror(errno));
  if (f->fd >= 0 && close(f->fd) != 0 && st == NB_OK)
    st = nb_err_set(e, NB_IO, "%s: %s", f->path, strerror(errno));
  f->fd = -1;
  if (st == NB_OK && rename(f->tmp, f->path) != 0)
    st = nb_err_set(e, NB_IO, "%s: %s", f->path, strerror(errno));
  if (st != NB_OK)
    unlink(f->tmp);
  nb_tmp_unregister(f->tmp);
  free(f->tmp);
  free(f->path);
  f->tmp = f->path = NULL;
  return st;
}

void nb_atomic_abort(nb_atomic *f) {
  if (!f->tmp)
    return;
  if (f->fd >= 0)
    close(f->fd);
  f->fd = -1;
  unlink(f->tmp);
  nb_tmp_unregister(f->tmp);
  free(f->tmp);
  free(f->path);
  f->tmp = f->path = NULL;
}

nb_status nb_write_file_atomic(const char *path, const char *data, size_t len,
                               nb_err *e) {
  nb_atomic f;
  nb_status st = nb_atomic_open(&f, path, e);
  if (st)
    return st;
  size_t off = 0;
  while (off < len) {
    ssize_t w = write(f.fd, data + off, len - off);
    if (w < 0) {
      if (errno == EINTR)
        continue;
      int err = errno;
      nb_atomic_abort(&f);
      return nb_err_set(e, NB_IO, "%s: %s", path, strerror(err));
    }
    off += (size_t)w;
  }
  return nb_atomic_commit(&f, e);
}

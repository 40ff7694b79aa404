/* lock.c: one drop at a time.  An flock on a lock file, not a pid file: the
 * kernel releases it when the process dies (even by kill -9), so a crashed
 * run never blocks the next one; the pid inside is only for the message. */
#define _POSIX_C_SOURCE 200809L
#include "publish.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

nb_status nb_lock_acquire(const char *path, int *fd_out, nb_err *e) {
  int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    return nb_err_set(e, NB_IO, "%s: cannot open the lock file: %s", path,
                      strerror(errno));
  while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EINTR)
      continue;
    if (errno != EWOULDBLOCK) {
      int err = errno;
      close(fd);
      return nb_err_set(e, NB_IO, "%s: cannot lock: %s", path, strerror(err));
    }
    /* The holder writes its pid right after locking: it may not be there
     * yet, in which case the message says so rather than guess. */
    char buf[32] = "";
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    close(fd);
    long pid = 0;
    if (n > 0) {
      buf[n] = 0;
      pid = strtol(buf, NULL, 10);
    }
    if (pid > 0)
      return nb_err_set(e, NB_BUSY,
                        "another drop is running (lock %s held by pid %ld)",
                        path, pid);
    return nb_err_set(e, NB_BUSY, "another drop is running (lock %s is held)",
                      path);
  }
  char buf[32];
  int len = snprintf(buf, sizeof buf, "%ld\n", (long)getpid());
  if (ftruncate(fd, 0) != 0 || pwrite(fd, buf, (size_t)len, 0) != len) {
    int err = errno;
    close(fd);
    return nb_err_set(e, NB_IO, "%s: cannot write the lock file: %s", path,
                      strerror(err));
  }
  *fd_out = fd;
  return NB_OK;
}

void nb_lock_release(int fd) {
  if (fd < 0)
    return;
  /* Truncate first: a stale pid would otherwise be named by the next
   * "lock held" message if someone copied the file. */
  if (ftruncate(fd, 0) != 0) {
    /* nothing to do: the lock goes with the descriptor anyway */
  }
  flock(fd, LOCK_UN);
  close(fd);
}

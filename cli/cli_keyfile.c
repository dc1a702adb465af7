/*
 * The fingerprint key.  Fingerprints are only useful when every run on a
 * machine uses the same key, so the default key is made once and kept; two
 * first runs racing must agree on one key, hence write-to-temp + link(), which
 * never replaces an existing file: the loser throws its key away and reads the
 * winner's.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_keyfile.h"

#define KEY_MIN_SIZE 16
#define KEY_FILE_NAME "fingerprint.key"
#define KEY_FILE_MODE 0600
#define KEY_DIR_MODE 0700
#define PATH_CAPACITY 4096

static hush_status_t fail(hush_error_t *err, hush_status_t status, const char *path,
                          const char *reason)
{
    int n = snprintf(err->message, sizeof err->message, "%s: %s", path, reason);
    if (n < 0 || (size_t)n >= sizeof err->message)
        memcpy(err->message + sizeof err->message - 4, "...", 4); /* still readable */
    return status;
}

static hush_status_t fail_errno(hush_error_t *err, const char *path)
{
    return fail(err, HUSH_ERR_IO, path, strerror(errno));
}

static ssize_t read_fully(int fd, unsigned char *buffer, size_t capacity)
{
    size_t total = 0;
    while (total < capacity) {
        ssize_t n = read(fd, buffer + total, capacity - total);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        total += (size_t)n;
    }
    return (ssize_t)total;
}

/* Reads a key file: raw bytes, KEY_MIN_SIZE..HUSH_FINGERPRINT_KEY_MAX of them. */
static hush_status_t read_key(const char *path, unsigned char *key, size_t *key_size,
                              hush_error_t *err)
{
    unsigned char buffer[HUSH_FINGERPRINT_KEY_MAX + 1];
    struct stat st;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail_errno(err, path);
    if (fstat(fd, &st) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return fail_errno(err, path);
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return fail(err, HUSH_ERR_IO, path, "fingerprint key is not a regular file");
    }
    ssize_t n = read_fully(fd, buffer, sizeof buffer);
    int saved = errno;
    close(fd);
    if (n < 0) {
        errno = saved;
        return fail_errno(err, path);
    }
    if ((size_t)n < KEY_MIN_SIZE || (size_t)n > HUSH_FINGERPRINT_KEY_MAX) {
        snprintf(err->message, sizeof err->message,
                 "%s: fingerprint key must be %d to %d raw bytes, this file has %lld", path,
                 KEY_MIN_SIZE, HUSH_FINGERPRINT_KEY_MAX, (long long)st.st_size);
        return HUSH_ERR_ARGUMENT;
    }
    memcpy(key, buffer, (size_t)n);
    *key_size = (size_t)n;
    explicit_bzero(buffer, sizeof buffer);
    return HUSH_OK;
}

/* Creates every missing directory of `dir` (mode 0700, like ~/.config). */
static hush_status_t make_directories(char *dir, hush_error_t *err)
{
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int rc = mkdir(dir, KEY_DIR_MODE);
        int saved = errno;
        *p = '/';
        if (rc != 0 && saved != EEXIST) {
            errno = saved;
            return fail_errno(err, dir);
        }
    }
    if (mkdir(dir, KEY_DIR_MODE) != 0 && errno != EEXIST)
        return fail_errno(err, dir);
    return HUSH_OK;
}

static hush_status_t default_key_dir(char *dir, size_t capacity, hush_error_t *err)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    int n;

    /* The XDG spec says a relative value is invalid and must be ignored. */
    if (xdg && xdg[0] == '/')
        n = snprintf(dir, capacity, "%s/hush", xdg);
    else if (home && home[0])
        n = snprintf(dir, capacity, "%s/.config/hush", home);
    else
        return fail(err, HUSH_ERR_ARGUMENT, "fingerprint key",
                    "neither XDG_CONFIG_HOME nor HOME is set; use --fingerprint-key FILE");
    if (n < 0 || (size_t)n >= capacity)
        return fail(err, HUSH_ERR_LIMIT, "fingerprint key", "configuration path too long");
    return HUSH_OK;
}

static hush_status_t write_new_key(int fd, const char *temp, hush_error_t *err)
{
    unsigned char key[CLI_KEY_SIZE];
    size_t got = 0;
    while (got < sizeof key) {
        ssize_t n = getrandom(key + got, sizeof key - got, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail_errno(err, "getrandom");
        got += (size_t)n;
    }
    ssize_t written = write(fd, key, sizeof key);
    explicit_bzero(key, sizeof key);
    if (written != (ssize_t)sizeof key) {
        if (written >= 0)
            errno = EIO;
        return fail_errno(err, temp);
    }
    if (fsync(fd) != 0)
        return fail_errno(err, temp);
    return HUSH_OK;
}

/* Publishes `temp` as `path` unless `path` already exists. */
static hush_status_t publish_key(const char *temp, const char *path, hush_error_t *err)
{
    if (link(temp, path) == 0 || errno == EEXIST)
        return HUSH_OK;
    /* Some file systems have no hard links; renameat2 also refuses to replace. */
    if (errno == EPERM || errno == ENOTSUP || errno == EOPNOTSUPP) {
        if (renameat2(AT_FDCWD, temp, AT_FDCWD, path, RENAME_NOREPLACE) == 0 || errno == EEXIST)
            return HUSH_OK;
    }
    return fail_errno(err, path);
}

static hush_status_t create_key(const char *path, hush_error_t *err)
{
    char temp[PATH_CAPACITY];
    unsigned nonce = 0;
    if (getrandom(&nonce, sizeof nonce, 0) < 0)
        nonce = (unsigned)getpid();
    int n = snprintf(temp, sizeof temp, "%s.%ld.%08x.tmp", path, (long)getpid(), nonce);
    if (n < 0 || (size_t)n >= sizeof temp)
        return fail(err, HUSH_ERR_LIMIT, path, "path too long");

    int fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, KEY_FILE_MODE);
    if (fd < 0)
        return fail_errno(err, temp);
    hush_status_t status = write_new_key(fd, temp, err);
    if (close(fd) != 0 && status == HUSH_OK)
        status = fail_errno(err, temp);
    if (status == HUSH_OK)
        status = publish_key(temp, path, err);
    unlink(temp);
    return status;
}

static hush_status_t load_default_key(unsigned char *key, size_t *key_size, hush_error_t *err)
{
    char dir[PATH_CAPACITY];
    char path[PATH_CAPACITY];
    hush_status_t status = default_key_dir(dir, sizeof dir, err);
    if (status != HUSH_OK)
        return status;
    if (snprintf(path, sizeof path, "%s/%s", dir, KEY_FILE_NAME) >= (int)sizeof path)
        return fail(err, HUSH_ERR_LIMIT, "fingerprint key", "configuration path too long");
    if (access(path, F_OK) != 0) {
        if (errno != ENOENT)
            return fail_errno(err, path);
        status = make_directories(dir, err);
        if (status == HUSH_OK)
            status = create_key(path, err);
        if (status != HUSH_OK)
            return status;
    }
    return read_key(path, key, key_size, err);
}

hush_status_t cli_keyfile_load(const char *path, unsigned char *key, size_t *key_size,
                               hush_error_t *err)
{
    err->message[0] = '\0';
    if (path)
        return read_key(path, key, key_size, err);
    return load_default_key(key, key_size, err);
}

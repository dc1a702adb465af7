/*
 * Replays saved fuzz inputs through a target's LLVMFuzzerTestOneInput without
 * a fuzzer, so `make test` runs the corpus with any compiler.
 *
 *   fuzz_scanner FILE|DIR...     every regular file given, or found directly in
 *                                a given directory (sorted by name)
 *
 * Prints "replayed N inputs".  A target that finds a broken invariant aborts;
 * tests/fuzz/replay.sh then replays file by file to name the input.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* Saved inputs are small; a bigger file is a mistake in the corpus. */
#define REPLAY_MAX_INPUT (64L << 20)

static int replay_fail(const char *path, const char *reason)
{
    fprintf(stderr, "replay: %s: %s\n", path, reason);
    return -1;
}

/* Reads the file and runs it; 0 on success, -1 after printing why not. */
static int replay_file(const char *path)
{
    FILE *file = fopen(path, "rb");
    if (!file)
        return replay_fail(path, strerror(errno));
    int result = 0;
    uint8_t *data = NULL;
    long size = -1;
    if (fseek(file, 0, SEEK_END) == 0)
        size = ftell(file);
    if (size < 0 || fseek(file, 0, SEEK_SET) != 0)
        result = replay_fail(path, "cannot determine size");
    else if (size > REPLAY_MAX_INPUT)
        result = replay_fail(path, "larger than 64 MiB, not a fuzz input");
    /* malloc(size) of at least 1 so an empty input still has a valid pointer. */
    else if (!(data = malloc((size_t)size + 1)))
        result = replay_fail(path, "out of memory");
    else if (size > 0 && fread(data, 1, (size_t)size, file) != (size_t)size)
        result = replay_fail(path, "short read");
    fclose(file);
    if (result == 0)
        LLVMFuzzerTestOneInput(data, (size_t)size);
    free(data);
    return result;
}

static int only_visible(const struct dirent *entry)
{
    return entry->d_name[0] != '.';
}

/* Runs the regular files directly inside `dir`; returns how many, or -1. */
static long replay_directory(const char *dir)
{
    struct dirent **entries = NULL;
    int count = scandir(dir, &entries, only_visible, alphasort);
    if (count < 0)
        return replay_fail(dir, strerror(errno));
    long replayed = 0;
    for (int i = 0; i < count; i++) {
        size_t length = strlen(dir) + strlen(entries[i]->d_name) + 2;
        char *path = malloc(length);
        struct stat st;
        if (!path) {
            replayed = replay_fail(dir, "out of memory");
        } else {
            snprintf(path, length, "%s/%s", dir, entries[i]->d_name);
            if (replayed >= 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode))
                replayed = replay_file(path) == 0 ? replayed + 1 : -1;
        }
        free(path);
        free(entries[i]);
    }
    free(entries);
    return replayed;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
        return 2;
    }
    long total = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            replay_fail(argv[i], strerror(errno));
            return 1;
        }
        long n;
        if (S_ISDIR(st.st_mode))
            n = replay_directory(argv[i]);
        else
            n = replay_file(argv[i]) == 0 ? 1 : -1;
        if (n < 0)
            return 1;
        total += n;
    }
    printf("replayed %ld inputs\n", total);
    return 0;
}

/*
 * Fuzz target: hush_source_* (file or pipe, plain or gzip, damaged or not).
 *
 * Input: byte 0 chooses how to read, the rest is the file content.
 *   bits 0-2  read size, from read_sizes[]
 *   bit 3     open a pipe with hush_source_open_fd instead of a path
 *   bit 4     ask hush_source_is_binary before reading
 *
 * Beyond "no crash, always ends", what a user relies on is checked against
 * zlib used directly (the reference):
 *   - plain content comes out byte for byte;
 *   - a sound gzip stream (members, optional zero padding) comes out fully
 *     decompressed with no error;
 *   - a damaged one ends in HUSH_ERR_FORMAT after exactly the bytes zlib
 *     could decode, and the error repeats on every later read;
 *   - is_binary peeks without losing bytes and says whether a NUL is among the
 *     first HUSH_BINARY_SNIFF content bytes.
 * A violated invariant aborts with a message naming it (never content).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#include "fuzz.h"
#include "hush.h"

static const size_t read_sizes[8] = {1, 2, 7, 64, 511, 4096, 65536, 1 << 20};

/* A pipe is written whole before reading starts, so larger inputs use a file. */
#define FUZZ_PIPE_MAX 65536u
/* zlib cannot expand more than ~1032:1; anything beyond means the source
 * repeats itself instead of ending. */
#define FUZZ_EXPANSION_MAX 1100u
#define FUZZ_OUTPUT_SLACK (1u << 20)

typedef struct fuzz_bytes {
    unsigned char *data;
    size_t size;
    size_t capacity;
} fuzz_bytes_t;

static void bytes_append(fuzz_bytes_t *bytes, const void *data, size_t size)
{
    if (size == 0)
        return;
    if (bytes->size + size > bytes->capacity) {
        size_t capacity = bytes->capacity ? bytes->capacity : 4096;
        while (capacity < bytes->size + size)
            capacity *= 2;
        unsigned char *grown = realloc(bytes->data, capacity);
        FUZZ_REQUIRE(grown != NULL, "out of memory in the harness");
        bytes->data = grown;
        bytes->capacity = capacity;
    }
    memcpy(bytes->data + bytes->size, data, size);
    bytes->size += size;
}

/* ---- reference: zlib directly ----------------------------------------- */

typedef struct fuzz_expect {
    bool gzip;     /* content starts with the gzip magic */
    bool damaged;  /* hush must end with HUSH_ERR_FORMAT */
    fuzz_bytes_t content;
} fuzz_expect_t;

static bool all_zero(const uint8_t *data, size_t size)
{
    for (size_t i = 0; i < size; i++)
        if (data[i] != 0)
            return false;
    return true;
}

/* Inflates one member at *pos; false when it is damaged or cut short. */
static bool inflate_member(const uint8_t *data, size_t size, size_t *pos, fuzz_bytes_t *out)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    FUZZ_REQUIRE(inflateInit2(&zs, 16 + MAX_WBITS) == Z_OK, "zlib init");
    zs.next_in = (Bytef *)(uintptr_t)(data + *pos);
    zs.avail_in = (uInt)(size - *pos);
    unsigned char chunk[16384];
    int rc;
    do {
        zs.next_out = chunk;
        zs.avail_out = sizeof chunk;
        rc = inflate(&zs, Z_NO_FLUSH);
        bytes_append(out, chunk, sizeof chunk - zs.avail_out);
    } while (rc == Z_OK);
    *pos = size - zs.avail_in;
    inflateEnd(&zs);
    return rc == Z_STREAM_END;
}

/* What reading `data` must give: gzip members one after another, then the
 * end, zero padding or (damaged) anything else. */
static void expect_content(const uint8_t *data, size_t size, fuzz_expect_t *expect)
{
    memset(expect, 0, sizeof *expect);
    expect->gzip = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
    if (!expect->gzip) {
        bytes_append(&expect->content, data, size);
        return;
    }
    size_t pos = 0;
    for (;;) {
        if (!inflate_member(data, size, &pos, &expect->content)) {
            expect->damaged = true;
            return;
        }
        if (pos == size || all_zero(data + pos, size - pos))
            return;
        if (size - pos < 2 || data[pos] != 0x1f || data[pos + 1] != 0x8b) {
            expect->damaged = true;
            return;
        }
    }
}

/* ---- hush -------------------------------------------------------------- */

typedef struct fuzz_input {
    int memfd;  /* holds the content for path and file-descriptor opens */
    int pipe_read;
    bool use_pipe;
} fuzz_input_t;

static int fuzz_memfd(void)
{
    static int memfd = -1; /* one per process: inputs run one at a time */
    if (memfd < 0)
        memfd = memfd_create("hush-fuzz-source", MFD_CLOEXEC);
    FUZZ_REQUIRE(memfd >= 0, "memfd_create failed");
    return memfd;
}

static void write_all(int fd, const uint8_t *data, size_t size)
{
    while (size > 0) {
        ssize_t n = write(fd, data, size);
        FUZZ_REQUIRE(n > 0 || errno == EINTR, "harness write failed");
        if (n > 0) {
            data += n;
            size -= (size_t)n;
        }
    }
}

static hush_status_t open_input(const uint8_t *data, size_t size, bool want_pipe,
                                fuzz_input_t *input, hush_source_t **source,
                                hush_error_t *err)
{
    input->pipe_read = -1;
    input->use_pipe = want_pipe && size <= FUZZ_PIPE_MAX;
    if (input->use_pipe) {
        int fds[2];
        FUZZ_REQUIRE(pipe(fds) == 0, "pipe failed");
        write_all(fds[1], data, size);
        close(fds[1]);
        input->pipe_read = fds[0];
        return hush_source_open_fd(fds[0], "<fuzz pipe>", source, err);
    }
    input->memfd = fuzz_memfd();
    FUZZ_REQUIRE(ftruncate(input->memfd, 0) == 0, "ftruncate failed");
    FUZZ_REQUIRE(lseek(input->memfd, 0, SEEK_SET) == 0, "lseek failed");
    write_all(input->memfd, data, size);
    /* Opening the path gives a fresh descriptor at offset 0, like a real file. */
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", input->memfd);
    return hush_source_open(path, source, err);
}

static void check_is_binary(hush_source_t *source, bool regular, const fuzz_expect_t *expect)
{
    bool binary = false;
    hush_error_t err = {{0}};
    hush_status_t status = hush_source_is_binary(source, &binary, &err);
    if (status != HUSH_OK) {
        FUZZ_REQUIRE(expect->damaged && status == HUSH_ERR_FORMAT,
                     "is_binary failed on sound input");
        FUZZ_REQUIRE(err.message[0] != '\0', "is_binary error without a message");
        return;
    }
    size_t sniff = expect->content.size < HUSH_BINARY_SNIFF ? expect->content.size
                                                             : HUSH_BINARY_SNIFF;
    bool has_nul = sniff > 0 && memchr(expect->content.data, 0, sniff) != NULL;
    if (regular)
        FUZZ_REQUIRE(binary == has_nul, "is_binary disagrees with the first bytes");
    else /* a pipe is judged on what arrived first: never a NUL it did not see */
        FUZZ_REQUIRE(!binary || has_nul, "is_binary true without a NUL byte");
}

static void read_everything(hush_source_t *source, size_t chunk, size_t input_size,
                            const fuzz_expect_t *expect)
{
    unsigned char *buffer = malloc(chunk);
    FUZZ_REQUIRE(buffer != NULL, "out of memory in the harness");
    fuzz_bytes_t got = {0};
    size_t limit = input_size * FUZZ_EXPANSION_MAX + FUZZ_OUTPUT_SLACK;
    hush_status_t status;
    for (;;) {
        size_t n = 0;
        hush_error_t err = {{0}};
        status = hush_source_read(source, buffer, chunk, &n, &err);
        FUZZ_REQUIRE(n <= chunk, "read returned more than the capacity");
        if (status != HUSH_OK) {
            FUZZ_REQUIRE(n == 0, "read returned bytes with an error");
            FUZZ_REQUIRE(err.message[0] != '\0', "read error without a message");
            break;
        }
        if (n == 0)
            break;
        bytes_append(&got, buffer, n);
        FUZZ_REQUIRE(got.size <= limit, "source does not end");
    }
    if (expect->damaged) {
        FUZZ_REQUIRE(status == HUSH_ERR_FORMAT, "damaged gzip not reported as HUSH_ERR_FORMAT");
        size_t n = 1;
        FUZZ_REQUIRE(hush_source_read(source, buffer, chunk, &n, NULL) == status && n == 0,
                     "error is not sticky");
    } else {
        FUZZ_REQUIRE(status == HUSH_OK, "sound input gave an error");
        size_t n = 1;
        FUZZ_REQUIRE(hush_source_read(source, buffer, chunk, &n, NULL) == HUSH_OK && n == 0,
                     "end of input is not sticky");
    }
    FUZZ_REQUIRE(got.size == expect->content.size, "content length differs from zlib's");
    FUZZ_REQUIRE(got.size == 0 || memcmp(got.data, expect->content.data, got.size) == 0,
                 "content differs from zlib's");
    free(got.data);
    free(buffer);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t mode;
    if (!fuzz_take_mode(&data, &size, &mode))
        return 0;
    size_t chunk = read_sizes[mode & 7];

    fuzz_expect_t expect;
    expect_content(data, size, &expect);

    fuzz_input_t input;
    hush_source_t *source = NULL;
    hush_error_t err = {{0}};
    hush_status_t status = open_input(data, size, (mode & 8) != 0, &input, &source, &err);
    /* Opening reads only the magic bytes: no content can make it fail. */
    FUZZ_REQUIRE(status == HUSH_OK, "open failed");
    FUZZ_REQUIRE(hush_source_kind(source) == (expect.gzip ? HUSH_SOURCE_GZIP : HUSH_SOURCE_PLAIN),
                 "gzip detection differs from the magic bytes");
    if (mode & 16)
        check_is_binary(source, !input.use_pipe, &expect);
    read_everything(source, chunk, size, &expect);

    hush_source_destroy(source);
    if (input.pipe_read >= 0)
        close(input.pipe_read);
    free(expect.content.data);
    return 0;
}

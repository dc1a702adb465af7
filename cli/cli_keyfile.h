/*
 * The fingerprint key: --fingerprint-key FILE, else a 32-byte random key made
 * once at $XDG_CONFIG_HOME/hush/fingerprint.key (~/.config/hush/...), mode 0600.
 */
#ifndef CLI_KEYFILE_H
#define CLI_KEYFILE_H

#include <stddef.h>

#include "hush.h"

#define CLI_KEY_SIZE 32

/* Loads `path` (NULL: the default location, created when missing) into key
 * (capacity HUSH_FINGERPRINT_KEY_MAX).  On failure err says "path: reason". */
hush_status_t cli_keyfile_load(const char *path, unsigned char *key, size_t *key_size,
                               hush_error_t *err);

#endif

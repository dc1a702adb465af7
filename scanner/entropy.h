/* Shannon entropy of a byte string.  Pure function, no state. */
#ifndef HUSHI_ENTROPY_H
#define HUSHI_ENTROPY_H

#include <stddef.h>

/* Shannon entropy of the bytes, in bits per byte (0 for size 0). */
double hushi_entropy_bits(const unsigned char *value, size_t size);

#endif

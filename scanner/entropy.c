/* Shannon entropy (entropy.h). */
#include "entropy.h"

#include <math.h>

double hushi_entropy_bits(const unsigned char *value, size_t size)
{
    if (size == 0)
        return 0.0;
    size_t counts[256] = {0};
    for (size_t i = 0; i < size; i++)
        counts[value[i]]++;
    double bits = 0.0;
    for (size_t c = 0; c < 256; c++) {
        if (counts[c] == 0)
            continue;
        double p = (double)counts[c] / (double)size;
        bits -= p * log2(p);
    }
    return bits;
}

// glibc's malloc tuning (mallopt), which the Glibc module Swift imports leaves out: `trellis serve` limits its arenas.
#ifndef TRELLIS_CMALLOC_SHIM_H
#define TRELLIS_CMALLOC_SHIM_H

#include <malloc.h>

#endif

// The C API of Debian's cairo and pango that TrellisDocuments typesets PDFs with.
// pkg-config "pangocairo" supplies the include paths and libraries.
#ifndef TRELLIS_CPANGOCAIRO_SHIM_H
#define TRELLIS_CPANGOCAIRO_SHIM_H

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#endif

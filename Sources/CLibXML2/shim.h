// libxml2's HTML parser (a real, error-recovering HTML parser), for the source watch's text extraction.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its ICU headers clash with the copy Foundation bundles. Nothing here uses
// libxml2's ICU converters (only pointers to the handler struct whose tail they change), so leave them out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#ifndef PORTAL_CVIPS_SHIM_H
#define PORTAL_CVIPS_SHIM_H
// libvips's calls take their options as a NULL-terminated variadic list, which Swift cannot
// call; these non-variadic wrappers fix the options the portal uses.
//
// Who owns what, as vips.h defines it:
// - `vips_thumbnail_buffer` reads the caller's buffer while it runs (the buffer must outlive the
//   image, so the wrapper saves before it returns) and hands back an image the caller unrefs.
// - The `*save_buffer` calls hand back a buffer allocated with g_malloc: freed with
//   `portal_vips_free`.
//
// The declarations below are libvips 8's and GLib 2's own (vips/vips.h, glib.h), written out so
// that the build needs neither their headers' folders nor their pkg-config flags: what the
// portal calls is this short list, stable across libvips 8 releases.
#include <stddef.h>

typedef struct _VipsImage VipsImage;
typedef void (*portal_log_function)(const char *domain, int level, const char *message, void *data);

int vips_init(const char *argv0);
void vips_concurrency_set(int concurrency);
void vips_cache_set_max(int max);
int vips_thumbnail_buffer(void *buf, size_t len, VipsImage **out, int width, ...);
int vips_jpegsave_buffer(VipsImage *in, void **buf, size_t *len, ...);
int vips_pngsave_buffer(VipsImage *in, void **buf, size_t *len, ...);
int vips_webpsave_buffer(VipsImage *in, void **buf, size_t *len, ...);
const char *vips_error_buffer(void);
void vips_error_clear(void);
const char *vips_version_string(void);
void g_object_unref(void *object);
void g_free(void *memory);
unsigned int g_log_set_handler(const char *domain, int levels, portal_log_function function, void *data);

/// vips/image.h's VIPS_MAX_COORD, resample.h's VIPS_SIZE_DOWN, GLib's G_LOG_LEVEL_WARNING and TRUE.
enum { PORTAL_VIPS_MAX_COORD = 10000000, PORTAL_VIPS_SIZE_DOWN = 2, PORTAL_LOG_LEVEL_WARNING = 1 << 4, PORTAL_TRUE = 1 };

/// Drops vips's warnings, which it would print on standard error in the middle of the build's
/// own output: a damaged photo fails, and the build's error says why; a minor flaw that vips
/// reads past is no reason to stop.
static void portal_vips_ignore(const char *domain, int level, const char *message, void *data) {}

/// Starts libvips once per process. Each image is worked on by one thread: the portal runs
/// many images at once itself, and one thread per image gives the same bytes on every machine.
static inline int portal_vips_start(void) {
    if (vips_init("portal") != 0) return -1;
    g_log_set_handler("VIPS", PORTAL_LOG_LEVEL_WARNING, portal_vips_ignore, NULL);
    vips_concurrency_set(1);
    // Every photo is read once: vips's cache of operations would only hold memory.
    vips_cache_set_max(0);
    return 0;
}

/// The formats the portal writes.
typedef enum { PORTAL_VIPS_JPEG = 0, PORTAL_VIPS_PNG = 1, PORTAL_VIPS_WEBP = 2 } portal_vips_format;

/// Decodes `length` bytes of `data`, turns the image upright by its EXIF orientation, shrinks it
/// to `width` pixels wide (never enlarges it) and encodes it as `format` without any metadata
/// (no EXIF, XMP, IPTC or colour profile: a photo with a profile is converted to sRGB first). Returns 0 and a
/// buffer to free with `portal_vips_free`, or -1 with the reason in vips's error buffer.
static inline int portal_vips_resize(
    const void *data, size_t length, int width, portal_vips_format format, int quality, void **out, size_t *outLength) {
    VipsImage *image = NULL;
    *out = NULL;
    *outLength = 0;
    // The height is left free (the photo keeps its ratio), the photo is only ever shrunk, and a
    // damaged or cut-off file is refused (an option of the loader) rather than published with
    // grey parts.
    if (vips_thumbnail_buffer((void *)data, length, &image, width, "height", PORTAL_VIPS_MAX_COORD, "size", PORTAL_VIPS_SIZE_DOWN,
            "option_string", "[fail_on=error]", NULL) != 0) {
        return -1;
    }
    int result;
    switch (format) {
    case PORTAL_VIPS_PNG:
        result = vips_pngsave_buffer(image, out, outLength, "strip", PORTAL_TRUE, "compression", 9, NULL);
        break;
    case PORTAL_VIPS_WEBP:
        result = vips_webpsave_buffer(image, out, outLength, "strip", PORTAL_TRUE, "Q", quality, NULL);
        break;
    default:
        result = vips_jpegsave_buffer(image, out, outLength, "strip", PORTAL_TRUE, "Q", quality, "optimize_coding", PORTAL_TRUE,
            "interlace", PORTAL_TRUE, NULL);
        break;
    }
    g_object_unref(image);
    return result;
}

/// The last errors vips recorded on this process, then forgotten. The text belongs to vips
/// until the next call: copy it at once.
static inline const char *portal_vips_error(void) { return vips_error_buffer(); }
static inline void portal_vips_clear_error(void) { vips_error_clear(); }

static inline void portal_vips_free(void *buffer) { g_free(buffer); }

static inline const char *portal_vips_version(void) { return vips_version_string(); }

#endif

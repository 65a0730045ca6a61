/* SPDX-License-Identifier: MIT */
/*
 * PDF letters: the agency's emblem. The model carries it as a data URI
 * (doc/letter-model.md); a PDF takes PNG only, as doc/letterhead.md says.
 * Anything else, and anything that is not a sound, reasonably sized PNG,
 * is left out without a word, as the HTML letter leaves out an image it
 * will not embed. Nothing is ever fetched.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/pdf.h"

#define PREFIX "data:image/png;base64,"
/* An emblem, not a photograph: bounds that keep a hostile letterhead
 * from making lerq allocate gigabytes (a PNG of 50000 x 50000 pixels
 * compresses to almost nothing). */
#define MAX_BYTES (4u << 20)
#define MAX_SIDE 4096u

static int sextet(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* Base64, white space ignored, '=' only at the end. NULL for anything
 * else or anything too big. */
static unsigned char *base64_decode(const char *s, size_t *size)
{
	size_t n = strlen(s);
	if (n / 4 * 3 > MAX_BYTES)
		return NULL;
	unsigned char *out = malloc(n / 4 * 3 + 3);
	if (out == NULL)
		return NULL;
	size_t len = 0, bits = 0, pad = 0;
	uint32_t acc = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			continue;
		if (*p == '=') {
			pad++;
			continue;
		}
		int v = sextet(*p);
		if (v < 0 || pad > 0)
			goto bad;
		acc = (acc << 6) | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[len++] = (unsigned char)(acc >> bits);
		}
	}
	if (pad > 2)
		goto bad;
	*size = len;
	return out;
bad:
	free(out);
	return NULL;
}

struct reader {
	const unsigned char *data;
	size_t size, at;
};

static cairo_status_t read_png(void *closure, unsigned char *data, unsigned int length)
{
	struct reader *r = closure;
	if (length > r->size - r->at)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, r->data + r->at, length);
	r->at += length;
	return CAIRO_STATUS_SUCCESS;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The size from the PNG's header, checked before anything is decoded. */
static bool png_size_ok(const unsigned char *p, size_t n)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	if (n < 24 || memcmp(p, sig, 8) != 0 || memcmp(p + 12, "IHDR", 4) != 0)
		return false;
	uint32_t w = be32(p + 16), h = be32(p + 20);
	return w > 0 && h > 0 && w <= MAX_SIDE && h <= MAX_SIDE;
}

cairo_surface_t *lerq__pdf_logo_load(const char *src)
{
	while (*src == ' ' || *src == '\t' || *src == '\n' || *src == '\r')
		src++;
	if (strncmp(src, PREFIX, strlen(PREFIX)) != 0)
		return NULL;
	size_t size;
	unsigned char *png = base64_decode(src + strlen(PREFIX), &size);
	if (png == NULL)
		return NULL;
	cairo_surface_t *img = NULL;
	if (png_size_ok(png, size)) {
		/* cairo's PNG reader gives libpng handlers that print
		 * nothing. */
		struct reader r = { png, size, 0 };
		img = cairo_image_surface_create_from_png_stream(read_png, &r);
		if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS ||
		    cairo_image_surface_get_width(img) <= 0 ||
		    cairo_image_surface_get_height(img) <= 0) {
			cairo_surface_destroy(img);
			img = NULL;
		}
	}
	free(png);
	return img;
}

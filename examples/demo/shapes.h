/* shapes: a tiny C library used by the h2rs demo.
 *
 * It exercises what a binding generator has to get right: a struct with
 * bitfields, a union holding an anonymous struct, a C enum, a fixed-size
 * char array, a function-pointer callback, a global variable, size_t and
 * object-like macro constants. */
#ifndef SHAPES_H
#define SHAPES_H

#include <stddef.h>
#include <stdint.h>

#define SHAPES_VERSION 3
#define SHAPES_NAME_LEN 16
#define SHAPES_MAX_LAYER ((1 << 4) - 1)

/** What kind of shape a `struct shape` holds. */
enum shape_kind {
	SHAPE_CIRCLE,
	SHAPE_RECT,
	SHAPE_POLYGON = 5,
};

/** A point in the plane. */
struct point {
	double x;
	double y;
};

/** A shape: a kind, three bitfields, and kind-specific data in a union. */
struct shape {
	enum shape_kind kind;
	unsigned int visible : 1;
	unsigned int layer : 4;   /* 0..SHAPES_MAX_LAYER */
	unsigned int color : 24;  /* 0xRRGGBB */
	union {
		double radius;        /* SHAPE_CIRCLE */
		struct {
			double w, h;
		} rect;               /* SHAPE_RECT */
		uint32_t npoints;     /* SHAPE_POLYGON */
	} u;
	struct point origin;
	char name[SHAPES_NAME_LEN];
};

/** Called once per shape by shapes_visit(). */
typedef void (*shape_visitor)(const struct shape *s, double area, void *user);

/** Number of shapes initialised by the shape_init_* functions so far. */
extern int shapes_created;

void shape_init_circle(struct shape *s, const char *name, double x, double y, double r);
void shape_init_rect(struct shape *s, const char *name, double x, double y, double w, double h);
/** Area of a shape (polygons: 0, use polygon_area). */
double shape_area(const struct shape *s);
/** Area of a simple polygon by the shoelace formula. */
double polygon_area(const struct point *pts, size_t n);
/** Static name of a kind, e.g. "circle". */
const char *shape_kind_name(enum shape_kind k);
/** Calls cb(s, area, user) for each visible shape; returns how many. */
unsigned int shapes_visit(const struct shape *shapes, size_t n, shape_visitor cb, void *user);

#endif

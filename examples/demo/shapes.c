#include "shapes.h"

#include <string.h>

#define PI 3.14159265358979323846

int shapes_created;

static void shape_init(struct shape *s, enum shape_kind kind, const char *name, double x, double y)
{
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->visible = 1;
	s->layer = 1;
	s->color = 0x336699;
	s->origin.x = x;
	s->origin.y = y;
	strncpy(s->name, name, SHAPES_NAME_LEN - 1);
	shapes_created++;
}

void shape_init_circle(struct shape *s, const char *name, double x, double y, double r)
{
	shape_init(s, SHAPE_CIRCLE, name, x, y);
	s->u.radius = r;
}

void shape_init_rect(struct shape *s, const char *name, double x, double y, double w, double h)
{
	shape_init(s, SHAPE_RECT, name, x, y);
	s->u.rect.w = w;
	s->u.rect.h = h;
}

double shape_area(const struct shape *s)
{
	switch (s->kind) {
	case SHAPE_CIRCLE:
		return PI * s->u.radius * s->u.radius;
	case SHAPE_RECT:
		return s->u.rect.w * s->u.rect.h;
	default:
		return 0;
	}
}

double polygon_area(const struct point *pts, size_t n)
{
	double a = 0;
	for (size_t i = 0; i < n; i++) {
		const struct point *p = &pts[i], *q = &pts[(i + 1) % n];
		a += p->x * q->y - q->x * p->y;
	}
	return a < 0 ? -a / 2 : a / 2;
}

const char *shape_kind_name(enum shape_kind k)
{
	switch (k) {
	case SHAPE_CIRCLE:
		return "circle";
	case SHAPE_RECT:
		return "rect";
	case SHAPE_POLYGON:
		return "polygon";
	}
	return "?";
}

unsigned int shapes_visit(const struct shape *shapes, size_t n, shape_visitor cb, void *user)
{
	unsigned int count = 0;
	for (size_t i = 0; i < n; i++) {
		if (!shapes[i].visible)
			continue;
		if (cb)
			cb(&shapes[i], shape_area(&shapes[i]), user);
		count++;
	}
	return count;
}

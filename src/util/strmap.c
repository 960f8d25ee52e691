/* strmap.c — a string → pointer hash map (open addressing). */
#include "util.h"

#include <stdlib.h>
#include <string.h>

static size_t str_hash(const char *s)
{
	size_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	/* FNV's low bits mix poorly and the table masks them: fold */
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 32;
	return h;
}

static size_t strmap_slot(const struct strmap *m, const char *key, size_t h)
{
	size_t i = h & (m->cap - 1);
	const struct strmap_slot *sl = m->slots;
	while (sl[i].key && (sl[i].hash != h || strcmp(sl[i].key, key)))
		i = (i + 1) & (m->cap - 1);
	return i;
}

void *strmap_get(const struct strmap *m, const char *key)
{
	if (!m->cap)
		return NULL;
	size_t i = strmap_slot(m, key, str_hash(key));
	return m->slots[i].key ? m->slots[i].val : NULL;
}

/* Room for n keys without growing (at most half the slots in use). */
void strmap_reserve(struct strmap *m, size_t n)
{
	if ((n + 1) * 2 <= m->cap)
		return;
	struct strmap old = *m;
	m->cap = old.cap ? old.cap : 256;
	while ((n + 1) * 2 > m->cap)
		m->cap *= 2;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].key)
			m->slots[strmap_slot(m, old.slots[i].key, old.slots[i].hash)] = old.slots[i];
	free(old.slots);
}

void strmap_free(struct strmap *m)
{
	free(m->slots);
	*m = (struct strmap){0};
}

void strmap_put(struct strmap *m, const char *key, void *val)
{
	strmap_reserve(m, m->n); /* grows when the table is half full */
	size_t h = str_hash(key);
	size_t i = strmap_slot(m, key, h);
	if (!m->slots[i].key)
		m->n++;
	m->slots[i] = (struct strmap_slot){key, val, h};
}

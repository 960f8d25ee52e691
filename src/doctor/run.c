/* run.c — the doctor's small utilities: shell quoting, running commands,
 * files, PATH lookup, versions. */
#include "internal.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- small utilities ---- */

/* Append s to b quoted for /bin/sh. */
void sh_quote(struct buf *b, const char *s)
{
	if (*s &&
	    !s[strspn(
		s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+=./:,@%")]) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			buf_puts(b, "'\\''");
		else
			buf_putc(b, *s);
	}
	buf_putc(b, '\'');
}

char *sh_quoted(const char *s)
{
	struct buf b = {0};

	sh_quote(&b, s);
	return b.p;
}

/* Run a /bin/sh command, collect its stdout into out (may be NULL).
 * Returns the exit status, or -1 when it could not run or was killed. */
static int run_sh(const char *cmd, struct buf *out)
{
	char chunk[4096];
	size_t n;
	FILE *p = popen(cmd, "r");
	int st;

	if (!p)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		if (out)
			buf_putn(out, chunk, n);
	if (out && !out->p)
		buf_puts(out, "");
	st = pclose(p);
	if (st == -1 || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

/* Run a command built with a format; stdout into *out (allocated). */
int run_fmt(char **out, const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;
	char *cmd;
	int rc;

	va_start(ap, fmt);
	cmd = xvstrfmt(fmt, ap);
	va_end(ap);
	rc = run_sh(cmd, &b);
	free(cmd);
	if (out)
		*out = b.p;
	else
		buf_free(&b);
	return rc;
}

char *first_line(const char *s)
{
	if (!s)
		return xstrdup("");
	return strndup(s, strcspn(s, "\n"));
}

bool is_file(const char *path)
{
	struct stat st;

	return path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool is_dir(const char *path)
{
	struct stat st;

	return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_exec(const char *path)
{
	return is_file(path) && access(path, X_OK) == 0;
}

char *path_real(const char *path)
{
	char *r = realpath(path, NULL);

	return r ? r : xstrdup(path);
}

/* Resolve a command like the shell would: a path as is, else $PATH. */
char *path_which(const char *cmd)
{
	const char *path = getenv("PATH");
	const char *p, *end;

	if (!cmd || !*cmd)
		return NULL;
	if (strchr(cmd, '/'))
		return is_exec(cmd) ? xstrdup(cmd) : NULL;
	for (p = path ? path : "/usr/bin:/bin"; *p; p = *end ? end + 1 : end) {
		end = p + strcspn(p, ":");
		char *cand = xstrfmt("%.*s/%s", (int)(end - p), p, cmd);
		if (is_exec(cand))
			return cand;
		free(cand);
	}
	return NULL;
}

/* Find "<prefix>X.Y.Z" in text (the first match, any line). */
struct ver find_version(const char *text, const char *prefix)
{
	struct ver v = {0};
	const char *p = text;
	size_t n = strlen(prefix);

	while (p && (p = strstr(p, prefix))) {
		if (sscanf(p + n, "%d.%d.%d", &v.a, &v.b, &v.c) == 3) {
			v.ok = true;
			return v;
		}
		p += n;
	}
	return v;
}

long ver_num(struct ver v)
{
	return 100000L * v.a + 100L * v.b + v.c;
}

char *ver_str(struct ver v)
{
	return v.ok ? xstrfmt("%d.%d.%d", v.a, v.b, v.c) : xstrdup("?");
}

struct ver parse_ver(const char *s)
{
	struct ver v = {0};

	v.ok = s && sscanf(s, "%d.%d.%d", &v.a, &v.b, &v.c) == 3;
	return v;
}

/* Value of CONFIG_<name> in a .config: "y", "m", a string, "n" for
 * "# CONFIG_X is not set", NULL when absent. */
char *config_value(const char *path, const char *name)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *res = NULL;
	size_t cap = 0, n = strlen(name);

	if (!f)
		return NULL;
	while (getline(&line, &cap, f) > 0) {
		line[strcspn(line, "\n")] = 0;
		if (!strncmp(line, "CONFIG_", 7) && !strncmp(line + 7, name, n) &&
		    line[7 + n] == '=') {
			res = xstrdup(line + 8 + n);
			break;
		}
		if (!strncmp(line, "# CONFIG_", 9) && !strncmp(line + 9, name, n) &&
		    !strcmp(line + 9 + n, " is not set")) {
			res = xstrdup("n");
			break;
		}
	}
	free(line);
	fclose(f);
	return res;
}

bool copy_file(const char *from, const char *to)
{
	char *qf = sh_quoted(from), *qt = sh_quoted(to);
	int rc = run_fmt(NULL, "cp -- %s %s 2>/dev/null", qf, qt);

	free(qf);
	free(qt);
	return rc == 0;
}

const char *status_word(enum status st)
{
	static const char *const w[] = {"ok", "info", "warn", "FAIL"};
	return w[st];
}

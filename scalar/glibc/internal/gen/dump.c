/*
 * dump.c: print glibc's own character classification under C.UTF-8.
 *
 * Compiled and run by gen.go (go generate ./scalar/glibc/). For every code
 * point 0..0x10FFFF it calls iswprint, iswspace and wcwidth and prints one
 * line per run of equal raw (print, space, wcwidth) triples:
 *
 *   version <gnu_get_libc_version()>
 *   codeset <nl_langinfo(CODESET)>
 *   <lo hex> <print 0|1> <space 0|1> <wcwidth>
 *   ...
 *   end <number of runs>
 *
 * gen.go normalises and merges the runs; this program only reports facts.
 * It exits non-zero (and says why on stderr) if C.UTF-8 cannot be set.
 */
#define _GNU_SOURCE 1
#include <gnu/libc-version.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#define MAXCP 0x10FFFFu

int main(void) {
	if (sizeof(wchar_t) != 4) {
		fprintf(stderr, "dump: sizeof(wchar_t) is %zu, need 4\n", sizeof(wchar_t));
		return 2;
	}
	const char *loc = setlocale(LC_ALL, "C.UTF-8");
	if (loc == NULL) {
		fprintf(stderr, "dump: setlocale(LC_ALL, \"C.UTF-8\") failed: "
		                "the C.UTF-8 locale is not installed\n");
		return 2;
	}
	const char *cs = nl_langinfo(CODESET);
	if (cs == NULL || strcmp(cs, "UTF-8") != 0) {
		fprintf(stderr, "dump: locale %s has codeset %s, want UTF-8\n", loc,
		        cs ? cs : "(null)");
		return 2;
	}
	printf("version %s\n", gnu_get_libc_version());
	printf("codeset %s\n", cs);

	int pp = -1, ps = -1, pw = -2;
	unsigned long runs = 0;
	for (unsigned long cp = 0; cp <= MAXCP; cp++) {
		wint_t wc = (wint_t)cp;
		int p = iswprint(wc) != 0;
		int s = iswspace(wc) != 0;
		int w = wcwidth((wchar_t)cp);
		if (p != pp || s != ps || w != pw) {
			printf("%lx %d %d %d\n", cp, p, s, w);
			pp = p;
			ps = s;
			pw = w;
			runs++;
		}
	}
	printf("end %lu\n", runs);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("dump: write");
		return 2;
	}
	return 0;
}

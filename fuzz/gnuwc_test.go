package fuzz

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/simdwc/simdwc"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// gnuRuns are the gnu-* dialects and how GNU wc is run for each.
var gnuRuns = []struct {
	d   scalar.Dialect
	env []string
}{
	{scalar.GNUC, []string{"LC_ALL=C"}},
	{scalar.GNUUTF8, []string{"LC_ALL=C.UTF-8"}},
	{scalar.GNUUTF8Posix, []string{"LC_ALL=C.UTF-8", "POSIXLY_CORRECT=1"}},
}

// findGNUWC returns GNU wc 9.1 ($SIMDWC_WC, else wc on PATH), or why it
// cannot be used here.
func findGNUWC() (string, string) {
	wc := os.Getenv("SIMDWC_WC")
	if wc == "" {
		var err error
		if wc, err = exec.LookPath("wc"); err != nil {
			return "", "no wc on PATH (set SIMDWC_WC to a GNU coreutils 9.1 wc)"
		}
	}
	out, err := exec.Command(wc, "--version").Output()
	if err != nil || !strings.Contains(string(out), "GNU coreutils") {
		return "", wc + " is not GNU coreutils wc"
	}
	first, _, _ := strings.Cut(string(out), "\n")
	if !strings.HasSuffix(first, " 9.1") {
		// The gnu-* dialects are wc 9.1 exactly; later versions count
		// differently (9.5+ has no transparent chars) by design.
		return "", wc + " is " + strconv.Quote(first) + ", not 9.1, whose counts the gnu-* dialects reproduce"
	}
	if !hasLocale("C.UTF-8") {
		return "", "the C.UTF-8 locale is not installed (locale -a)"
	}
	return wc, ""
}

func hasLocale(name string) bool {
	out, err := exec.Command("locale", "-a").Output()
	if err != nil {
		return false
	}
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "-", "")) }
	for _, l := range strings.Fields(string(out)) {
		if norm(l) == norm(name) {
			return true
		}
	}
	return false
}

// fuzzing reports whether this run is fuzzing (-test.fuzz given) rather
// than checking the seed corpus.
func fuzzing() bool {
	fl := flag.Lookup("test.fuzz")
	return fl != nil && fl.Value.String() != ""
}

// runWC counts data with wc -l -w -m -c -L on stdin.
func runWC(t *testing.T, wc string, env []string, data []byte) scalar.Counts {
	t.Helper()
	cmd := exec.Command(wc, "-l", "-w", "-m", "-c", "-L")
	cmd.Env = env
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %v: %v", wc, env, err)
	}
	f := strings.Fields(string(out))
	if len(f) != 5 {
		t.Fatalf("%s %v printed %q, want five numbers", wc, env, out)
	}
	var c scalar.Counts
	for i, dst := range []*uint64{&c.Lines, &c.Words, &c.Chars, &c.Bytes, &c.MaxLineLength} {
		if *dst, err = strconv.ParseUint(f[i], 10, 64); err != nil {
			t.Fatalf("%s %v printed %q: %v", wc, env, out, err)
		}
	}
	return c
}

// FuzzGNUWC compares the gnu-* dialects with the real GNU wc 9.1 (LC_ALL=C,
// LC_ALL=C.UTF-8, and C.UTF-8 with POSIXLY_CORRECT), both the reference
// and the default fast path (simdwc.Count). Three execs per input: slow,
// and meant to be.
func FuzzGNUWC(f *testing.F) {
	wc, why := findGNUWC()
	if why != "" {
		f.Skip("skipping the differential test against GNU wc: " + why)
	}
	// The golden vectors are wc 9.1's own output, checked against the
	// reference elsewhere; running wc on them again only pays when they
	// seed the fuzzer.
	if fuzzing() {
		for _, in := range goldenInputs(f) {
			f.Add(in)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, r := range gnuRuns {
			want := runWC(t, wc, r.env, data)
			if got := scalar.CountAll(data, r.d); got != want {
				mismatch(t, "the reference, against GNU wc "+strings.Join(r.env, " "), r.d, "reference", data, got, want, "want is what wc printed")
			}
			if got := simdwc.Count(data, r.d); got != want {
				mismatch(t, "simdwc.Count, against GNU wc "+strings.Join(r.env, " "), r.d, simd.Selected().Name, data, got, want, "want is what wc printed")
			}
		}
	})
}

package fuzz

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
	c, err := parseWCLine(string(out), 5)
	if err != nil {
		t.Fatalf("%s %v printed %q: %v", wc, env, out, err)
	}
	return c
}

// parseWCLine reads the five counts of one line of wc -lwmcL's output,
// which has fields fields in all (5 on stdin, 6 with a file's name).
func parseWCLine(line string, fields int) (scalar.Counts, error) {
	f := strings.Fields(line)
	if len(f) != fields {
		return scalar.Counts{}, fmt.Errorf("%d fields, want %d", len(f), fields)
	}
	var c scalar.Counts
	for i, dst := range []*uint64{&c.Lines, &c.Words, &c.Chars, &c.Bytes, &c.MaxLineLength} {
		var err error
		if *dst, err = strconv.ParseUint(f[i], 10, 64); err != nil {
			return scalar.Counts{}, err
		}
	}
	return c, nil
}

// seedCorpus reads target's seed corpus (testdata/fuzz/<target>/*) as the
// testing package does, for targets of one []byte argument, each input once. A file it
// cannot read is left out: the cache it feeds is keyed by the bytes, so a
// file left out only costs that input its own execs of wc.
func seedCorpus(target string) [][]byte {
	names, _ := filepath.Glob(filepath.Join("testdata", "fuzz", target, "*"))
	var ins [][]byte
	seen := map[string]bool{}
	for _, name := range names {
		raw, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		head, arg, ok := strings.Cut(strings.TrimSpace(string(raw)), "\n")
		if !ok || head != "go test fuzz v1" || !strings.HasPrefix(arg, "[]byte(") || !strings.HasSuffix(arg, ")") {
			continue
		}
		s, err := strconv.Unquote(arg[len("[]byte(") : len(arg)-1])
		if err != nil {
			continue
		}
		if !seen[s] { // the answers are keyed by the bytes
			seen[s] = true
			ins = append(ins, []byte(s))
		}
	}
	return ins
}

// wcAnswers runs wc once per gnuRuns entry over every input, each as a
// file of its own, and returns wc's counts by input: one exec per dialect
// for the whole seed corpus instead of one per input. Under qemu (the
// cross-arch runs) every exec forks an emulator with the test binary's
// whole address space, slowly, and now and then not at all.
func wcAnswers(f *testing.F, wc string, inputs [][]byte) map[string][]scalar.Counts {
	f.Helper()
	if len(inputs) == 0 {
		return nil
	}
	dir := f.TempDir()
	names := make([]string, len(inputs))
	for i, in := range inputs {
		names[i] = filepath.Join(dir, fmt.Sprintf("in%04d", i))
		if err := os.WriteFile(names[i], in, 0o644); err != nil {
			f.Fatal(err)
		}
	}
	answers := make(map[string][]scalar.Counts, len(inputs))
	for _, r := range gnuRuns {
		cmd := exec.Command(wc, append([]string{"-l", "-w", "-m", "-c", "-L"}, names...)...)
		cmd.Env = r.env
		out, err := cmd.Output()
		if err != nil {
			f.Fatalf("%s %v on %d files: %v", wc, r.env, len(names), err)
		}
		lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		if len(lines) != len(names)+1 { // and a total
			f.Fatalf("%s %v printed %d lines for %d files", wc, r.env, len(lines), len(names))
		}
		for i, line := range lines[:len(names)] {
			if !strings.HasSuffix(line, " "+names[i]) {
				f.Fatalf("%s %v: line %d is %q, not for %s", wc, r.env, i, line, names[i])
			}
			c, err := parseWCLine(line, 6)
			if err != nil {
				f.Fatalf("%s %v printed %q: %v", wc, r.env, line, err)
			}
			answers[string(inputs[i])] = append(answers[string(inputs[i])], c)
		}
	}
	return answers
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
	// The seed corpus, which go test ./... runs everywhere (qemu too), is
	// counted by wc up front, a few execs in all.
	answers := wcAnswers(f, wc, seedCorpus("FuzzGNUWC"))
	f.Fuzz(func(t *testing.T, data []byte) {
		known := answers[string(data)]
		for i, r := range gnuRuns {
			var want scalar.Counts
			if len(known) == len(gnuRuns) {
				want = known[i]
			} else {
				want = runWC(t, wc, r.env, data)
			}
			if got := scalar.CountAll(data, r.d); got != want {
				mismatch(t, "the reference, against GNU wc "+strings.Join(r.env, " "), r.d, "reference", data, got, want, "want is what wc printed")
			}
			if got := simdwc.Count(data, r.d); got != want {
				mismatch(t, "simdwc.Count, against GNU wc "+strings.Join(r.env, " "), r.d, simd.Selected().Name, data, got, want, "want is what wc printed")
			}
		}
	})
}

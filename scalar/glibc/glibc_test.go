package glibc

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestGlibcVersion(t *testing.T) {
	require.Equal(t, "2.36", GlibcVersion(), "the committed table must come from Debian 12's glibc 2.36")
}

func TestTableInvariants(t *testing.T) {
	require.Len(t, ranges, numRanges)
	require.Equal(t, uint32(0), ranges[0].lo)
	for i, r := range ranges {
		require.LessOrEqual(t, r.lo, uint32(MaxRune), "range %d", i)
		require.Zero(t, r.p&^(propPrint|propSpace|propWidthMask), "range %d: unknown bits %#x", i, r.p)
		require.LessOrEqual(t, r.p.Width(), 2, "range %d", i)
		if !r.p.Print() {
			require.Zero(t, r.p.Width(), "range %d: non-printable with width", i)
		}
		if i > 0 {
			require.Less(t, ranges[i-1].lo, r.lo, "range %d not sorted", i)
			require.NotEqual(t, ranges[i-1].p, r.p, "range %d not maximal", i)
		}
	}
	// Debian 12's glibc 2.36: 2,047 runs of raw (iswprint, iswspace,
	// wcwidth); NUL (wcwidth 0) and U+0001.. (wcwidth -1) fold into one run
	// once non-printable widths are stored as 0.
	require.Equal(t, 2046, numRanges)
}

// TestLookupMatchesRanges checks Lookup (the Latin-1 array and the binary
// search) against a linear walk of the ranges for every code point.
func TestLookupMatchesRanges(t *testing.T) {
	j := 0
	for cp := uint32(0); cp <= MaxRune; cp++ {
		for j+1 < len(ranges) && ranges[j+1].lo <= cp {
			j++
		}
		if got := Lookup(cp); got != ranges[j].p {
			require.Equal(t, ranges[j].p, got, "U+%04X", cp)
		}
	}
}

func TestNonPrintableCount(t *testing.T) {
	n := 0
	for cp := uint32(0); cp <= MaxRune; cp++ {
		if !Lookup(cp).Print() {
			n++
		}
	}
	require.Equal(t, 831949, n)
	require.Equal(t, numNonPrint, n)
}

func TestDocumentedFacts(t *testing.T) {
	type want struct {
		print, space bool
		width        int
	}
	cases := []struct {
		cp   uint32
		name string
		want want
	}{
		{0x0000, "NUL", want{false, false, 0}},
		{0x0009, "TAB", want{false, true, 0}},
		{0x000A, "LF", want{false, true, 0}},
		{0x0020, "SPACE", want{true, true, 1}},
		{0x0041, "A", want{true, false, 1}},
		{0x007F, "DEL", want{false, false, 0}},
		{0x0085, "NEL", want{false, false, 0}},
		{0x00A0, "NO-BREAK SPACE", want{true, false, 1}},
		{0x00AD, "SOFT HYPHEN", want{true, false, 1}},
		{0x00E9, "e acute", want{true, false, 1}},
		{0x0300, "COMBINING GRAVE", want{true, false, 0}},
		{0x1160, "HANGUL JUNGSEONG FILLER", want{true, false, 0}},
		{0x11FF, "HANGUL JONGSEONG SSANGNIEUN", want{true, false, 0}},
		{0x1680, "OGHAM SPACE MARK", want{true, true, 1}},
		{0x180E, "MONGOLIAN VOWEL SEPARATOR", want{true, false, 0}},
		{0x2007, "FIGURE SPACE", want{true, false, 1}},
		{0x200B, "ZERO WIDTH SPACE", want{true, false, 0}},
		{0x2028, "LINE SEPARATOR", want{false, true, 0}},
		{0x2029, "PARAGRAPH SEPARATOR", want{false, true, 0}},
		{0x202F, "NARROW NO-BREAK SPACE", want{true, false, 1}},
		{0x2060, "WORD JOINER", want{true, false, 0}},
		{0x3000, "IDEOGRAPHIC SPACE", want{true, true, 2}},
		{0x4E00, "CJK ONE", want{true, false, 2}},
		{0xD800, "surrogate", want{false, false, 0}},
		{0xFEFF, "BOM", want{true, false, 0}},
		{0xFFFE, "noncharacter", want{false, false, 0}},
		{0xFFFF, "noncharacter", want{false, false, 0}},
		{0x1F1E6, "REGIONAL INDICATOR A", want{true, false, 1}},
		{0x1F600, "GRINNING FACE", want{true, false, 2}},
		{0x10FFFF, "last code point", want{false, false, 0}},
		{0x110000, "above U+10FFFF", want{false, false, 0}},
		{0x7FFFFFFF, "6-byte maximum", want{false, false, 0}},
		{0xFFFFFFFF, "uint32 maximum", want{false, false, 0}},
	}
	for _, c := range cases {
		p := Lookup(c.cp)
		got := want{p.Print(), p.Space(), p.Width()}
		require.Equal(t, c.want, got, "U+%04X %s", c.cp, c.name)
	}
	for cp := uint32(0x1160); cp <= 0x11FF; cp++ {
		require.Equal(t, 0, Lookup(cp).Width(), "Hangul jamo U+%04X", cp)
		require.True(t, Lookup(cp).Print(), "Hangul jamo U+%04X", cp)
	}
}

// TestSpaceSet: glibc 2.36's iswspace in UTF-8 locales is exactly these 20
// code points (gnu-wc-notes.md section 3.2).
func TestSpaceSet(t *testing.T) {
	want := []uint32{
		0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x0020, 0x1680,
		0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
		0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x205F, 0x3000,
	}
	var got []uint32
	for cp := uint32(0); cp <= MaxRune; cp++ {
		if Lookup(cp).Space() {
			got = append(got, cp)
		}
	}
	require.Equal(t, want, got)
}

func TestLookupNoAlloc(t *testing.T) {
	var sink Props
	allocs := testing.AllocsPerRun(100, func() {
		for _, cp := range []uint32{0x41, 0xAD, 0x3000, 0x1F600, 0x10FFFF, 0x110000} {
			sink ^= Lookup(cp)
		}
	})
	require.Zero(t, allocs)
	_ = sink
}

// TestRegenerate reruns the generator against this machine's glibc and
// requires the committed table.go back byte for byte. It needs cc, go and
// the C.UTF-8 locale, and skips (saying which is missing) without them.
func TestRegenerate(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping table regeneration in -short mode")
	}
	if _, err := exec.LookPath("cc"); err != nil && os.Getenv("CC") == "" {
		t.Skipf("skipping table regeneration: no C compiler: %v", err)
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("skipping table regeneration: no go command on PATH: %v", err)
	}
	out, err := exec.Command("locale", "-a").Output()
	if err != nil {
		t.Skipf("skipping table regeneration: cannot list locales with `locale -a`: %v", err)
	}
	hasCUTF8 := false
	for _, l := range strings.Fields(string(out)) {
		if l := strings.ToLower(l); l == "c.utf8" || l == "c.utf-8" {
			hasCUTF8 = true
		}
	}
	if !hasCUTF8 {
		t.Skip("skipping table regeneration: `locale -a` does not list C.utf8 (C.UTF-8 locale not installed)")
	}

	dst := filepath.Join(t.TempDir(), "table.go")
	start := time.Now()
	cmd := exec.Command(goBin, "run", "./internal/gen/gen.go", "-o", dst)
	// The generator runs on this machine: when the tests are cross-built
	// (GOARCH=arm64 go test -exec qemu-…), build it for the host instead.
	cmd.Env = hostEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Run(), "generator failed: %s", stderr.String())
	t.Logf("regenerated the table in %v", time.Since(start).Round(time.Millisecond))

	got, err := os.ReadFile(dst)
	require.NoError(t, err)
	committed, err := os.ReadFile("table.go")
	require.NoError(t, err)
	if !bytes.Equal(committed, got) {
		if v := GlibcVersion(); !bytes.Contains(got, []byte("glibc "+v+" ")) {
			t.Logf("note: this machine's glibc differs from the committed table's glibc %s", v)
		}
		require.Equal(t, string(committed), string(got), "table.go is stale: run go generate ./scalar/glibc/")
	}
}

func BenchmarkLookup(b *testing.B) {
	cps := []uint32{0x41, 0xE9, 0x3B1, 0x4E00, 0x1F600, 0x200B, 0xAC00, 0x10FFFF}
	var sink Props
	for i := 0; b.Loop(); i++ {
		sink ^= Lookup(cps[i&7])
	}
	_ = sink
}

// hostEnv is the environment without the cross-compilation variables.
func hostEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOARCH=") && !strings.HasPrefix(kv, "GOOS=") && !strings.HasPrefix(kv, "GO386=") {
			env = append(env, kv)
		}
	}
	return env
}

// Runs covers U+0000..MaxRune in order and agrees with Lookup at each
// run's first and last code point.
func TestRuns(t *testing.T) {
	var los []uint32
	var ps []Props
	for lo, p := range Runs {
		los = append(los, lo)
		ps = append(ps, p)
	}
	require.Len(t, los, numRanges)
	require.Equal(t, uint32(0), los[0])
	for i := range los {
		end := uint32(MaxRune)
		if i+1 < len(los) {
			end = los[i+1] - 1
		}
		require.Equal(t, Lookup(los[i]), ps[i])
		require.Equal(t, Lookup(end), ps[i])
	}
}

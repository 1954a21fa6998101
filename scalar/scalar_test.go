package scalar_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/internal/spectest"
	"github.com/simdwc/simdwc/scalar"
)

func TestGoldenVectors(t *testing.T) {
	vs, err := spectest.Vectors()
	require.NoError(t, err)
	require.Greater(t, len(vs), 3000)
	for _, v := range vs {
		got := scalar.CountAll(v.Input, v.Dialect)
		if !assert.Equal(t, v.Want, got, "%s %s input %x", v.Name, v.Dialect, v.Input) {
			continue
		}
		// One chunk, as the streaming layers see it, gives the same.
		assert.Equal(t, v.Want, scalar.Count(v.Input, v.Dialect).Counts(), "%s %s as a chunk", v.Name, v.Dialect)
	}
}

func TestParseDialect(t *testing.T) {
	for _, d := range scalar.Dialects() {
		got, err := scalar.ParseDialect(d.String())
		require.NoError(t, err)
		assert.Equal(t, d, got)
	}
	_, err := scalar.ParseDialect("latin1")
	assert.ErrorContains(t, err, `unknown dialect "latin1"`)
	assert.Equal(t, "Dialect(99)", scalar.Dialect(99).String())
}

// utf8 is Go's semantics: cross-check with the standard library.
func TestUTF8MatchesStdlib(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 3000; i++ {
		p := spectest.RandomText(rng, rng.IntN(200))
		c := scalar.CountAll(p, scalar.UTF8)
		require.Equal(t, uint64(len(bytes.FieldsFunc(p, unicode.IsSpace))), c.Words, "%q", p)
		require.Equal(t, uint64(utf8.RuneCount(p)), c.Chars, "%q", p)
		require.Equal(t, uint64(bytes.Count(p, []byte("\n"))), c.Lines, "%q", p)
		var longest uint64
		for _, line := range bytes.Split(p, []byte("\n")) {
			longest = max(longest, uint64(utf8.RuneCount(line)))
		}
		require.Equal(t, longest, c.MaxLineLength, "%q", p)
		a := scalar.CountAll(p, scalar.ASCII)
		require.Equal(t, uint64(len(bytes.Fields(asciiOnlySpaces(p)))), a.Words, "%q", p)
	}
}

// asciiOnlySpaces hides the non-ASCII spaces bytes.Fields would see.
func asciiOnlySpaces(p []byte) []byte {
	q := bytes.Clone(p)
	for i, b := range q {
		if b >= 0x80 {
			q[i] = 'x'
		}
	}
	return q
}

// Counting A‖B must equal merging the Partials of A and B, for every way of
// cutting the input: inside words, transparent runs, tab runs and
// multi-byte sequences.
func TestMergeSplits(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, d := range scalar.Dialects() {
		for i := 0; i < 1500; i++ {
			p := spectest.RandomText(rng, rng.IntN(120))
			want := scalar.CountAll(p, d)
			// every single cut point
			if i%10 == 0 {
				for k := 0; k <= len(p); k++ {
					got := scalar.Count(p[:k], d).Merge(scalar.Count(p[k:], d)).Counts()
					require.Equal(t, want, got, "%s cut at %d of %x", d, k, p)
				}
			}
			// many random pieces, merged left to right and as a tree
			cuts := randomCuts(rng, len(p))
			parts := make([]scalar.Partial, len(cuts)-1)
			acc := scalar.Partial{}
			for j := range parts {
				parts[j] = scalar.Count(p[cuts[j]:cuts[j+1]], d)
				acc = acc.Merge(parts[j])
			}
			require.Equal(t, want, acc.Counts(), "%s pieces %v of %x", d, cuts, p)
			require.Equal(t, want, mergeTree(parts).Counts(), "%s tree %v of %x", d, cuts, p)
		}
	}
}

func randomCuts(rng *rand.Rand, n int) []int {
	cuts := []int{0}
	for c := 0; c < n; {
		c += rng.IntN(8)
		cuts = append(cuts, min(c, n))
	}
	return append(cuts, n)
}

func mergeTree(ps []scalar.Partial) scalar.Partial {
	switch len(ps) {
	case 0:
		return scalar.Partial{}
	case 1:
		return ps[0]
	}
	return mergeTree(ps[:len(ps)/2]).Merge(mergeTree(ps[len(ps)/2:]))
}

// Cols composes like stepping column by column.
func TestColsCompose(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 20000; i++ {
		var f scalar.Cols
		var ops []int // -1 = tab, else add n
		for j := rng.IntN(6); j > 0; j-- {
			if rng.IntN(2) == 0 {
				ops = append(ops, -1)
				f = f.Then(scalar.Tab())
			} else {
				n := rng.IntN(11)
				ops = append(ops, n)
				f = f.Then(scalar.AddN(uint64(n)))
			}
		}
		x := uint64(rng.IntN(40))
		col := x
		for _, op := range ops {
			if op < 0 {
				col += 8 - col%8
			} else {
				col += uint64(op)
			}
		}
		require.Equal(t, col, f.Apply(x), "ops %v from %d", ops, x)
	}
}

func TestMergeDifferentDialectsPanics(t *testing.T) {
	a := scalar.Count([]byte("a"), scalar.ASCII)
	b := scalar.Count([]byte("b"), scalar.GNUC)
	assert.Panics(t, func() { a.Merge(b) })
}

// The GNU dialects against the real GNU wc, when this machine has it.
func TestGNUAgainstRealWC(t *testing.T) {
	wc, err := exec.LookPath("wc")
	if err != nil {
		t.Skip("skipping: no wc on PATH")
	}
	out, err := exec.Command(wc, "--version").Output()
	if err != nil || !strings.Contains(string(out), "GNU coreutils") {
		t.Skip("skipping: wc on PATH is not GNU coreutils wc")
	}
	if !hasLocale("C.utf8") {
		t.Skip("skipping: the C.UTF-8 locale is not installed (locale -a)")
	}
	if !strings.Contains(string(out), " 9.1\n") {
		t.Logf("note: wc is %q, not 9.1; differences would be version changes", strings.SplitN(string(out), "\n", 2)[0])
	}
	rng := rand.New(rand.NewPCG(7, 8))
	dir := t.TempDir()
	const files = 60
	var names []string
	var inputs [][]byte
	for i := 0; i < files; i++ {
		p := spectest.RandomText(rng, rng.IntN(400))
		name := filepath.Join(dir, fmt.Sprintf("in%02d", i))
		require.NoError(t, os.WriteFile(name, p, 0o644))
		names, inputs = append(names, name), append(inputs, p)
	}
	for _, tc := range []struct {
		locale string
		posix  bool
		d      scalar.Dialect
	}{{"C", false, scalar.GNUC}, {"C.UTF-8", false, scalar.GNUUTF8}, {"C.UTF-8", true, scalar.GNUUTF8Posix}} {
		cmd := exec.Command(wc, append([]string{"-l", "-w", "-m", "-c", "-L"}, names...)...)
		cmd.Env = []string{"LC_ALL=" + tc.locale}
		if tc.posix {
			cmd.Env = append(cmd.Env, "POSIXLY_CORRECT=1")
		}
		out, err := cmd.Output()
		require.NoError(t, err)
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		require.Len(t, lines, files+1)
		for i, line := range lines[:files] {
			f := strings.Fields(line)
			require.Len(t, f, 6)
			var want scalar.Counts
			for j, dst := range []*uint64{&want.Lines, &want.Words, &want.Chars, &want.Bytes, &want.MaxLineLength} {
				*dst, err = strconv.ParseUint(f[j], 10, 64)
				require.NoError(t, err)
			}
			require.Equal(t, want, scalar.CountAll(inputs[i], tc.d), "%s posix=%v input %x", tc.locale, tc.posix, inputs[i])
		}
	}
}

func hasLocale(name string) bool {
	out, err := exec.Command("locale", "-a").Output()
	if err != nil {
		return false
	}
	for _, l := range strings.Fields(string(out)) {
		if strings.EqualFold(strings.ReplaceAll(l, "-", ""), strings.ReplaceAll(name, "-", "")) {
			return true
		}
	}
	return false
}

// The reference's speed per dialect: the baseline every fast path is a
// ratio against.
func BenchmarkReference(b *testing.B) {
	rng := rand.New(rand.NewPCG(9, 10))
	corpora := map[string][]byte{
		"english": spectest.EnglishText(rng, 1<<20),
		"mixed":   spectest.RandomText(rng, 1<<20),
	}
	for _, cname := range []string{"english", "mixed"} {
		p := corpora[cname]
		for _, d := range scalar.Dialects() {
			b.Run(cname+"/"+d.String(), func(b *testing.B) {
				b.SetBytes(int64(len(p)))
				b.ReportAllocs()
				for b.Loop() {
					scalar.CountAll(p, d)
				}
			})
		}
	}
}

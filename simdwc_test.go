package simdwc_test

import (
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc"
	"github.com/simdwc/simdwc/internal/spectest"
	"github.com/simdwc/simdwc/scalar"
)

func TestGoldenVectors(t *testing.T) {
	vs, err := spectest.Vectors()
	require.NoError(t, err)
	for _, v := range vs {
		assert.Equal(t, v.Want, simdwc.Count(v.Input, v.Dialect), "%s %s %x", v.Name, v.Dialect, v.Input)
		got, err := simdwc.CountReader(iotest.OneByteReader(strings.NewReader(string(v.Input))), v.Dialect)
		require.NoError(t, err)
		assert.Equal(t, v.Want, got, "%s %s byte by byte", v.Name, v.Dialect)
	}
}

func TestDialectNames(t *testing.T) {
	for name, d := range map[string]simdwc.Dialect{"utf8": simdwc.UTF8, "ascii": simdwc.ASCII, "gnu-c": simdwc.GNUC, "gnu-utf8": simdwc.GNUUTF8} {
		got, err := simdwc.ParseDialect(name)
		require.NoError(t, err)
		require.Equal(t, d, got)
		require.Equal(t, name, d.String())
	}
	var zero simdwc.Dialect
	require.Equal(t, simdwc.UTF8, zero, "UTF8 is the default")
}

// Any write sizes give the counts of one Count.
func TestCounterWriteSizes(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for i := 0; i < 400; i++ {
		p := spectest.RandomText(rng, rng.IntN(3000))
		for _, d := range scalar.Dialects() {
			want := scalar.CountAll(p, d)
			require.Equal(t, want, simdwc.Count(p, d))
			c := simdwc.NewCounter(d)
			for rest := p; len(rest) > 0; {
				n := min(len(rest), rng.IntN(70))
				m, err := c.Write(rest[:n])
				require.NoError(t, err)
				require.Equal(t, n, m)
				rest = rest[n:]
			}
			require.Equal(t, want, c.Counts(), "%s %x", d, p)
			c.Reset()
			require.Equal(t, scalar.Counts{}, c.Counts())
			_, _ = c.WriteString(string(p))
			require.Equal(t, want, c.Counts())
		}
	}
}

func TestNeedZeroesOthers(t *testing.T) {
	p := []byte("ab cd\tef\n")
	full := simdwc.Count(p, simdwc.GNUC)
	got := simdwc.Options{Dialect: simdwc.GNUC, Need: simdwc.Words}.Count(p)
	require.Equal(t, simdwc.Counts{Words: full.Words, Bytes: full.Bytes}, got)
	got = simdwc.Options{Dialect: simdwc.GNUC, Need: simdwc.MaxLineLength | simdwc.Lines}.Count(p)
	require.Equal(t, simdwc.Counts{Lines: 1, MaxLineLength: full.MaxLineLength, Bytes: full.Bytes}, got)
}

// A read error returns the counts so far with the error.
func TestCountReaderError(t *testing.T) {
	boom := errors.New("boom")
	r := io.MultiReader(strings.NewReader("two words\n"), iotest.ErrReader(boom))
	c, err := simdwc.CountReader(r, simdwc.UTF8)
	require.ErrorIs(t, err, boom)
	require.Equal(t, simdwc.Counts{Lines: 1, Words: 2, Chars: 10, Bytes: 10, MaxLineLength: 9}, c)
}

func TestCounterAllocatesNothing(t *testing.T) {
	p := []byte(strings.Repeat("some text, \xe2\x82\xac words\n", 50))
	for _, d := range scalar.Dialects() {
		c := simdwc.NewCounter(d)
		allocs := testing.AllocsPerRun(100, func() {
			c.Write(p[:333])
			c.Write(p[333:])
			_ = c.Counts()
			_ = simdwc.Count(p, d)
		})
		require.Zero(t, allocs, "%s", d)
	}
}

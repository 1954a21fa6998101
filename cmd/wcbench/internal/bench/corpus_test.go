package bench

import (
	"bytes"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/scalar"
)

func TestGenerateIsFixedAndExact(t *testing.T) {
	for _, name := range CorpusNames() {
		t.Run(name, func(t *testing.T) {
			a, err := Generate(name, 100_000)
			require.NoError(t, err)
			b, err := Generate(name, 100_000)
			require.NoError(t, err)
			assert.Len(t, a, 100_000)
			assert.Equal(t, a, b, "fixed seed: same bytes every run")
			big, err := Generate(name, tileSize+12345)
			require.NoError(t, err)
			assert.Len(t, big, tileSize+12345)
			assert.Equal(t, big[:12345], big[tileSize:], "beyond the tile the corpus repeats")
		})
	}
	_, err := Generate("klingon", 10)
	assert.ErrorContains(t, err, `unknown corpus "klingon"`)
}

func TestMultilingualText(t *testing.T) {
	p, err := Generate("multilingual", 256*KiB)
	require.NoError(t, err)
	// Only the final char may be cut.
	body := p[:bytes.LastIndexByte(p, '\n')+1]
	require.True(t, utf8.Valid(body))
	has := map[string]bool{}
	for _, r := range string(body) {
		switch {
		case r == 'é' || r == 'ø' || r == 'ż':
			has["latin accents"] = true
		case unicode.Is(unicode.Cyrillic, r):
			has["cyrillic"] = true
		case unicode.Is(unicode.Greek, r):
			has["greek"] = true
		case unicode.Is(unicode.Han, r):
			has["cjk"] = true
		case r >= 0x1F300 && r <= 0x1FAFF:
			has["emoji"] = true
		case r == 0x301:
			has["combining"] = true
		case r > 0x7f && unicode.IsSpace(r):
			has["unicode spaces"] = true
		}
	}
	for _, want := range []string{"latin accents", "cyrillic", "greek", "cjk", "emoji", "combining", "unicode spaces"} {
		assert.True(t, has[want], want)
	}
	c := scalar.CountAll(body, scalar.UTF8)
	assert.Greater(t, c.Lines, uint64(1000))
	assert.Less(t, c.Chars, c.Bytes, "multi-byte chars")
	assert.LessOrEqual(t, c.MaxLineLength, uint64(120), "lines of 30–90 bytes plus a word")
}

func TestWorstCases(t *testing.T) {
	p, err := Generate("alternating", 1000)
	require.NoError(t, err)
	assert.Equal(t, "a a a ", string(p[:6]))
	assert.Equal(t, uint64(500), scalar.CountAll(p, scalar.ASCII).Words)

	r, err := Generate("random", 64*KiB)
	require.NoError(t, err)
	_, n := RarestByte(r)
	assert.Positive(t, n, "every byte value occurs in 64 KiB of random bytes")
}

package simdwc_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc"
	"github.com/simdwc/simdwc/internal/spectest"
	"github.com/simdwc/simdwc/parallel"
	"github.com/simdwc/simdwc/scalar"
)

// Inputs above the cut-over take the parallel layer on every entry point
// and give the single-threaded counts, for every dialect and worker count.
func TestLargeInputs(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	dir := t.TempDir()
	for _, d := range scalar.Dialects() {
		p := spectest.RandomText(rng, 2*parallel.MinParallel(d)+rng.IntN(50000))
		if rng.IntN(2) == 0 {
			p = spectest.EnglishText(rng, len(p))
		}
		want := scalar.CountAll(p, d)
		path := filepath.Join(dir, d.String())
		require.NoError(t, os.WriteFile(path, p, 0o600))
		for _, w := range []int{0, 1, 2, 3} {
			o := simdwc.Options{Dialect: d, Workers: w}
			require.Equal(t, want, o.Count(p), "%s workers=%d", d, w)
			got, err := o.CountReader(iotest.HalfReader(bytes.NewReader(p)))
			require.NoError(t, err)
			require.Equal(t, want, got, "%s workers=%d reader", d, w)
			got, err = o.CountFile(path)
			require.NoError(t, err)
			require.Equal(t, want, got, "%s workers=%d file", d, w)
			c := o.NewCounter()
			_, _ = c.Write(p[:len(p)/3])
			_, _ = c.Write(p[len(p)/3:])
			require.Equal(t, want, c.Counts(), "%s workers=%d counter", d, w)
		}
		require.Equal(t, want, simdwc.Count(p, d))
		got, err := simdwc.CountFile(path, d)
		require.NoError(t, err)
		require.Equal(t, want, got)
	}
}

func TestCountFile(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.WriteFile(empty, nil, 0o600))
	got, err := simdwc.CountFile(empty, simdwc.UTF8)
	require.NoError(t, err)
	require.Zero(t, got)

	small := filepath.Join(dir, "small")
	require.NoError(t, os.WriteFile(small, []byte("a b\tc\n"), 0o600))
	got, err = simdwc.Options{Dialect: simdwc.GNUC, Need: simdwc.Words}.CountFile(small)
	require.NoError(t, err)
	require.Equal(t, simdwc.Counts{Words: 3, Bytes: 6}, got)

	_, err = simdwc.CountFile(filepath.Join(dir, "missing", "dir", "file"), simdwc.UTF8)
	require.ErrorIs(t, err, fs.ErrNotExist)

	// An *os.File given to CountReader counts from its offset.
	f, err := os.Open(small)
	require.NoError(t, err)
	defer f.Close()
	_, err = f.Seek(2, io.SeekStart)
	require.NoError(t, err)
	got, err = simdwc.CountReader(f, simdwc.GNUC)
	require.NoError(t, err)
	require.Equal(t, simdwc.Count([]byte("b\tc\n"), simdwc.GNUC), got)
}

func TestContextVariants(t *testing.T) {
	p := spectest.EnglishText(rand.New(rand.NewPCG(33, 34)), 3*parallel.MinParallel(simdwc.UTF8))
	path := filepath.Join(t.TempDir(), "f")
	require.NoError(t, os.WriteFile(path, p, 0o600))
	o := simdwc.Options{Workers: 2}

	got, err := o.CountReaderContext(context.Background(), bytes.NewReader(p))
	require.NoError(t, err)
	require.Equal(t, simdwc.Count(p, simdwc.UTF8), got)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got, err = o.CountReaderContext(ctx, bytes.NewReader(p))
	require.ErrorIs(t, err, context.Canceled)
	require.Zero(t, got.Bytes)
	got, err = o.CountFileContext(ctx, path)
	require.ErrorIs(t, err, context.Canceled)
	require.Zero(t, got.Bytes)
	got, err = o.CountContext(ctx, p)
	require.ErrorIs(t, err, context.Canceled)
	require.Zero(t, got.Bytes)
}

// A reader failing mid-stream, past several buffers: the counts of
// everything before the error, exactly.
func TestLargeReaderError(t *testing.T) {
	rng := rand.New(rand.NewPCG(35, 36))
	p := spectest.RandomText(rng, 3<<20)
	at := 2<<20 + rng.IntN(1<<20)
	boom := errors.New("boom")
	r := io.MultiReader(iotest.HalfReader(bytes.NewReader(p[:at])), iotest.ErrReader(boom))
	got, err := simdwc.Options{Dialect: simdwc.GNUUTF8, Workers: 2}.CountReader(r)
	require.ErrorIs(t, err, boom)
	require.Equal(t, scalar.CountAll(p[:at], simdwc.GNUUTF8), got)
}

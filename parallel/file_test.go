package parallel_test

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/parallel"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

func writeFile(t *testing.T, p []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "input")
	require.NoError(t, os.WriteFile(path, p, 0o600))
	return path
}

func TestCountFile(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	sizes := []int{0, 1, 2, 4095, 4096, 4097, 10000}
	for range 20 {
		sizes = append(sizes, rng.IntN(30000))
	}
	for _, n := range sizes {
		p := text(rng, n)
		path := writeFile(t, p)
		for _, d := range scalar.Dialects() {
			want := scalar.CountAll(p, d)
			// Tasks and buffers not dividing the size, nor each other.
			c := randomConfig(rng, d, n)
			got, err := c.CountPath(context.Background(), path)
			require.NoError(t, err)
			require.Equal(t, want, got.Counts(), "%d bytes %s %+v", n, d, c)
			// The package's own sizes.
			got, err = parallel.Config{Dialect: d, Need: simd.NeedAll}.CountPath(context.Background(), path)
			require.NoError(t, err)
			require.Equal(t, want, got.Counts(), "%d bytes %s", n, d)
		}
	}
}

// Above the cut-over, several buffers per worker, size not a multiple of
// the buffer.
func TestCountFileLarge(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	p := text(rng, 3*parallel.BufSize+12345)
	path := writeFile(t, p)
	for _, d := range []scalar.Dialect{scalar.GNUC, scalar.UTF8} {
		want := scalar.CountAll(p, d)
		for _, w := range []int{1, 2, 5} {
			got, err := parallel.Config{Dialect: d, Need: simd.NeedAll, Workers: w}.CountPath(context.Background(), path)
			require.NoError(t, err)
			require.Equal(t, want, got.Counts(), "%s workers=%d", d, w)
		}
	}
}

func TestCountPathMissing(t *testing.T) {
	got, err := parallel.Config{}.CountPath(context.Background(), filepath.Join(t.TempDir(), "no", "such", "dir", "file"))
	require.ErrorIs(t, err, fs.ErrNotExist)
	require.Zero(t, got.Bytes)
}

// An open file counts from its offset, and is left at its end.
func TestCountFileFromOffset(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	p := text(rng, 20000)
	f, err := os.Open(writeFile(t, p))
	require.NoError(t, err)
	defer f.Close()
	_, err = f.Seek(777, io.SeekStart)
	require.NoError(t, err)
	c := parallel.WithSizes(parallel.Config{Dialect: scalar.GNUUTF8, Need: simd.NeedAll, Workers: 3}, 1500, 700)
	got, err := c.CountReader(context.Background(), f) // an *os.File takes the file path
	require.NoError(t, err)
	require.Equal(t, scalar.CountAll(p[777:], scalar.GNUUTF8), got.Counts())
	off, err := f.Seek(0, io.SeekCurrent)
	require.NoError(t, err)
	require.Equal(t, int64(len(p)), off)
}

// A FIFO is not a regular file: it is read as a stream.
func TestCountFileFIFO(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	rng := rand.New(rand.NewPCG(19, 20))
	p := text(rng, 300000)
	path := filepath.Join(t.TempDir(), "fifo")
	require.NoError(t, syscall.Mkfifo(path, 0o600))
	done := make(chan error, 1)
	go func() {
		w, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err == nil {
			_, err = w.Write(p)
			w.Close()
		}
		done <- err
	}()
	c := parallel.WithSizes(parallel.Config{Dialect: scalar.UTF8, Need: simd.NeedAll, Workers: 2}, 0, 4096)
	got, err := c.CountPath(context.Background(), path)
	require.NoError(t, err)
	require.NoError(t, <-done)
	require.Equal(t, scalar.CountAll(p, scalar.UTF8), got.Counts())
}

// failingReaderAt serves p but fails every read that reaches past at,
// returning the bytes before at with the error.
type failingReaderAt struct {
	p   []byte
	at  int64
	err error
}

func (f failingReaderAt) ReadAt(b []byte, off int64) (int, error) {
	if off+int64(len(b)) <= f.at {
		return copy(b, f.p[off:]), nil
	}
	n := 0
	if off < f.at {
		n = copy(b, f.p[off:f.at])
	}
	return n, f.err
}

// A failed positional read returns exactly the counts of the bytes before
// it; a file that ended early (io.EOF) returns no error.
func TestCountRangeErrors(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for i := range 200 {
		p := text(rng, 1+rng.IntN(20000))
		at := int64(rng.IntN(len(p) + 1))
		d := scalar.Dialects()[rng.IntN(len(scalar.Dialects()))]
		for _, e := range []error{errCustom, io.ErrUnexpectedEOF, io.EOF} {
			c := randomConfig(rng, d, len(p))
			got, short, err := c.CountRange(context.Background(), failingReaderAt{p, at, e}, 0, int64(len(p)))
			if e == io.EOF {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, e)
			}
			require.Equal(t, at < int64(len(p)), short)
			require.Equal(t, scalar.CountAll(p[:at], d), got.Counts(), "case %d %s at %d/%d", i, d, at, len(p))
		}
	}
}

// A file that grows after Stat is counted to its real end.
func TestCountFileGrows(t *testing.T) {
	p := bytes.Repeat([]byte("grow ing\n"), 1000)
	path := writeFile(t, p[:4000])
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	require.NoError(t, err)
	defer f.Close()
	grown := false
	k := func(q []byte) scalar.Partial {
		if !grown { // append while the first part is being counted
			grown = true
			_, err := f.WriteAt(p[4000:], 4000)
			require.NoError(t, err)
		}
		return scalar.Count(q, scalar.ASCII)
	}
	c := parallel.WithKernel(parallel.Config{Dialect: scalar.ASCII, Workers: 1}, k)
	got, err := c.CountFile(context.Background(), f)
	require.NoError(t, err)
	require.Equal(t, scalar.CountAll(p, scalar.ASCII), got.Counts())
}

func TestCountFileDevNull(t *testing.T) {
	f, err := os.Open(os.DevNull)
	require.NoError(t, err)
	defer f.Close()
	got, err := parallel.Config{Dialect: scalar.GNUC}.CountFile(context.Background(), f)
	require.NoError(t, err)
	require.Zero(t, got.Counts())
}

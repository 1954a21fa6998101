// Package simdwc counts lines, words, chars, bytes and the maximum line
// length of text at memory speed — wc -lwmcL as a library — with SIMD
// kernels picked for the CPU at hand and numbers that are provably those
// of a plain byte-at-a-time reference (package scalar).
//
// Four dialects define what a word, a char and a line's length are:
// UTF8 (the default: Go's unicode.IsSpace and utf8.RuneCount), ASCII
// (POSIX spaces, bytes are chars), and GNUC and GNUUTF8, which reproduce
// GNU coreutils 9.1 wc under LC_ALL=C and LC_ALL=C.UTF-8 exactly.
package simdwc

import (
	"context"
	"io"

	"github.com/simdwc/simdwc/parallel"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// Dialect selects what a word, a char and a line's length are.
type Dialect = scalar.Dialect

const (
	// UTF8: Unicode words (unicode.IsSpace), chars as utf8.RuneCount,
	// max line length in chars. The default (zero value).
	UTF8 = scalar.UTF8
	// ASCII: words split on the six POSIX space bytes, chars are bytes.
	ASCII = scalar.ASCII
	// GNUC: exactly GNU wc 9.1 with LC_ALL=C.
	GNUC = scalar.GNUC
	// GNUUTF8: exactly GNU wc 9.1 with LC_ALL=C.UTF-8.
	GNUUTF8 = scalar.GNUUTF8
	// GNUUTF8Posix: GNUUTF8 as wc counts with POSIXLY_CORRECT set.
	GNUUTF8Posix = scalar.GNUUTF8Posix
)

// ParseDialect accepts utf8, ascii, gnu-c, gnu-utf8 and gnu-utf8-posix;
// Dialect.String gives those names back.
func ParseDialect(name string) (Dialect, error) { return scalar.ParseDialect(name) }

// Counts are the five numbers wc prints. Chars equals Bytes in the byte
// dialects (ASCII, GNUC).
type Counts = scalar.Counts

// Need selects counts; leaving some out lets the kernels skip their work.
// Bytes are always counted.
type Need = simd.Need

const (
	Lines         = simd.NeedLines
	Words         = simd.NeedWords
	Chars         = simd.NeedChars
	MaxLineLength = simd.NeedMaxLineLength
	All           = simd.NeedAll
)

// Options tune a count. The zero value counts everything in UTF8.
type Options struct {
	Dialect Dialect
	// Need selects the counts wanted; 0 means All. Counts outside it come
	// back as 0.
	Need Need
	// Workers is the most goroutines that count at once for a large
	// input; 0 means GOMAXPROCS, and 1 keeps all work on the calling
	// goroutine. Inputs too small to gain from more (see
	// parallel.MinParallel) are always counted on the calling goroutine.
	Workers int
}

// config is the parallel layer's view of o.
func (o Options) config() parallel.Config {
	return parallel.Config{Dialect: o.Dialect, Need: o.need(), Workers: o.Workers}
}

func (o Options) need() Need {
	if o.Need == 0 {
		return All
	}
	return o.Need
}

// Count returns the counts of p in dialect d.
func Count(p []byte, d Dialect) Counts {
	return Options{Dialect: d}.Count(p)
}

// Count returns the counts of p, as o selects. A large p is counted on
// o.Workers goroutines; a small one allocates nothing.
func (o Options) Count(p []byte) Counts {
	return o.finish(o.config().Count(p))
}

// CountContext is Count that gives up when ctx is cancelled, returning
// the counts of a prefix of p (Bytes says how long) with ctx's error.
func (o Options) CountContext(ctx context.Context, p []byte) (Counts, error) {
	part, err := o.config().CountContext(ctx, p)
	return o.finish(part), err
}

// finish turns a Partial into Counts, zeroing counts nobody asked for (a
// kernel's values for those are unspecified).
func (o Options) finish(p scalar.Partial) Counts {
	return o.need().Keep(p.Counts())
}

// CountReader counts everything r yields until io.EOF. On a read error it
// returns the counts of everything read before it, with the error.
// Reading overlaps counting on every core, with at most 64 MiB of
// buffers; an *os.File that is a regular file is counted as CountFile
// does, from its current offset.
func CountReader(r io.Reader, d Dialect) (Counts, error) {
	return Options{Dialect: d}.CountReader(r)
}

// CountReader counts everything r yields, as o selects.
func (o Options) CountReader(r io.Reader) (Counts, error) {
	return o.CountReaderContext(context.Background(), r)
}

// CountReaderContext is CountReader that stops when ctx is cancelled,
// returning the counts of a prefix of the input with ctx's error. A Read
// already blocked is not interrupted.
func (o Options) CountReaderContext(ctx context.Context, r io.Reader) (Counts, error) {
	part, err := o.config().CountReader(ctx, r)
	return o.finish(part), err
}

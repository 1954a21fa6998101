package main

import (
	"errors"
	"io"
	"os"
	"syscall"

	"github.com/simdwc/simdwc"
)

// readBufferSize is the read size for inputs that are read: big enough
// that the per-read cost (a syscall and a Partial merge) is noise, small
// enough to stay in L2 while the kernel runs over it.
const readBufferSize = 256 << 10

// counter counts one open input in one dialect.
type counter struct {
	sel     selection
	dialect simdwc.Dialect
	buf     []byte
}

// multibyte reports whether chars differ from bytes in the dialect (wc's
// MB_CUR_MAX > 1). In the byte dialects -m prints the byte count and costs
// nothing more than -c.
func multibyte(d simdwc.Dialect) bool {
	return d != simdwc.ASCII && d != simdwc.GNUC
}

// need is what the kernels must count for the selection; 0 means bytes
// alone, which needs no kernel at all.
func (c *counter) need() simdwc.Need {
	var n simdwc.Need
	if c.sel.lines {
		n |= simdwc.Lines
	}
	if c.sel.words {
		n |= simdwc.Words
	}
	if c.sel.chars && multibyte(c.dialect) {
		n |= simdwc.Chars
	}
	if c.sel.maxLineLength {
		n |= simdwc.MaxLineLength
	}
	return n
}

// count counts f. pos is f's offset when known (0 for a file wc opened
// itself), -1 when not (standard input). On a read error it returns the
// counts of what was read before it, with the error.
func (c *counter) count(f *os.File, pos int64) (counts, error) {
	need := c.need()
	if need == 0 {
		n, err := c.countBytes(f, pos)
		return counts{chars: n, bytes: n}, err
	}
	d := c.dialect
	if need == simdwc.Lines {
		// Lines are the '\n' bytes in every dialect; the byte dialects
		// have the fastest kernels (no decoding).
		d = simdwc.GNUC
	}
	// CountReader takes the parallel file path (positional reads on every
	// core, from f's current offset) for a regular file, and the
	// overlapped read/count pipeline for anything else.
	r, err := simdwc.Options{Dialect: d, Need: need}.CountReader(f)
	out := counts{lines: r.Lines, words: r.Words, chars: r.Chars, bytes: r.Bytes, maxLineLength: r.MaxLineLength}
	if !multibyte(c.dialect) {
		out.chars = out.bytes
	}
	return out, err
}

// copy reads f to its end, in large reads, discarding the bytes.
func (c *counter) copy(f *os.File) (int64, error) {
	if c.buf == nil {
		c.buf = make([]byte, readBufferSize)
	}
	var total int64
	for {
		n, err := f.Read(c.buf)
		if n > 0 {
			total += int64(n)
		}
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}

// countBytes is wc -c: for a regular file the size minus the current
// offset, without reading or moving the offset, exactly as wc 9.1
// computes it (including its arithmetic for sizes that are a multiple of
// the page size, as /sys files report); for anything else the bytes read.
func (c *counter) countBytes(f *os.File, pos int64) (uint64, error) {
	var n int64
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() >= 0 {
		end := st.Size()
		if pos < 0 {
			pos, err = f.Seek(0, io.SeekCurrent)
			if err != nil {
				pos = -1
			}
		}
		if end%int64(os.Getpagesize()) != 0 {
			// wc 9.1 leaves the offset where it was, so a second "-"
			// on the same regular file counts it again.
			return uint64(max(end-pos, 0)), nil
		}
		blksize := int64(512)
		if sys, ok := st.Sys().(*syscall.Stat_t); ok && sys.Blksize > 0 {
			blksize = int64(sys.Blksize)
		}
		// wc 9.1 seeks by hi relative to the current offset, not to hi;
		// with a non-zero offset that skips pos bytes too many.
		if hi := end - end%(blksize+1); pos >= 0 && pos < hi {
			if _, err := f.Seek(hi, io.SeekCurrent); err == nil {
				n = hi - pos
			}
		}
	}
	read, err := c.copy(f)
	return uint64(n + read), err
}

// errnoText is strerror(errno) for err as glibc words it: Go's texts are
// glibc's with a lower-case first letter.
func errnoText(err error) string {
	var en syscall.Errno
	if errors.As(err, &en) {
		err = en
	}
	s := err.Error()
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

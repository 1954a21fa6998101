package simdwc

import (
	"unsafe"

	"github.com/simdwc/simdwc/scalar"
)

// Counter counts the bytes written to it. It is an io.Writer, so
// io.Copy(counter, file) counts a file. However the bytes are cut into
// writes — inside a word, inside a multi-byte char, inside a tab run — the
// counts equal Count of all of them at once. A Counter allocates nothing
// per write. It is not safe for concurrent use.
type Counter struct {
	opt  Options
	part scalar.Partial
}

// NewCounter returns a Counter for dialect d, counting everything.
func NewCounter(d Dialect) *Counter { return Options{Dialect: d}.NewCounter() }

// NewCounter returns a Counter that counts as o selects.
func (o Options) NewCounter() *Counter {
	return &Counter{opt: o, part: scalar.Partial{Dialect: o.Dialect}}
}

// Write counts p. It never fails. A large p is counted on o.Workers
// goroutines, as Options.Count does.
func (c *Counter) Write(p []byte) (int, error) {
	c.part = c.part.Merge(c.opt.config().Count(p))
	return len(p), nil
}

// WriteString counts s without copying it.
func (c *Counter) WriteString(s string) (int, error) {
	return c.Write(unsafe.Slice(unsafe.StringData(s), len(s)))
}

// Counts returns the counts of everything written since the Counter was
// made or Reset; a sequence cut off at the end counts as at end of input.
// Writing more afterwards goes on from where it was.
func (c *Counter) Counts() Counts { return c.opt.finish(c.part) }

// Reset forgets everything written.
func (c *Counter) Reset() { c.part = scalar.Partial{Dialect: c.opt.Dialect} }

package parallel

import (
	"context"
	"io"
	"os"
	"sync"

	"github.com/simdwc/simdwc/scalar"
)

const (
	// bufSize is the read buffer of a file worker and of a stream slot.
	// BenchmarkFile: pread into 256 KiB, 1 MiB and 4 MiB buffers was the
	// same within the noise; 1 MiB amortises the syscall and a stream's
	// per-buffer handoff while 2·workers+1 of them stay far below the
	// 64 MiB bound.
	bufSize = 1 << 20
	// maxStreamMem bounds the buffers of one stream count.
	maxStreamMem = 64 << 20
	// slotsPerWorker: buffers in flight per counting goroutine, so that a
	// worker finding its next buffer filled rarely waits on the reader.
	slotsPerWorker = 2
)

// bufPool keeps bufSize read buffers across calls, so counting many files
// or streams in turn does not allocate and zero a fresh megabyte each time.
var bufPool = sync.Pool{New: func() any { b := make([]byte, bufSize); return &b }}

func (c Config) getBuf() *[]byte {
	if c.BufferSize > 0 && c.BufferSize != bufSize {
		b := make([]byte, c.BufferSize)
		return &b
	}
	return bufPool.Get().(*[]byte)
}

func putBuf(b *[]byte) {
	if len(*b) == bufSize {
		bufPool.Put(b)
	}
}

func (c Config) bufferSize() int {
	if c.BufferSize > 0 {
		return c.BufferSize
	}
	return bufSize
}

func ctxErr(ctx context.Context) error {
	if ctx == nil {
		return nil
	}
	return ctx.Err()
}

// maxEmptyReads: a reader that keeps returning 0, nil is broken (as bufio
// judges it), not slow.
const maxEmptyReads = 100

// readFull reads into p until it is full or r fails; io.EOF is returned
// as is.
func readFull(r io.Reader, p []byte) (int, error) {
	n, empty := 0, 0
	for n < len(p) {
		m, err := r.Read(p[n:])
		n += m
		if err != nil {
			return n, err
		}
		if m > 0 {
			empty = 0 // only empty reads in a row mean no progress (as bufio)
		} else if empty++; empty >= maxEmptyReads {
			return n, io.ErrNoProgress
		}
	}
	return n, nil
}

// CountReader returns the Partial of everything r yields until io.EOF. An
// *os.File goes to CountFile (in parallel when it is a regular file).
// Reading overlaps counting: the calling goroutine reads into a small
// pool of reused buffers (at most 64 MiB whatever the input size) while
// Workers goroutines count them, and the Partials are merged in order.
//
// On a read error it returns the Partial of every byte read before it,
// exactly, with the error; when ctx is cancelled, that of a prefix of the
// input with ctx's error. A Read that blocks is not interrupted by ctx.
func (c Config) CountReader(ctx context.Context, r io.Reader) (scalar.Partial, error) {
	if f, ok := r.(*os.File); ok {
		return c.countFile(cancellable(ctx), f)
	}
	return c.countStream(cancellable(ctx), r, scalar.Partial{Dialect: c.Dialect})
}

// countStream counts r after acc.
func (c Config) countStream(ctx context.Context, r io.Reader, acc scalar.Partial) (scalar.Partial, error) {
	if err := ctxErr(ctx); err != nil {
		return acc, err
	}
	buf := c.getBuf()
	n, err := readFull(r, *buf)
	acc = acc.Merge(c.kernel((*buf)[:n]))
	if err == nil && c.workers() > 1 {
		return c.pipeline(ctx, r, acc, buf)
	}
	// One buffer held all of it, or counting stays on this goroutine.
	defer putBuf(buf)
	for err == nil {
		if err = ctxErr(ctx); err != nil {
			return acc, err
		}
		n, err = readFull(r, *buf)
		acc = acc.Merge(c.kernel((*buf)[:n]))
	}
	if err == io.EOF {
		err = nil
	}
	return acc, err
}

// slot is one buffer of the pipeline and what became of it.
type slot struct {
	buf  *[]byte
	n    int
	part scalar.Partial
	err  error         // set instead of part when the worker saw ctx cancelled
	busy bool          // handed to the workers and not yet taken back
	done chan struct{} // cap 1: a worker never blocks signalling
}

// pipeline counts the rest of r after acc; first is a buffer to reuse.
func (c Config) pipeline(ctx context.Context, r io.Reader, acc scalar.Partial, first *[]byte) (scalar.Partial, error) {
	size := c.bufferSize()
	nslots := max(2, min(slotsPerWorker*c.workers()+1, maxStreamMem/size))
	w := min(c.workers(), nslots-1)
	slots := make([]slot, nslots)
	slots[0].buf = first
	jobs := make(chan *slot, nslots) // never full: at most nslots are busy

	var wg sync.WaitGroup
	for range w {
		wg.Go(func() {
			for s := range jobs {
				if err := ctxErr(ctx); err != nil {
					s.err = err
				} else {
					s.part = c.kernel((*s.buf)[:s.n])
				}
				s.done <- struct{}{}
			}
		})
	}

	var err error
	stopped := false // a slot was skipped: later ones must not be merged
	take := func(s *slot) {
		<-s.done
		s.busy = false
		if stopped {
			return
		}
		if s.err != nil {
			stopped, err = true, s.err
			return
		}
		acc = acc.Merge(s.part)
	}

	seq := 0
	for {
		s := &slots[seq%nslots]
		if s.buf == nil {
			s.buf = c.getBuf()
		}
		if s.done == nil {
			s.done = make(chan struct{}, 1)
		}
		if s.busy {
			take(s) // the oldest in flight: merges stay in input order
		}
		if stopped {
			break
		}
		if e := ctxErr(ctx); e != nil {
			err = e
			break
		}
		n, rerr := readFull(r, *s.buf)
		if n > 0 {
			s.n, s.part, s.err, s.busy = n, scalar.Partial{}, nil, true
			jobs <- s
			seq++
		}
		if rerr != nil {
			if rerr != io.EOF {
				err = rerr
			}
			break
		}
	}
	close(jobs)
	for i := max(0, seq-nslots); i < seq; i++ {
		if s := &slots[i%nslots]; s.busy {
			take(s)
		}
	}
	wg.Wait()
	for i := range slots {
		if slots[i].buf != nil {
			putBuf(slots[i].buf)
		}
	}
	return acc, err
}

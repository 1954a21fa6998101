package bench

import (
	"bytes"
	"math"
	"sync"
	"time"
)

// sink keeps the compiler from dropping the work being timed.
var sink uint64

// Sampler times operations over one buffer.
type Sampler struct {
	// Reps is how many samples of each operation are taken.
	Reps int
	// Target is the least time one sample should take; fast operations
	// are repeated over the buffer (passes) until they do, so that the
	// timer's resolution and the loop's overhead vanish.
	Target time.Duration
	// SlowPass: when one pass of the slowest operation takes longer than
	// this, only min(Reps, 3) samples are taken — enough for a median,
	// and the reference on a gigabyte takes seconds a pass.
	SlowPass time.Duration
}

// Sample times each op over a buffer of n bytes, Reps times, and returns
// GB/s per op per repeat. Repeats interleave the ops, rotating which goes
// first, so that a burst of load from elsewhere on the machine hits all of
// them alike and sample i of every op can be compared pairwise.
//
// A first round of one pass each calibrates how many passes make a
// sample; it also warms the caches and faults in pages. An op whose one
// pass already took Target or longer keeps that pass as its first sample:
// for the reference on a large buffer, the calibration is a quarter of the
// run otherwise.
func (s Sampler) Sample(n int, ops ...func()) [][]float64 {
	passes := make([]int, len(ops))
	out := make([][]float64, len(ops))
	reps := max(1, s.Reps)
	for i, op := range ops {
		t := timeOp(op, 1)
		passes[i] = max(1, int(math.Ceil(float64(s.Target)/float64(max(t, time.Nanosecond)))))
		if t >= s.Target {
			out[i] = append(out[i], gbps(n, t))
		}
		if s.SlowPass > 0 && t > s.SlowPass {
			reps = min(reps, 3)
		}
	}
	for r := 0; ; r++ {
		more := false
		for j := range ops {
			i := (r + j) % len(ops)
			if len(out[i]) >= reps {
				continue
			}
			more = true
			t := timeOp(ops[i], passes[i])
			out[i] = append(out[i], gbps(n*passes[i], t))
		}
		if !more {
			return out
		}
	}
}

func timeOp(op func(), passes int) time.Duration {
	start := time.Now()
	for range passes {
		op()
	}
	return time.Since(start)
}

func gbps(n int, t time.Duration) float64 {
	return float64(n) / max(t.Seconds(), 1e-9) / 1e9
}

// RarestByte returns the byte value that occurs least in p, and how often.
// Text leaves most byte values absent, so the count is usually 0.
func RarestByte(p []byte) (byte, int) {
	var hist [256]int
	for _, b := range p {
		hist[b]++
	}
	best := 0
	for b := range hist {
		if hist[b] < hist[best] {
			best = b
		}
	}
	return byte(best), hist[best]
}

// MemRead is the memory-read baseline: bytes.IndexByte for a byte that is
// not in p reads all of p as fast as the standard library's SIMD can. When
// every byte value occurs (random bytes) it searches for the rarest one
// and steps over each hit, which costs a call per hit.
func MemRead(p []byte, b byte) int {
	hits := 0
	for {
		i := bytes.IndexByte(p, b)
		if i < 0 {
			return hits
		}
		hits++
		p = p[i+1:]
	}
}

var newline = []byte{'\n'}

// CountNewlines is the bytes.Count baseline, what `wc -l` needs.
func CountNewlines(p []byte) int { return bytes.Count(p, newline) }

// Chunks cuts p into n nearly equal consecutive pieces.
func Chunks(p []byte, n int) [][]byte {
	n = max(1, min(n, len(p)))
	out := make([][]byte, 0, n)
	for i := range n {
		out = append(out, p[len(p)*i/n:len(p)*(i+1)/n])
	}
	return out
}

// ParallelMemRead runs MemRead over n chunks of p on n goroutines: the
// N-thread memory-read baseline.
func ParallelMemRead(p []byte, b byte, n int) {
	var wg sync.WaitGroup
	for _, c := range Chunks(p, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			MemRead(c, b)
		}()
	}
	wg.Wait()
}

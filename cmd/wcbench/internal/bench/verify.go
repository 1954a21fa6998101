package bench

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/simdwc/simdwc/scalar"
)

// Buffer is one input the kernels are verified and timed on.
type Buffer struct {
	Corpus string
	Size   Size
	Data   []byte
}

// Mismatch is a kernel that counted a buffer differently from the
// reference (scalar.CountAll), or panicked on it.
type Mismatch struct {
	Kernel  string        `json:"kernel"`
	Dialect string        `json:"dialect"`
	Need    string        `json:"need"`
	Corpus  string        `json:"corpus"`
	Size    string        `json:"size"`
	Bytes   int           `json:"bytes"`
	Want    scalar.Counts `json:"want"`
	Got     scalar.Counts `json:"got"`
	Diff    string        `json:"diff"`
}

func (m Mismatch) String() string {
	return fmt.Sprintf("kernel %s, dialect %s, need %s, %s %s: %s", m.Kernel, m.Dialect, m.Need, m.Corpus, m.Size, m.Diff)
}

// Diff describes how got differs from want, field by field.
func Diff(want, got scalar.Counts) string {
	var parts []string
	add := func(name string, w, g uint64) {
		if w != g {
			parts = append(parts, fmt.Sprintf("%s want %d got %d", name, w, g))
		}
	}
	add("lines", want.Lines, got.Lines)
	add("words", want.Words, got.Words)
	add("chars", want.Chars, got.Chars)
	add("bytes", want.Bytes, got.Bytes)
	add("max-line-length", want.MaxLineLength, got.MaxLineLength)
	return strings.Join(parts, ", ")
}

// Verify counts every buffer in every dialect with every kernel for every
// need and compares with scalar.CountAll, masked to the need. It returns
// the disagreements and how many comparisons were made. Buffers and
// dialects are checked in parallel: on a gigabyte the reference takes
// seconds.
func Verify(kernels []Kernel, bufs []Buffer, dialects []scalar.Dialect, needs []NeedSet) (mismatches []Mismatch, checked int) {
	type job struct {
		buf Buffer
		d   scalar.Dialect
	}
	jobs := make(chan job)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(bufs)*len(dialects))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				want := scalar.CountAll(j.buf.Data, j.d)
				for _, k := range kernels {
					for _, n := range needs {
						got, err := countSafely(k, j.buf.Data, j.d, n)
						w := Mask(want, n.Need)
						diff := ""
						if err != nil {
							diff = err.Error()
						} else if g := Mask(got, n.Need); g != w {
							got, diff = g, Diff(w, g)
						}
						mu.Lock()
						checked++
						if diff != "" {
							mismatches = append(mismatches, Mismatch{
								Kernel: k.Name, Dialect: j.d.String(), Need: n.Name,
								Corpus: j.buf.Corpus, Size: j.buf.Size.Label(), Bytes: len(j.buf.Data),
								Want: w, Got: got, Diff: diff,
							})
						}
						mu.Unlock()
					}
				}
			}
		}()
	}
	for _, b := range bufs {
		for _, d := range dialects {
			jobs <- job{b, d}
		}
	}
	close(jobs)
	wg.Wait()
	sortMismatches(mismatches)
	return mismatches, checked
}

// countSafely runs k and turns a panic into an error: a kernel that
// crashes disagrees with the reference too.
func countSafely(k Kernel, p []byte, d scalar.Dialect, n NeedSet) (c scalar.Counts, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return k.Count(p, d, n.Need).Counts(), nil
}

func sortMismatches(ms []Mismatch) {
	key := func(m Mismatch) string {
		return fmt.Sprintf("%s\x00%s\x00%s\x00%s\x00%012d", m.Kernel, m.Corpus, m.Dialect, m.Need, m.Bytes)
	}
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && key(ms[j]) < key(ms[j-1]); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// refused returns the names of the kernels with a mismatch.
func refused(ms []Mismatch) map[string]bool {
	r := map[string]bool{}
	for _, m := range ms {
		r[m.Kernel] = true
	}
	return r
}

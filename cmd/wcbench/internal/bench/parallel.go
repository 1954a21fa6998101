package bench

import (
	"sync"

	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// Parallel is the counter the thread sweep measures: Count splits p over
// workers goroutines. Name says which implementation it is, for the report.
type Parallel struct {
	Name  string
	Count func(p []byte, d scalar.Dialect, need simd.Need, workers int) scalar.Counts
}

// SplitParallel is a plain goroutine split: p cut into workers equal
// chunks, each counted by simd.Count (the selected kernel) on its own
// goroutine, the Partials merged in order. The tests sweep it; wcbench
// itself sweeps package parallel.
var SplitParallel = Parallel{
	Name: "simple goroutine split over simd.Count + scalar.Partial.Merge (not package parallel)",
	Count: func(p []byte, d scalar.Dialect, need simd.Need, workers int) scalar.Counts {
		chunks := Chunks(p, workers)
		parts := make([]scalar.Partial, len(chunks))
		var wg sync.WaitGroup
		for i, c := range chunks {
			wg.Add(1)
			go func() {
				defer wg.Done()
				parts[i] = simd.Count(c, d, need)
			}()
		}
		wg.Wait()
		sum := scalar.Partial{Dialect: d}
		for _, pt := range parts {
			sum = sum.Merge(pt)
		}
		return sum.Counts()
	},
}

// ThreadCounts returns the worker counts the sweep measures: every one
// from 1 to maxProcs, or in quick mode the powers of two and maxProcs.
func ThreadCounts(maxProcs int, quick bool) []int {
	var out []int
	for n := 1; n <= maxProcs; n++ {
		if !quick || n&(n-1) == 0 || n == maxProcs {
			out = append(out, n)
		}
	}
	return out
}
